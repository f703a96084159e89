import type { ImapPoller } from './imapPoller';
import type { Mailbox } from './mailboxConfig';

// The running IMAP pollers, one per mailbox with IMAP settings, kept in step with the mailboxes at
// runtime: a mailbox saved with IMAP settings starts being polled at once, a changed mailbox (server,
// password, folder, interval, but also its queue or address, which the poller hands to the pipeline)
// gets a fresh poller, and one saved without IMAP stops being polled. A replacement starts only once
// the old poller's round has finished, so two pollers never read the same folder at once.

/** The pollers of every mailbox, following their settings. */
export interface ImapPollers {
  /** Starts, restarts or stops the mailbox's poller so it matches the mailbox as given. Never throws. */
  sync(mailbox: Mailbox): void;
  /** Ids of the mailboxes being polled now. */
  polled(): string[];
  /** Stops every poller and resolves once their last rounds have finished. */
  stop(): Promise<void>;
}

interface Entry {
  /** The mailbox as the poller was built with, to tell whether a save changed anything. */
  fingerprint: string;
  poller: ImapPoller;
  /** Stops the poller's timer, or keeps it from starting when it is still waiting for its predecessor. */
  cancel(): void;
}

/** Builds the set; `create` builds one mailbox's poller (the real one, or a fake in tests). */
export function createImapPollers(deps: {
  create(mailbox: Mailbox): ImapPoller;
  onError(error: unknown, where: string): void;
}): ImapPollers {
  const entries = new Map<string, Entry>();
  /** Pollers replaced or stopped whose last round may still run. */
  const retiring = new Set<ImapPoller>();
  let stopped = false;

  const retire = (entry: Entry) => {
    entry.cancel();
    retiring.add(entry.poller);
    void entry.poller.idle().then(() => retiring.delete(entry.poller));
    return entry.poller.idle();
  };

  return {
    sync(mailbox) {
      if (stopped) return;
      try {
        const fingerprint = mailbox.settings.imap ? JSON.stringify(mailbox) : null;
        const current = entries.get(mailbox.id);
        if (current?.fingerprint === fingerprint) return;
        const previousIdle = current ? retire(current) : Promise.resolve();
        entries.delete(mailbox.id);
        if (fingerprint === null) return;
        const poller = deps.create(mailbox);
        let cancelled = false;
        let stopTimer: (() => void) | null = null;
        const entry: Entry = {
          fingerprint,
          poller,
          cancel() {
            cancelled = true;
            stopTimer?.();
          },
        };
        entries.set(mailbox.id, entry);
        void previousIdle.then(() => {
          if (!cancelled) stopTimer = poller.start();
        });
      } catch (error) {
        deps.onError(error, `IMAP poller of ${mailbox.address}`);
      }
    },
    polled: () => [...entries.keys()],
    async stop() {
      stopped = true;
      const waits = [...entries.values()].map(retire);
      entries.clear();
      await Promise.all([...waits, ...[...retiring].map((p) => p.idle())]);
    },
  };
}
