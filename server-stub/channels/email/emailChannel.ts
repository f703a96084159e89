import type { ServerMessage } from '@contract/ws';
import type { FastifyInstance } from 'fastify';
import type { InteractionService } from '../../interactions/interactionService';
import type { SeatStore } from '../../store/database';
import { autoReplyHeaders, composeAcknowledgement } from './autoAcknowledge';
import { seedDemoMailboxes } from './demoMailboxes';
import type { ResolvedEmailOptions } from './emailOptions';
import { registerEmailRoutes } from './emailRoutes';
import { createEmailSender, type EmailSender } from './emailSender';
import { createImapPoller } from './imapPoller';
import { createImapPollers, type ImapPollers } from './imapPollers';
import { createSafeHtml } from './safeHtml';
import { createEmailIngest, type EmailIngest } from './ingest';
import { createMailboxStore, type MailboxStore } from './mailboxStore';
import { createMessageStore, type MessageStore } from './messageStore';
import { startSmtpReceiver, type SmtpReceiver } from './smtpReceiver';
import { createThreadRouter } from './threadRouting';

// The composition root of the e-mail channel: stores, the inbound pipeline, the SMTP receiver, the
// IMAP pollers, the reply sender, auto-acknowledgements and the HTTP routes. The server builds it once.

/** What the channel needs from the server. */
export interface EmailChannelOptions {
  store: SeatStore;
  service: InteractionService;
  sendToAgent: (tenantId: string, agentId: string, frame: ServerMessage) => void;
  options: ResolvedEmailOptions;
  seedDemo: boolean;
  now: () => number;
  generateId: () => string;
  onError(error: unknown, where: string): void;
}

/** The e-mail channel, built and ready to start. */
export interface EmailChannel {
  mailboxes: MailboxStore;
  messages: MessageStore;
  ingest: EmailIngest;
  sender: EmailSender;
  registerRoutes(app: FastifyInstance): void;
  /** Seeds demo mailboxes, routes what a crash left unrouted, opens the SMTP port and starts the pollers; returns the stop function. */
  start(): Promise<() => Promise<void>>;
  /** Where the SMTP receiver listens, once started (null when it is off). */
  smtpAddress(): { host: string; port: number } | null;
  /** Ids of the mailboxes whose IMAP poller runs now (follows mailbox saves at runtime). */
  polledMailboxes(): string[];
}

/** Builds the channel. */
export function createEmailChannel(deps: EmailChannelOptions): EmailChannel {
  const { store, options, now, generateId, onError } = deps;
  const mailboxes = createMailboxStore(store.sqlite);
  const messages = createMessageStore(store.sqlite, generateId);
  const router = createThreadRouter({ service: deps.service, messages, sendToAgent: deps.sendToAgent });
  const ingest = createEmailIngest({
    messages,
    router,
    mailboxById: (t, id) => mailboxes.byId(t, id),
    now,
    onError,
  });
  const relayOf = (mailbox: { settings: { relay: ResolvedEmailOptions['defaultRelay'] } }) =>
    mailbox.settings.relay ?? options.defaultRelay;
  const sender = createEmailSender({ messages, relayOf, now, newId: generateId });
  let receiver: SmtpReceiver | null = null;
  let pollers: ImapPollers | null = null;

  // Sanitised once, as the message arrives, so reading it never pays for it (safeHtml.ts). After the
  // SMTP answer, not before it: the sender is told "stored" without waiting for the sanitiser.
  const safeHtmlOf = createSafeHtml(messages);
  ingest.onIngested(({ outcome }) => {
    if (outcome.duplicate || !outcome.message.html) return;
    setImmediate(() => {
      try {
        safeHtmlOf(outcome.message);
      } catch (error) {
        // Not fatal: the first read sanitises it instead.
        onError(error, `sanitising the HTML of message ${outcome.message.id}`);
      }
    });
  });

  ingest.onIngested((event) => {
    if (!relayOf(event.mailbox)) return;
    const composed = composeAcknowledgement(event, (address) => mailboxes.byAddress(address) !== undefined);
    if (!composed) return;
    sender
      .send({
        mailbox: event.mailbox,
        threadId: event.outcome.thread.id,
        composed,
        source: 'auto',
        sentBy: null,
        extraHeaders: autoReplyHeaders,
      })
      .catch((error: unknown) => onError(error, `auto-acknowledgement from ${event.mailbox.address}`));
  });

  return {
    mailboxes,
    messages,
    ingest,
    sender,
    registerRoutes(app) {
      registerEmailRoutes(app, {
        messages,
        mailboxes,
        service: deps.service,
        sender,
        maxReplyBytes: options.maxReplyBytes,
        maxMessageBytes: options.maxMessageBytes,
        now,
      });
    },
    async start() {
      if (deps.seedDemo && store.sqlite.prepare("SELECT 1 FROM queues WHERE id = 'demo-queue-general'").get())
        seedDemoMailboxes(mailboxes, now());
      await ingest.resumeUnrouted();
      let unfollow: () => void = () => {};
      if (options.imapPolling) {
        const running = createImapPollers({
          create: (mailbox) =>
            createImapPoller({
              mailbox,
              maxMessageBytes: options.maxMessageBytes,
              deliver: async (raw, box) => void (await ingest.ingest(raw, [box], 'imap')),
              scheduler: {
                set: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
                clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
              },
              onError,
            }),
          onError,
        });
        pollers = running;
        // Follow saves first, so a mailbox saved while the others start is not missed.
        unfollow = mailboxes.onSaved((mailbox) => running.sync(mailbox));
        for (const mailbox of mailboxes.all()) running.sync(mailbox);
      }
      if (options.smtp) {
        receiver = await startSmtpReceiver({
          host: options.smtp.host,
          port: options.smtp.port,
          hostname: options.smtp.hostname,
          maxMessageBytes: options.maxMessageBytes,
          mailboxOf: (address) => mailboxes.byAddress(address),
          deliver: async (raw, boxes) => void (await ingest.ingest(raw, boxes, 'smtp')),
          onError,
        });
      }
      return async () => {
        unfollow();
        await pollers?.stop();
        pollers = null;
        await receiver?.close();
      };
    },
    smtpAddress: () => receiver?.address() ?? null,
    polledMailboxes: () => pollers?.polled() ?? [],
  };
}
