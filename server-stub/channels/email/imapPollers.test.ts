import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dovecotUnavailableReason, startTestDovecot, type TestDovecot } from './dovecotForTests';
import { rawMessage } from './emailTestFixture';
import type { ImapPoller, PollResult } from './imapPoller';
import { createImapPollers } from './imapPollers';
import type { ImapSettings, Mailbox } from './mailboxConfig';
import { startTestServer } from '../../testing/testServer';

// The pollers follow mailbox saves at runtime: first with fake pollers (what starts, stops and
// restarts, in which order), then through the real server's PUT /api/email/mailboxes/:id against a
// real dovecot.

const imap: ImapSettings = {
  host: '127.0.0.1',
  port: 1143,
  secure: false,
  user: 'support',
  password: 'secret',
  folder: 'INBOX',
  pollIntervalMs: 60_000,
};
const box = (imapSettings: ImapSettings | null, over: Partial<Mailbox> = {}): Mailbox => ({
  id: 'mbx-imap',
  tenantId: 'tenant-demo',
  address: 'imap@demo.seat.test',
  displayName: 'IMAP',
  queueId: 'demo-queue-general',
  settings: { imap: imapSettings, relay: null, autoAcknowledge: null },
  ...over,
});

/** Fake pollers, named by their password and build number, that log when they start and stop. */
function fakes() {
  const log: string[] = [];
  let built = 0;
  const create = (mailbox: Mailbox): ImapPoller => {
    const name = `${mailbox.settings.imap?.password ?? '?'}#${++built}`;
    return {
      pollOnce: async (): Promise<PollResult> => ({ fetched: 0, stored: 0, tooBig: 0, failed: 0 }),
      start() {
        log.push(`start ${name}`);
        return () => log.push(`stop ${name}`);
      },
      idle: () => Promise.resolve(),
    };
  };
  return { log, create };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('IMAP pollers following mailbox saves', () => {
  it('starts a poller for a mailbox saved with IMAP, restarts it when a setting changes, and stops it when IMAP is removed', async () => {
    const f = fakes();
    const pollers = createImapPollers({ create: f.create, onError: (e) => f.log.push(`error ${String(e)}`) });
    pollers.sync(box(null));
    await settle();
    expect(pollers.polled()).toEqual([]);
    pollers.sync(box(imap));
    await settle();
    expect(pollers.polled()).toEqual(['mbx-imap']);
    pollers.sync(box(imap));
    await settle();
    pollers.sync(box({ ...imap, password: 'changed' }));
    await settle();
    pollers.sync(box({ ...imap, password: 'changed' }, { queueId: 'demo-queue-billing' }));
    await settle();
    pollers.sync(box(null));
    await settle();
    expect(pollers.polled()).toEqual([]);
    expect(f.log).toEqual([
      'start secret#1',
      'stop secret#1',
      'start changed#2',
      'stop changed#2',
      'start changed#3',
      'stop changed#3',
    ]);
  });

  it("starts the replacement only after the old poller's round has finished", async () => {
    const log: string[] = [];
    let finish: () => void = () => {};
    const held = new Promise<void>((done) => (finish = done));
    let built = 0;
    const pollers = createImapPollers({
      create: () => {
        const n = ++built;
        return {
          pollOnce: async () => ({ fetched: 0, stored: 0, tooBig: 0, failed: 0 }),
          start: () => {
            log.push(`start ${n}`);
            return () => log.push(`stop ${n}`);
          },
          idle: () => (n === 1 ? held : Promise.resolve()),
        };
      },
      onError: () => {},
    });
    pollers.sync(box(imap));
    await settle();
    pollers.sync(box({ ...imap, password: 'new' }));
    await settle();
    expect(log).toEqual(['start 1', 'stop 1']);
    finish();
    await settle();
    expect(log).toEqual(['start 1', 'stop 1', 'start 2']);
  });

  it('never starts a replacement that was itself replaced or stopped while it waited', async () => {
    const log: string[] = [];
    let finish: () => void = () => {};
    const held = new Promise<void>((done) => (finish = done));
    let built = 0;
    const pollers = createImapPollers({
      create: () => {
        const n = ++built;
        return {
          pollOnce: async () => ({ fetched: 0, stored: 0, tooBig: 0, failed: 0 }),
          start: () => {
            log.push(`start ${n}`);
            return () => log.push(`stop ${n}`);
          },
          idle: () => (n === 1 ? held : Promise.resolve()),
        };
      },
      onError: () => {},
    });
    pollers.sync(box(imap));
    await settle();
    pollers.sync(box({ ...imap, password: 'second' }));
    pollers.sync(box(null));
    const stopping = pollers.stop();
    finish();
    await stopping;
    await settle();
    expect(log).toEqual(['start 1', 'stop 1']);
    pollers.sync(box(imap));
    await settle();
    expect(log).toEqual(['start 1', 'stop 1']);
  });

  it('reports a poller that cannot be built and keeps the others running', async () => {
    const f = fakes();
    const errors: string[] = [];
    const pollers = createImapPollers({
      create: (mailbox) => {
        if (mailbox.id === 'broken') throw new Error('no settings');
        return f.create(mailbox);
      },
      onError: (error, where) => errors.push(`${where}: ${String(error)}`),
    });
    pollers.sync(box(imap));
    pollers.sync(box(imap, { id: 'broken', address: 'broken@demo.seat.test' }));
    await settle();
    expect(pollers.polled()).toEqual(['mbx-imap']);
    expect(errors).toEqual(['IMAP poller of broken@demo.seat.test: Error: no settings']);
    await pollers.stop();
    expect(f.log).toEqual(['start secret#1', 'stop secret#1']);
  });
});

const unavailable = dovecotUnavailableReason();
let dovecot: TestDovecot | undefined;
beforeAll(async () => {
  if (!unavailable) dovecot = await startTestDovecot();
}, 30_000);
afterAll(async () => dovecot?.dispose());

let server: Awaited<ReturnType<typeof startTestServer>> | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

async function append(raw: Buffer) {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: dovecot!.port,
    secure: false,
    auth: { user: dovecot!.user, pass: dovecot!.password },
    logger: false,
    doSTARTTLS: false,
  });
  await client.connect();
  try {
    await client.append('INBOX', raw);
  } finally {
    await client.logout();
  }
}

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(unavailable !== null)(
  `IMAP polling follows PUT /api/email/mailboxes/:id against a real dovecot${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('polls a mailbox from the moment it is saved with IMAP, picks up a corrected password, and stops when IMAP is removed', async () => {
      server = await startTestServer();
      const t = server;
      const auth = { authorization: `Bearer ${await t.login('admin')}` };
      const put = async (password: string | null) => {
        const reply = await t.server.app.inject({
          method: 'PUT',
          url: '/api/email/mailboxes/mbx-imap-live',
          headers: auth,
          payload: {
            address: 'imap-live@demo.seat.test',
            displayName: 'IMAP live',
            queueId: 'demo-queue-general',
            settings: {
              imap:
                password === null
                  ? null
                  : {
                      host: '127.0.0.1',
                      port: dovecot!.port,
                      secure: false,
                      user: dovecot!.user,
                      password,
                      pollIntervalMs: 1_000,
                    },
            },
          },
        });
        expect(reply.statusCode).toBe(200);
      };
      const stored = (messageId: string) =>
        t.server.store.sqlite
          .prepare("SELECT id FROM email_messages WHERE source = 'imap' AND message_id = ?")
          .get(messageId) as { id: string } | undefined;

      expect(t.server.email.polledMailboxes()).toEqual([]);
      // A wrong password first: polled, but nothing can be fetched.
      await put('wrong-password');
      expect(t.server.email.polledMailboxes()).toEqual(['mbx-imap-live']);
      await append(rawMessage({ To: 'imap-live@demo.seat.test', 'Message-ID': '<live-1@example.cn>' }));
      await new Promise((r) => setTimeout(r, 1_500));
      expect(stored('<live-1@example.cn>')).toBeUndefined();

      // The corrected password reaches the poller without a restart.
      await put(dovecot!.password);
      await until('the first message stored', () => stored('<live-1@example.cn>'));

      // IMAP removed: the poller stops and a new message stays on the server.
      await put(null);
      expect(t.server.email.polledMailboxes()).toEqual([]);
      // A round already under way when the save came may finish; give it time so it cannot see the next append.
      await new Promise((r) => setTimeout(r, 1_000));
      await append(rawMessage({ To: 'imap-live@demo.seat.test', 'Message-ID': '<live-2@example.cn>' }));
      await new Promise((r) => setTimeout(r, 2_500));
      expect(stored('<live-2@example.cn>')).toBeUndefined();
    }, 45_000);
  },
);
