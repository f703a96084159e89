import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoTenant } from '../../interactions/fixture';
import { dovecotUnavailableReason, startTestDovecot, type TestDovecot } from './dovecotForTests';
import { openEmailFixture, rawMessage, type EmailFixture } from './emailTestFixture';
import { createImapPoller } from './imapPoller';
import type { Mailbox } from './mailboxConfig';

const unavailable = dovecotUnavailableReason();
let dovecot: TestDovecot;
let f: EmailFixture;
let mailbox: Mailbox;

beforeAll(async () => {
  if (!unavailable) dovecot = await startTestDovecot();
}, 30_000);
afterAll(async () => dovecot?.dispose());
beforeEach(async () => {
  f = await openEmailFixture();
  mailbox = f.mailboxes.save(
    demoTenant,
    {
      id: 'imap-box',
      address: 'imap@demo.seat.test',
      displayName: 'IMAP Box',
      queueId: 'demo-queue-general',
      settings: {
        imap: {
          host: '127.0.0.1',
          port: dovecot?.port ?? 1,
          secure: false,
          user: 'support',
          password: dovecot?.password ?? 'x',
          pollIntervalMs: 60_000,
        },
      },
    },
    f.routing.clock.now,
  );
});
afterEach(() => f.dispose());

/** Appends messages as a mail client would, and reads back the flags. */
async function withClient<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
    doSTARTTLS: false,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}
const unseenCount = () =>
  withClient(async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      return ((await client.search({ seen: false }, { uid: true })) || []).length;
    } finally {
      lock.release();
    }
  });

const gbkMessage = Buffer.concat([
  Buffer.from(
    'From: li@example.cn\r\nTo: imap@demo.seat.test\r\nSubject: =?GBK?B?zcu/7snqx+s=?=\r\nMessage-ID: <imap-gbk@example.cn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=gbk\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
  ),
  Buffer.from('bfedb4f8b9cad5cfa3acc7ebbea1bfecb4a6c0ed', 'hex'),
]);

describe.skipIf(unavailable !== null)(
  `IMAP polling against a real dovecot${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('stores and routes every unseen message, marks them seen only after storing, and fetches nothing twice', async () => {
      await withClient(async (client) => {
        await client.append(
          'INBOX',
          rawMessage({ To: 'imap@demo.seat.test', 'Message-ID': '<imap-1@example.cn>' }),
        );
        await client.append('INBOX', gbkMessage);
      });
      const poller = createImapPoller({
        mailbox,
        maxMessageBytes: 1024 * 1024,
        deliver: async (raw, box) => void (await f.ingest.ingest(raw, [box], 'imap')),
        scheduler: { set: () => null, clear: () => {} },
        onError: (error) => {
          throw error;
        },
      });
      expect(await poller.pollOnce()).toEqual({ fetched: 2, stored: 2, tooBig: 0, failed: 0 });
      expect(await unseenCount()).toBe(0);
      const subjects = f.routing.store.sqlite
        .prepare("SELECT subject, text_body FROM email_messages WHERE source = 'imap' ORDER BY subject")
        .all() as Array<{ subject: string; text_body: string }>;
      expect(subjects.map((s) => s.subject)).toEqual(['Router broken', '退款申请']);
      expect(subjects[1]?.text_body.trim()).toBe('宽带故障，请尽快处理');
      expect(
        f.routing.service.list(demoTenant, ['queued'], 10).filter((i) => i.channel === 'email'),
      ).toHaveLength(2);
      expect(await poller.pollOnce()).toEqual({ fetched: 0, stored: 0, tooBig: 0, failed: 0 });
    }, 30_000);

    it('leaves a message unseen when storing it fails, and takes it on the next round', async () => {
      await withClient((client) =>
        client.append(
          'INBOX',
          rawMessage({ To: 'imap@demo.seat.test', 'Message-ID': '<imap-retry@example.cn>' }),
        ),
      );
      let fail = true;
      const errors: unknown[] = [];
      const poller = createImapPoller({
        mailbox,
        maxMessageBytes: 1024 * 1024,
        deliver: async (raw, box) => {
          if (fail) throw new Error('disk full');
          await f.ingest.ingest(raw, [box], 'imap');
        },
        scheduler: { set: () => null, clear: () => {} },
        onError: (error) => errors.push(error),
      });
      expect(await poller.pollOnce()).toMatchObject({ fetched: 1, stored: 0, failed: 1 });
      expect(await unseenCount()).toBe(1);
      fail = false;
      expect(await poller.pollOnce()).toMatchObject({ fetched: 1, stored: 1, failed: 0 });
      expect(await unseenCount()).toBe(0);
      expect(errors).toHaveLength(1);
    }, 30_000);

    it('leaves a message over the size limit unseen and reports it', async () => {
      await withClient((client) =>
        client.append(
          'INBOX',
          rawMessage({ To: 'imap@demo.seat.test', 'Message-ID': '<imap-big@example.cn>' }, 'x'.repeat(5000)),
        ),
      );
      const errors: unknown[] = [];
      const poller = createImapPoller({
        mailbox,
        maxMessageBytes: 2048,
        deliver: async () => {},
        scheduler: { set: () => null, clear: () => {} },
        onError: (e) => errors.push(e),
      });
      expect(await poller.pollOnce()).toMatchObject({ fetched: 1, tooBig: 1, stored: 0 });
      expect(await unseenCount()).toBe(1);
      expect(String(errors[0])).toMatch(/over the limit/);
    }, 30_000);
  },
);
