import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailMessage, EmailThread } from '@contract/email';
import { startTestServer } from '../../testing/testServer';
import { rawMessage } from './emailTestFixture';

// The routes the seat's e-mail pane relies on beyond the channel test: Reply-To shown to the seat, a
// forward with the original's attachments relayed to the given address, and a reply to a huge HTML
// message quoting the sanitised copy kept with it.

async function startSink() {
  const mail: Buffer[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mail.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const { port } = sink.server.address() as { port: number };
  return { port, mail, close: () => new Promise<void>((resolve) => sink.close(() => resolve())) };
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = probe();
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

describe('e-mail routes for the seat pane', () => {
  it('shows the Reply-To address and forwards the message with its attachment to the address given', async () => {
    const tenant = 'tenant-demo';
    const agentId = 'demo-agent-agent01';
    await t.server.routing.service.setAgentState(tenant, agentId, 'ready', null, agentId);
    const address = t.server.email.smtpAddress();
    if (!address) throw new Error('SMTP receiver is off');
    const transport = createTransport({
      host: '127.0.0.1',
      port: address.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport
      .sendMail({
        from: 'Wang Fang <fang.wang@example.cn>',
        replyTo: 'tickets@example.cn',
        to: 'billing@demo.seat.test',
        subject: 'Refund',
        text: 'Please refund.',
        attachments: [{ filename: 'receipt.txt', content: 'paid 10' }],
      })
      .finally(() => transport.close());
    const interaction = await until('the offer', () =>
      t.server.routing.service.list(tenant, ['offered'], 10).find((i) => i.channel === 'email'),
    );
    await t.server.routing.service.accept(tenant, interaction.id, agentId);
    const auth = { authorization: `Bearer ${await t.login('agent01')}` };
    const thread = (
      await t.server.app.inject({
        method: 'GET',
        url: `/api/email/interactions/${interaction.id}/thread`,
        headers: auth,
      })
    ).json() as EmailThread;
    const inboundId = thread.messages[0]?.id ?? '';
    const message = (
      await t.server.app.inject({ method: 'GET', url: `/api/email/messages/${inboundId}`, headers: auth })
    ).json() as EmailMessage;
    expect(message.replyTo).toEqual({ address: 'tickets@example.cn', name: '' });

    const forward = await t.server.app.inject({
      method: 'POST',
      url: `/api/email/messages/${inboundId}/reply`,
      headers: auth,
      payload: { mode: 'forward', to: ['finance@example.com'], text: 'FYI' },
    });
    expect(forward.statusCode).toBe(201);
    const stored = (forward.json() as { message: EmailMessage }).message;
    expect(stored).toMatchObject({ subject: 'Fwd: Refund', inReplyTo: null, status: 'sent' });
    const relayed = await until('the forward at the relay', () =>
      sink.mail.find((raw) => raw.includes(Buffer.from(stored.messageId))),
    );
    const parsed = await simpleParser(relayed);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('finance@example.com');
    expect(parsed.text).toContain('FYI');
    expect(parsed.text).toContain('Please refund.');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['receipt.txt', 'paid 10'],
    ]);
  });

  it('quotes the sanitised copy kept with a multi-megabyte HTML message when replying, without sanitising it again', async () => {
    const tenant = 'tenant-demo';
    const row =
      '<tr><td onmouseover="steal()">Zeile 测试</td><td><img src="https://tracker.example/p.gif"></td></tr>\n';
    const html = `<script>alert(1)</script><table>${row.repeat(Math.ceil((3 * 1024 * 1024) / row.length))}</table>`;
    const support = t.server.email.mailboxes.byAddress('support@demo.seat.test')!;
    const [outcome] = await t.server.email.ingest.ingest(
      rawMessage(
        { 'Message-ID': '<huge-reply@example.cn>', 'Content-Type': 'text/html; charset=utf-8' },
        html,
      ),
      [support],
      'smtp',
    );
    const id = outcome!.message.id;
    const { messages } = t.server.email;
    const kept = await until('the kept sanitised copy', () => messages.safeHtml(id) ?? undefined);
    // Marked, so a quote sanitised afresh from the raw HTML would show: it lacks the mark.
    messages.setSafeHtml(id, { ...kept, html: `<p>kept-copy-mark</p>${kept.html}` });

    const auth = { authorization: `Bearer ${await t.login('lead01')}` };
    const reply = await t.server.app.inject({
      method: 'POST',
      url: `/api/email/messages/${id}/reply`,
      headers: auth,
      payload: { mode: 'reply', text: 'Danke', html: '<p>Danke</p>' },
    });
    expect(reply.statusCode).toBe(201);
    const sent = (reply.json() as { message: EmailMessage }).message;
    const quoted = messages.message(tenant, sent.id)?.html ?? '';
    expect(quoted).toContain('<blockquote type="cite"');
    expect(quoted).toContain('<p>kept-copy-mark</p><table>');
    expect(quoted.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(quoted).not.toMatch(/<script|onmouseover|\ssrc="https:/);
  }, 60_000);

  it('sanitises and keeps the HTML of a message stored before sanitised copies were kept, when replying to it', async () => {
    const support = t.server.email.mailboxes.byAddress('support@demo.seat.test')!;
    const [outcome] = await t.server.email.ingest.ingest(
      rawMessage(
        { 'Message-ID': '<older@example.cn>', 'Content-Type': 'text/html; charset=utf-8' },
        '<p onclick="x()">Older<script>alert(1)</script></p>',
      ),
      [support],
      'smtp',
    );
    const id = outcome!.message.id;
    const { messages } = t.server.email;
    await until('the kept sanitised copy', () => messages.safeHtml(id) ?? undefined);
    // As a message stored before migration 015 has it: no kept copy.
    t.server.store.sqlite
      .prepare('UPDATE email_messages SET safe_html = NULL, safe_html_notes = NULL WHERE id = ?')
      .run(id);
    expect(messages.safeHtml(id)).toBeNull();

    const reply = await t.server.app.inject({
      method: 'POST',
      url: `/api/email/messages/${id}/reply`,
      headers: { authorization: `Bearer ${await t.login('lead01')}` },
      payload: { mode: 'reply', text: 'Danke', html: '<p>Danke</p>' },
    });
    expect(reply.statusCode).toBe(201);
    const sent = (reply.json() as { message: EmailMessage }).message;
    expect(messages.message('tenant-demo', sent.id)?.html).toContain('<p>Older</p></blockquote>');
    expect(messages.safeHtml(id)).toMatchObject({ html: '<p>Older</p>', removedActiveContent: true });
  });
});
