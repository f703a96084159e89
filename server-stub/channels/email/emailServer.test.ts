import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailMessage, EmailThread } from '@contract/email';
import { startTestServer } from '../../testing/testServer';

// The whole channel in a real server: mail delivered over SMTP to the built-in receiver, routed to an
// agent, read and answered over HTTP, the answer relayed to a real SMTP sink on loopback.

interface Sunk {
  from: string;
  to: string[];
  raw: Buffer;
}

async function startSink(): Promise<{ port: number; mail: Sunk[]; close: () => Promise<void> }> {
  const mail: Sunk[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mail.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const { port } = sink.server.address() as { port: number };
  return { port, mail, close: () => new Promise((resolve) => sink.close(() => resolve())) };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let sink: Awaited<ReturnType<typeof startSink>>;
let t: Awaited<ReturnType<typeof startTestServer>>;
beforeEach(async () => {
  sink = await startSink();
  t = await startTestServer({
    email: { smtp: { port: 0 }, defaultRelay: { host: '127.0.0.1', port: sink.port } },
  });
});
afterEach(async () => {
  await t.dispose();
  await sink.close();
});

const deliver = (mail: Parameters<ReturnType<typeof createTransport>['sendMail']>[0]) => {
  const address = t.server.email.smtpAddress();
  if (!address) throw new Error('SMTP receiver is off');
  const transport = createTransport({
    host: '127.0.0.1',
    port: address.port,
    secure: false,
    ignoreTLS: true,
  });
  return transport.sendMail(mail).finally(() => transport.close());
};

describe('e-mail channel in the server', () => {
  it('routes mail sent over SMTP to an agent who reads it sanitised, downloads its attachment and replies to all through the relay with threading headers', async () => {
    const tenant = 'tenant-demo';
    const agentId = 'demo-agent-agent01';
    await t.server.routing.service.setAgentState(tenant, agentId, 'ready', null, agentId);
    const sent = await deliver({
      from: '"Chen Jie" <jie.chen@example.cn>',
      to: 'support@demo.seat.test',
      cc: 'colleague@example.cn',
      subject: '发票问题 invoice',
      text: '您好，请看附件。',
      html: '<p onmouseover="x()">您好<script>alert(1)</script></p><img src="https://tracker.example/p.gif">',
      attachments: [
        { filename: '发票.pdf', content: Buffer.from('%PDF-1.4 demo'), contentType: 'application/pdf' },
      ],
    });

    // Offered to the only ready agent, who accepts.
    const interaction = await until('the offer', () =>
      t.server.routing.service.list(tenant, ['offered'], 10).find((i) => i.channel === 'email'),
    );
    expect(interaction.agentId).toBe(agentId);
    await t.server.routing.service.accept(tenant, interaction.id, agentId);

    // The auto-acknowledgement reached the customer, marked automatic and threaded.
    const ack = await until('the acknowledgement', () =>
      sink.mail.find((m) => m.to.includes('jie.chen@example.cn')),
    );
    const ackParsed = await simpleParser(ack.raw);
    expect(ackParsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ackParsed.inReplyTo).toBe(sent.messageId);

    const token = await t.login('agent01');
    const auth = { authorization: `Bearer ${token}` };
    const threadReply = await t.server.app.inject({
      method: 'GET',
      url: `/api/email/interactions/${interaction.id}/thread`,
      headers: auth,
    });
    expect(threadReply.statusCode).toBe(200);
    const thread = threadReply.json() as EmailThread;
    expect(thread.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    const inbound = thread.messages[0] as EmailThread['messages'][number];
    expect(inbound).toMatchObject({
      subject: '发票问题 invoice',
      messageId: sent.messageId,
      attachmentCount: 1,
    });

    const message = (
      await t.server.app.inject({ method: 'GET', url: `/api/email/messages/${inbound.id}`, headers: auth })
    ).json() as EmailMessage;
    expect(message.html).not.toMatch(/script|onmouseover|alert|\ssrc=/);
    expect(message.htmlNotes).toEqual({ removedActiveContent: true, blockedRemoteImages: 1 });
    expect(message.text.trim()).toBe('您好，请看附件。');
    const attachment = message.attachments[0];
    const download = await t.server.app.inject({
      method: 'GET',
      url: `/api/email/messages/${inbound.id}/attachments/${attachment?.id}`,
      headers: auth,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="__.pdf"; filename*=UTF-8''${encodeURIComponent('发票.pdf')}`,
    );
    expect(download.rawPayload.toString()).toBe('%PDF-1.4 demo');

    // Another agent neither sees nor answers the thread.
    const other = { authorization: `Bearer ${await t.login('agent02')}` };
    expect(
      (await t.server.app.inject({ method: 'GET', url: `/api/email/threads/${thread.id}`, headers: other }))
        .statusCode,
    ).toBe(404);

    const reply = await t.server.app.inject({
      method: 'POST',
      url: `/api/email/messages/${inbound.id}/reply`,
      headers: auth,
      payload: {
        mode: 'replyAll',
        text: '已收到，我们会处理。',
        attachments: [
          {
            filename: 'answer.txt',
            contentType: 'text/plain',
            contentBase64: Buffer.from('details').toString('base64'),
          },
        ],
      },
    });
    expect(reply.statusCode).toBe(201);
    const stored = (reply.json() as { message: EmailMessage }).message;
    expect(stored).toMatchObject({
      status: 'sent',
      direction: 'outbound',
      subject: 'Re: 发票问题 invoice',
      inReplyTo: sent.messageId,
    });

    const relayed = await until('the reply at the relay', () =>
      sink.mail.find((m) => m.raw.includes(Buffer.from(stored.messageId))),
    );
    expect(relayed.from).toBe('support@demo.seat.test');
    expect(relayed.to.sort()).toEqual(['colleague@example.cn', 'jie.chen@example.cn']);
    const parsed = await simpleParser(relayed.raw);
    expect(parsed.messageId).toBe(stored.messageId);
    expect(parsed.inReplyTo).toBe(sent.messageId);
    expect([parsed.references].flat()).toContain(sent.messageId);
    expect(parsed.subject).toBe('Re: 发票问题 invoice');
    expect(parsed.text).toContain('已收到，我们会处理。');
    expect(parsed.text).toContain('> 您好，请看附件。');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['answer.txt', 'details'],
    ]);

    // The customer answers our reply: it joins the same thread and the same interaction.
    await deliver({
      from: 'jie.chen@example.cn',
      to: 'support@demo.seat.test',
      subject: 'Re: 发票问题 invoice',
      text: '谢谢',
      inReplyTo: stored.messageId,
      references: [sent.messageId ?? '', stored.messageId],
    });
    const after = await until('the answer in the thread', async () => {
      const view = (
        await t.server.app.inject({ method: 'GET', url: `/api/email/threads/${thread.id}`, headers: auth })
      ).json() as EmailThread;
      return view.messages.length === 4 ? view : undefined;
    });
    expect(after.interactionId).toBe(interaction.id);
    expect(
      t.server.routing.service
        .list(tenant, ['queued', 'offered', 'active'], 10)
        .filter((i) => i.channel === 'email'),
    ).toHaveLength(1);
  }, 60_000);

  it('refuses a reply from an agent who does not hold the thread and a forward without recipients', async () => {
    await deliver({ from: 'x@example.com', to: 'billing@demo.seat.test', subject: 'bill', text: 'hi' });
    const messageRow = await until(
      'the stored message',
      () =>
        t.server.store.sqlite.prepare('SELECT id FROM email_messages').get() as { id: string } | undefined,
    );
    const lead = { authorization: `Bearer ${await t.login('lead01')}` };
    const forward = await t.server.app.inject({
      method: 'POST',
      url: `/api/email/messages/${messageRow.id}/reply`,
      headers: lead,
      payload: { mode: 'forward', text: 'fyi' },
    });
    expect(forward.statusCode).toBe(400);
    const agent = { authorization: `Bearer ${await t.login('agent03')}` };
    const refused = await t.server.app.inject({
      method: 'POST',
      url: `/api/email/messages/${messageRow.id}/reply`,
      headers: agent,
      payload: { mode: 'reply', text: 'hi' },
    });
    expect(refused.statusCode).toBe(404);
    const stray = await t.server.app.inject({
      method: 'POST',
      url: `/api/email/messages/${messageRow.id}/reply`,
      headers: lead,
      payload: { mode: 'reply', text: 'hi', extra: 1 },
    });
    expect(stray.statusCode).toBe(400);
  }, 30_000);
});
