import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoTenant } from '../../interactions/fixture';
import { openEmailFixture, type EmailFixture } from './emailTestFixture';
import { startSmtpReceiver, type SmtpReceiver } from './smtpReceiver';

let f: EmailFixture;
let receiver: SmtpReceiver;
let failStore = false;
beforeEach(async () => {
  f = await openEmailFixture();
  failStore = false;
  receiver = await startSmtpReceiver({
    host: '127.0.0.1',
    port: 0,
    hostname: 'seat.test',
    maxMessageBytes: 64 * 1024,
    mailboxOf: (address) => f.mailboxes.byAddress(address),
    deliver: async (raw, mailboxes) => {
      if (failStore) throw new Error('disk full');
      await f.ingest.ingest(raw, mailboxes, 'smtp');
    },
    onError: () => {},
  });
});
afterEach(async () => {
  await receiver.close();
  await f.dispose();
});

const send = (mail: Parameters<ReturnType<typeof createTransport>['sendMail']>[0]) => {
  const transport = createTransport({
    host: '127.0.0.1',
    port: receiver.address().port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
    socketTimeout: 10_000,
  });
  return transport.sendMail(mail).finally(() => transport.close());
};
const storedCount = () =>
  (f.routing.store.sqlite.prepare('SELECT COUNT(*) AS n FROM email_messages').get() as { n: number }).n;

describe('SMTP receiver', () => {
  it('accepts a message for a mailbox over real SMTP, stores it with its attachment and queues it', async () => {
    const info = await send({
      from: '"Li Na" <na.li@example.cn>',
      to: 'Support@Demo.Seat.Test',
      subject: 'Invoice question',
      text: 'Please see the attached invoice.',
      attachments: [
        { filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4 fake'), contentType: 'application/pdf' },
      ],
    });
    expect(info.response).toMatch(/^250 /);
    const message = f.routing.store.sqlite
      .prepare('SELECT id, thread_id, subject, message_id FROM email_messages')
      .get() as { id: string; thread_id: string; subject: string; message_id: string };
    expect(message).toMatchObject({ subject: 'Invoice question', message_id: info.messageId });
    expect(f.messages.attachments(message.id, true)).toEqual([
      expect.objectContaining({
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
        size: 13,
        content: Buffer.from('%PDF-1.4 fake'),
      }),
    ]);
    expect(f.messages.thread(demoTenant, message.thread_id)?.interactionId).toEqual(expect.any(String));
    expect(f.messages.raw(demoTenant, message.id)?.toString()).toContain('Invoice question');
  });

  it('refuses an unknown recipient with 550 and stores nothing', async () => {
    await expect(
      send({ from: 'a@example.com', to: 'nobody@demo.seat.test', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(storedCount()).toBe(0);
  });

  it('refuses a message over the size limit with 552 and stores nothing', async () => {
    await expect(
      send({
        from: 'a@example.com',
        to: 'support@demo.seat.test',
        subject: 'big',
        text: 'x'.repeat(100 * 1024),
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(storedCount()).toBe(0);
  });

  it('answers 451 when the message cannot be stored, so the sender keeps it and retries', async () => {
    failStore = true;
    await expect(
      send({ from: 'a@example.com', to: 'support@demo.seat.test', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 451 });
    failStore = false;
    await expect(
      send({ from: 'a@example.com', to: 'support@demo.seat.test', subject: 'x', text: 'x' }),
    ).resolves.toMatchObject({ response: expect.stringMatching(/^250 /) });
    expect(storedCount()).toBe(1);
  });
});
