import { openRoutingFixture, type RoutingFixture } from '../../interactions/fixture';
import { seedDemoMailboxes } from './demoMailboxes';
import { createEmailIngest, type EmailIngest } from './ingest';
import { createMailboxStore, type MailboxStore } from './mailboxStore';
import { createMessageStore, type MessageStore } from './messageStore';
import { createThreadRouter, type ThreadRouter } from './threadRouting';

/** The routing fixture plus the e-mail channel's stores and pipeline, for tests. */
export interface EmailFixture {
  routing: RoutingFixture;
  mailboxes: MailboxStore;
  messages: MessageStore;
  router: ThreadRouter;
  ingest: EmailIngest;
  errors: Array<{ error: unknown; where: string }>;
  /** A seeded customer with an e-mail contact point: its id and the address as stored. */
  customerWithEmail(): { customerId: string; address: string };
  dispose(): Promise<void>;
}

/** Builds the fixture with the demo mailboxes; message ids are m-1, m-2… */
export async function openEmailFixture(): Promise<EmailFixture> {
  const routing = await openRoutingFixture();
  const { sqlite } = routing.store;
  let ids = 0;
  const mailboxes = createMailboxStore(sqlite);
  seedDemoMailboxes(mailboxes, routing.clock.now);
  const messages = createMessageStore(sqlite, () => `m-${++ids}`);
  const router = createThreadRouter({
    service: routing.service,
    messages,
    sendToAgent: (tenantId, agentId, frame) => routing.frames.push({ tenantId, agentId, frame }),
  });
  const errors: EmailFixture['errors'] = [];
  const ingest = createEmailIngest({
    messages,
    router: { route: (...args) => router.route(...args) },
    mailboxById: (tenantId, id) => mailboxes.byId(tenantId, id),
    now: () => routing.clock.now,
    onError: (error, where) => errors.push({ error, where }),
  });
  return {
    routing,
    mailboxes,
    messages,
    router,
    ingest,
    errors,
    customerWithEmail() {
      const row = sqlite
        .prepare(
          "SELECT customer_id, value FROM customer_contact_points WHERE kind = 'email' ORDER BY id LIMIT 1",
        )
        .get() as { customer_id: string; value: string };
      return { customerId: row.customer_id, address: row.value };
    },
    dispose: () => routing.dispose(),
  };
}

/** A minimal RFC 5322 message; headers given override the defaults. */
export function rawMessage(
  headers: Record<string, string | null>,
  body = 'Hello, my router is broken.\r\n',
): Buffer {
  const defaults: Record<string, string | null> = {
    From: 'Wang Fang <fang.wang@example.cn>',
    To: 'support@demo.seat.test',
    Subject: 'Router broken',
    Date: 'Mon, 02 Mar 2026 08:59:00 +0000',
    'Message-ID': '<first@example.cn>',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
  };
  const merged = { ...defaults, ...headers };
  const lines = Object.entries(merged).flatMap(([k, v]) => (v === null ? [] : [`${k}: ${v}`]));
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
