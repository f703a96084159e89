import { ImapFlow } from 'imapflow';
import type { ImapSettings, Mailbox } from './mailboxConfig';

// Polls a mailbox hosted elsewhere over IMAP: each round fetches the unseen messages, runs each
// through the same pipeline as SMTP, and sets \Seen only once the message is stored. A message the
// pipeline refuses (too big, store failure) stays unseen and is tried again next round.

/** What one poll did. */
export interface PollResult {
  fetched: number;
  stored: number;
  tooBig: number;
  failed: number;
}

/** A poller of one mailbox. */
export interface ImapPoller {
  /** One round now (tests call this; the timer calls it too). Rounds never overlap. */
  pollOnce(): Promise<PollResult>;
  /** Starts the timer; returns the function that stops it. */
  start(): () => void;
  /** Resolves once no round is running (a stopped poller's last round may still be finishing). */
  idle(): Promise<void>;
}

/** A timer source, injected so tests need none. */
export interface PollScheduler {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** Builds the poller of `mailbox` (which must have IMAP settings). */
export function createImapPoller(deps: {
  mailbox: Mailbox;
  maxMessageBytes: number;
  deliver(raw: Buffer, mailbox: Mailbox): Promise<void>;
  scheduler: PollScheduler;
  onError(error: unknown, where: string): void;
}): ImapPoller {
  const settings = deps.mailbox.settings.imap as ImapSettings;
  if (!settings) throw new Error(`Mailbox ${deps.mailbox.id} has no IMAP settings`);
  let running: Promise<PollResult> | null = null;

  const round = async (): Promise<PollResult> => {
    const result: PollResult = { fetched: 0, stored: 0, tooBig: 0, failed: 0 };
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.password },
      logger: false,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      // Plain IMAP is only for loopback or a trusted network; elsewhere configure secure: true.
      doSTARTTLS: settings.secure ? undefined : false,
    });
    client.on('error', (error: unknown) => deps.onError(error, `IMAP connection of ${deps.mailbox.address}`));
    await client.connect();
    try {
      const lock = await client.getMailboxLock(settings.folder);
      try {
        const unseen = (await client.search({ seen: false }, { uid: true })) || [];
        // Bounded per round; the rest comes next round.
        for (const uid of unseen.slice(0, 200)) {
          result.fetched++;
          const meta = await client.fetchOne(String(uid), { size: true }, { uid: true });
          if (meta && typeof meta.size === 'number' && meta.size > deps.maxMessageBytes) {
            result.tooBig++;
            deps.onError(
              new Error(`message uid ${uid} is ${meta.size} bytes, over the limit`),
              `IMAP poll of ${deps.mailbox.address}`,
            );
            continue;
          }
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          try {
            await deps.deliver(message.source, deps.mailbox);
          } catch (error) {
            result.failed++;
            deps.onError(error, `storing IMAP message uid ${uid} of ${deps.mailbox.address}`);
            continue;
          }
          // Only now: a crash before this line means the message is fetched again and recognised as a duplicate.
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          result.stored++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client
        .logout()
        .catch((error: unknown) => deps.onError(error, `IMAP logout of ${deps.mailbox.address}`));
    }
    return result;
  };

  const pollOnce = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    pollOnce,
    idle: () =>
      running
        ? running.then(
            () => undefined,
            () => undefined,
          )
        : Promise.resolve(),
    start() {
      let stopped = false;
      let handle: unknown = null;
      const tick = () => {
        pollOnce()
          .catch((error: unknown) => deps.onError(error, `IMAP poll of ${deps.mailbox.address}`))
          .finally(() => {
            if (!stopped) handle = deps.scheduler.set(tick, settings.pollIntervalMs);
          });
      };
      handle = deps.scheduler.set(tick, 0);
      return () => {
        stopped = true;
        deps.scheduler.clear(handle);
      };
    },
  };
}
