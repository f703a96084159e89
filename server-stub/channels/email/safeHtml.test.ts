import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailMessage } from '@contract/email';
import { startTestServer } from '../../testing/testServer';
import { openEmailFixture, rawMessage, type EmailFixture } from './emailTestFixture';
import type { Mailbox } from './mailboxConfig';
import { createSafeHtml } from './safeHtml';
import { sanitizeEmailHtml } from './sanitizeHtml';

// E-mail HTML is sanitised once and kept with the message: the reader sanitises at most once per
// message, even across readers (a restart), and a multi-megabyte hostile body is stored whole and
// served sanitised by the real server.

const htmlMessage = (messageId: string, html: string, extra: Record<string, string> = {}) =>
  rawMessage({ 'Message-ID': messageId, 'Content-Type': 'text/html; charset=utf-8', ...extra }, html);

describe('sanitised e-mail HTML kept with the message', () => {
  let f: EmailFixture;
  let support: Mailbox;
  beforeEach(async () => {
    f = await openEmailFixture();
    support = f.mailboxes.byAddress('support@demo.seat.test') as Mailbox;
  });
  afterEach(() => f.dispose());

  it('sanitises a message once and answers later reads, also of a new reader, from the stored result', async () => {
    const [outcome] = await f.ingest.ingest(
      htmlMessage('<once@example.cn>', '<p onclick="x()">Hi<script>alert(1)</script></p>'),
      [support],
      'smtp',
    );
    const message = f.messages.message('tenant-demo', outcome!.message.id)!;
    let calls = 0;
    const counting: typeof sanitizeEmailHtml = (html, cidUrl) => {
      calls++;
      return sanitizeEmailHtml(html, cidUrl);
    };
    const first = createSafeHtml(f.messages, counting)(message);
    expect(first).toMatchObject({ removedActiveContent: true, blockedRemoteImages: 0 });
    expect(first?.html).not.toMatch(/script|onclick|alert/);
    expect(createSafeHtml(f.messages, counting)(message)).toEqual(first);
    expect(calls).toBe(1);
  });

  it('points inline cid images at the attachment URL and leaves a message without HTML alone', async () => {
    const boundary = 'b1';
    const raw = rawMessage(
      { 'Message-ID': '<cid@example.cn>', 'Content-Type': `multipart/related; boundary="${boundary}"` },
      [
        `--${boundary}`,
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p><img src="cid:logo@x"> <img src="https://tracker.example/p.gif"></p>',
        `--${boundary}`,
        'Content-Type: image/png',
        'Content-ID: <logo@x>',
        'Content-Disposition: inline; filename="logo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgo=',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const [outcome] = await f.ingest.ingest(raw, [support], 'smtp');
    const message = f.messages.message('tenant-demo', outcome!.message.id)!;
    const [logo] = f.messages.attachments(message.id, false);
    const safe = createSafeHtml(f.messages)(message);
    expect(safe?.html).toContain(`src="/api/email/messages/${message.id}/attachments/${logo!.id}"`);
    expect(safe?.blockedRemoteImages).toBe(1);

    const [plain] = await f.ingest.ingest(
      rawMessage({ 'Message-ID': '<plain@example.cn>' }),
      [support],
      'smtp',
    );
    const none = createSafeHtml(f.messages)(f.messages.message('tenant-demo', plain!.message.id)!);
    expect(none).toBeNull();
    expect(f.messages.safeHtml(plain!.message.id)).toBeNull();
  });
});

describe('a multi-megabyte hostile HTML body through the real server', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.dispose());

  it('stores it whole, sanitises it as it arrives, and serves the kept sanitised copy', async () => {
    const row =
      '<tr><td style="color:red" onmouseover="steal()">Zeile 测试</td><td><img src="https://tracker.example/p.gif"></td></tr>\n';
    const html = `<html><body><script>alert(1)</script><table>${row.repeat(Math.ceil((3 * 1024 * 1024) / row.length))}</table></body></html>`;
    expect(html.length).toBeGreaterThan(3 * 1024 * 1024);
    const support = t.server.email.mailboxes.byAddress('support@demo.seat.test')!;
    const [outcome] = await t.server.email.ingest.ingest(
      htmlMessage('<huge@example.cn>', html),
      [support],
      'smtp',
    );
    const id = outcome!.message.id;
    expect(t.server.email.messages.message('tenant-demo', id)?.html?.length).toBeGreaterThan(3 * 1024 * 1024);
    // Sanitised right after the message was stored, before anyone reads it.
    const kept = await new Promise<ReturnType<typeof t.server.email.messages.safeHtml>>((resolve) =>
      setImmediate(() => resolve(t.server.email.messages.safeHtml(id))),
    );
    expect(kept?.removedActiveContent).toBe(true);

    const auth = { authorization: `Bearer ${await t.login('lead01')}` };
    const read = async () => {
      const reply = await t.server.app.inject({
        method: 'GET',
        url: `/api/email/messages/${id}`,
        headers: auth,
      });
      expect(reply.statusCode).toBe(200);
      return reply.json() as EmailMessage;
    };
    const message = await read();
    expect(message.html).toBe(kept?.html);
    expect(message.html?.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(message.html).not.toMatch(/<script|onmouseover|steal\(|\ssrc="https:/);
    expect(message.html).toContain('Zeile 测试');
    expect(message.htmlNotes.removedActiveContent).toBe(true);
    expect(message.htmlNotes.blockedRemoteImages).toBeGreaterThan(10_000);
    expect((await read()).html).toBe(message.html);
  }, 60_000);
});
