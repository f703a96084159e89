import { describe, expect, it } from 'vitest';
import { composeAcknowledgement } from './autoAcknowledge';
import type { IngestOutcome } from './ingest';
import type { Mailbox } from './mailboxConfig';
import { parseEmail } from './parseEmail';

// The rules of the "we have your message" answer, on messages parsed from real header lines:
// automatic mail (RFC 3834), bounces, our own addresses, replies in a thread, duplicates and a
// mailbox with the answer turned off never get one.

const mailbox: Mailbox = {
  id: 'mbx-support',
  tenantId: 'tenant-demo',
  address: 'support@demo.seat.test',
  displayName: 'Demo Support',
  queueId: 'demo-queue-general',
  settings: {
    imap: null,
    relay: null,
    autoAcknowledge: { subject: 'We have your message: {subject}', text: 'Your reference is {reference}.' },
  },
};
const ours = new Set(['support@demo.seat.test', 'billing@demo.seat.test']);
const isOurAddress = (address: string) => ours.has(address);

const outcome = (over: Partial<IngestOutcome> = {}): IngestOutcome =>
  ({
    mailboxId: mailbox.id,
    duplicate: false,
    newThread: true,
    thread: { id: 'thread-1' },
    message: {},
    routed: null,
    ...over,
  }) as IngestOutcome;

/** A customer's message with extra header lines. */
const raw = (headers: string[] = [], from = 'Mia Customer <mia@example.com>') =>
  Buffer.from(
    [
      `From: ${from}`,
      'To: support@demo.seat.test',
      'Subject: Broken router',
      'Message-ID: <m1@example.com>',
      ...headers,
      '',
      'It blinks red.',
      '',
    ].join('\r\n'),
  );

const ack = async (
  headers: string[] = [],
  options: { from?: string; box?: Mailbox; outcome?: Partial<IngestOutcome> } = {},
) =>
  composeAcknowledgement(
    {
      mailbox: options.box ?? mailbox,
      parsed: await parseEmail(raw(headers, options.from)),
      outcome: outcome(options.outcome),
    },
    isOurAddress,
  );

describe('auto-acknowledgement', () => {
  it("answers the first message of a thread from the customer's mailbox, threaded, with the template filled", async () => {
    const composed = await ack();
    expect(composed).toMatchObject({
      from: { address: 'support@demo.seat.test', name: 'Demo Support' },
      to: [{ address: 'mia@example.com' }],
      subject: 'Re: We have your message: Broken router',
      inReplyTo: '<m1@example.com>',
      references: ['<m1@example.com>'],
      text: 'Your reference is thread-1.',
    });
  });

  it('answers the Reply-To address when the customer gave one', async () => {
    expect((await ack(['Reply-To: mia.home@example.net']))?.to).toEqual([
      { address: 'mia.home@example.net', name: '' },
    ]);
  });

  it.each([
    ['Auto-Submitted: auto-replied'],
    ['Auto-Submitted: auto-generated'],
    ['Auto-Submitted: auto-notified; owner-email="x@example.com"'],
    ['Precedence: bulk'],
    ['Precedence: list'],
    ['Precedence: junk'],
    ['Precedence: Auto_Reply'],
    ['List-Id: Customers <customers.example.com>'],
    ['List-Unsubscribe: <mailto:leave@example.com>'],
    ['X-Autoreply: yes'],
    ['X-Autorespond: vacation'],
    ['Return-Path: <>'],
  ])('skips automatic mail marked by %s', async (header) => {
    expect(await ack([header])).toBeNull();
  });

  it('still answers a person whose client says Auto-Submitted: no, with or without a comment', async () => {
    expect(await ack(['Auto-Submitted: no'])).not.toBeNull();
    expect(await ack(['Auto-Submitted: No (sent by a person)'])).not.toBeNull();
    expect(await ack(['Return-Path: <mia@example.com>'])).not.toBeNull();
  });

  it.each([
    'MAILER-DAEMON@mx.example.com',
    'Mail Delivery System <mailer-daemon@mx.example.com>',
    'postmaster@example.com',
    'no-reply@shop.example.com',
    'noreply@shop.example.com',
    'do-not-reply@shop.example.com',
    'bounces+123@lists.example.com',
    'owner-customers@lists.example.com',
    'customers-request@lists.example.com',
  ])('skips mail from a robot address (%s)', async (from) => {
    expect(await ack([], { from })).toBeNull();
  });

  it('never answers one of our own mailboxes, whatever the case of the address (no loops)', async () => {
    expect(await ack([], { from: 'billing@demo.seat.test' })).toBeNull();
    expect(await ack([], { from: 'Billing Desk <Billing@Demo.Seat.Test>' })).toBeNull();
    expect(await ack(['Reply-To: SUPPORT@demo.seat.test'])).toBeNull();
    // Our own address as sender, even with an outside Reply-To, is a message we (or a forger) sent.
    expect(await ack(['Reply-To: mia@example.com'], { from: 'support@demo.seat.test' })).toBeNull();
  });

  it('does not answer replies within an existing thread, nor a message stored before', async () => {
    expect(await ack([], { outcome: { newThread: false } })).toBeNull();
    expect(await ack([], { outcome: { duplicate: true } })).toBeNull();
  });

  it('does not answer when the mailbox has the answer turned off', async () => {
    const off: Mailbox = { ...mailbox, settings: { ...mailbox.settings, autoAcknowledge: null } };
    expect(await ack([], { box: off })).toBeNull();
  });

  it('does not answer a message without a sender, or one that could not be parsed', async () => {
    const parsed = await parseEmail(Buffer.from('Subject: no sender\r\n\r\nbody\r\n'));
    expect(composeAcknowledgement({ mailbox, parsed, outcome: outcome() }, isOurAddress)).toBeNull();
    // What parseEmail returns for bytes mailparser refuses: automated, no sender, the problem noted.
    const broken = {
      ...(await parseEmail(raw())),
      from: null,
      replyTo: null,
      automated: true,
      parseProblem: 'bad MIME',
    };
    expect(composeAcknowledgement({ mailbox, parsed: broken, outcome: outcome() }, isOurAddress)).toBeNull();
  });

  it('still answers a customer whose mail client mislabelled the charset (the message carries a decoding note)', async () => {
    const parsed = await parseEmail(
      Buffer.concat([
        raw(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit']),
        Buffer.from('c4e3bac3\r\n', 'hex'),
      ]),
    );
    expect(parsed.parseProblem).not.toBeNull();
    expect(composeAcknowledgement({ mailbox, parsed, outcome: outcome() }, isOurAddress)?.to).toEqual([
      { address: 'mia@example.com', name: 'Mia Customer' },
    ]);
  });
});
