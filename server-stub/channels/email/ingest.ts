import type { Mailbox } from './mailboxConfig';
import type { MessageRecord, MessageStore, ThreadRecord } from './messageStore';
import { parseEmail, type ParsedEmail } from './parseEmail';
import type { RouteOutcome, ThreadRouter } from './threadRouting';

// One pipeline for every way mail arrives (SMTP receiver, IMAP poller): parse, match the sender to
// a customer, store durably, then route. A routing failure never loses the message: it stays stored
// with routed = 0 and `resumeUnrouted` (run at start) tries again.

/** What happened to a message for one mailbox. */
export interface IngestOutcome {
  mailboxId: string;
  duplicate: boolean;
  message: MessageRecord;
  thread: ThreadRecord;
  newThread: boolean;
  /** Null when routing failed (reported to `onError`; retried on the next start). */
  routed: RouteOutcome | null;
}

/** Events after a message is stored and routed (the auto-acknowledgement listens). */
export interface IngestListener {
  (event: { mailbox: Mailbox; parsed: ParsedEmail; outcome: IngestOutcome }): void;
}

/** The inbound pipeline. */
export interface EmailIngest {
  /** Parses once and stores for each mailbox. Throws only when storing fails (then nothing is acknowledged). */
  ingest(raw: Buffer, mailboxes: readonly Mailbox[], source: 'smtp' | 'imap'): Promise<IngestOutcome[]>;
  /** Routes messages stored but not routed (a crash or routing error in between); returns how many. */
  resumeUnrouted(): Promise<number>;
  onIngested(listener: IngestListener): () => void;
}

/** Builds the pipeline. */
export function createEmailIngest(deps: {
  messages: MessageStore;
  router: ThreadRouter;
  mailboxById: (tenantId: string, id: string) => Mailbox | undefined;
  now: () => number;
  onError: (error: unknown, where: string) => void;
}): EmailIngest {
  const { messages, router } = deps;
  const listeners = new Set<IngestListener>();

  const tryRoute = async (
    message: MessageRecord,
    thread: ThreadRecord,
    mailbox: Mailbox,
  ): Promise<RouteOutcome | null> => {
    try {
      return await router.route(message, thread, mailbox);
    } catch (error) {
      deps.onError(error, `routing e-mail ${message.messageId} of mailbox ${mailbox.id}`);
      return null;
    }
  };

  return {
    async ingest(raw, mailboxes, source) {
      const parsed = await parseEmail(raw);
      const outcomes: IngestOutcome[] = [];
      const seen = new Set<string>();
      for (const mailbox of mailboxes) {
        if (seen.has(mailbox.id)) continue;
        seen.add(mailbox.id);
        const customerId = parsed.from
          ? messages.customerByEmail(mailbox.tenantId, parsed.from.address)
          : null;
        const stored = messages.storeInbound({
          mailbox,
          parsed,
          raw,
          source,
          customerId,
          receivedAt: deps.now(),
        });
        // A duplicate whose first delivery was stored but never routed is routed now.
        const routed =
          !stored.duplicate || !stored.message.routed
            ? await tryRoute(stored.message, stored.thread, mailbox)
            : null;
        // Re-read: routing sets the thread's interaction.
        const thread = messages.thread(mailbox.tenantId, stored.thread.id) ?? stored.thread;
        const outcome: IngestOutcome = { mailboxId: mailbox.id, ...stored, thread, routed };
        outcomes.push(outcome);
        if (!stored.duplicate) {
          for (const listener of listeners) {
            try {
              listener({ mailbox, parsed, outcome });
            } catch (error) {
              deps.onError(error, 'e-mail ingest listener');
            }
          }
        }
      }
      return outcomes;
    },

    async resumeUnrouted() {
      let routed = 0;
      // Bounded batches; a message that keeps failing stays unrouted and is reported each time.
      for (let round = 0; round < 100; round++) {
        const batch = messages.unrouted(100);
        let progress = 0;
        for (const message of batch) {
          const mailbox = deps.mailboxById(message.tenantId, message.mailboxId);
          const thread = messages.thread(message.tenantId, message.threadId);
          if (!mailbox || !thread) continue;
          if (await tryRoute(message, thread, mailbox)) progress++;
        }
        routed += progress;
        if (progress === 0 || batch.length < 100) break;
      }
      return routed;
    },

    onIngested(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
