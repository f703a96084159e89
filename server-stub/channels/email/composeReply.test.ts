import { describe, expect, it } from 'vitest';
import { composeReply, parseReplyRequest, prefixedSubject } from './composeReply';
import type { Mailbox } from './mailboxConfig';
import type { AttachmentRecord, MessageRecord } from './messageStore';
import type { SafeHtmlOf } from './safeHtml';
import { sanitizeEmailHtml } from './sanitizeHtml';

const mailbox: Mailbox = {
  id: 'mb1',
  tenantId: 'tenant-demo',
  address: 'support@demo.seat.test',
  displayName: 'Demo Support',
  queueId: 'q1',
  settings: { imap: null, relay: null, autoAcknowledge: null },
};

const original: MessageRecord = {
  id: 'row1',
  tenantId: 'tenant-demo',
  mailboxId: 'mb1',
  threadId: 't1',
  direction: 'inbound',
  messageId: '<m3@example.cn>',
  inReplyTo: '<m2@demo>',
  references: ['<m1@example.cn>', '<m2@demo>'],
  from: { address: 'jie.chen@example.cn', name: '陈杰' },
  replyTo: null,
  to: [
    { address: 'Support@demo.seat.test', name: 'Support' },
    { address: 'boss@example.cn', name: '' },
  ],
  cc: [
    { address: 'colleague@example.cn', name: '' },
    { address: 'JIE.CHEN@example.cn', name: '' },
  ],
  subject: '发票问题',
  date: Date.parse('2026-03-02T08:00:00Z'),
  receivedAt: Date.parse('2026-03-02T08:00:01Z'),
  text: '您好\n> earlier',
  html: '<p>您好<script>x()</script></p>',
  source: 'smtp',
  status: 'received',
  error: null,
  parseProblem: null,
  sentBy: null,
  routed: true,
  attachmentCount: 1,
};

const pdf: AttachmentRecord = {
  id: 'a1',
  messageRowId: 'row1',
  filename: '发票.pdf',
  contentType: 'application/pdf',
  size: 8,
  contentId: null,
  inline: false,
  content: Buffer.from('%PDF-1.4'),
};

// What the message store's reader would keep: the original sanitised.
const sanitisedNow: SafeHtmlOf = (m) => (m.html ? sanitizeEmailHtml(m.html, () => null) : null);

const compose = (
  request: Parameters<typeof parseReplyRequest>[0],
  message = original,
  safeHtmlOf: SafeHtmlOf = sanitisedNow,
) =>
  composeReply({
    mailbox,
    original: message,
    originalAttachments: [pdf],
    request: parseReplyRequest(request),
    safeHtmlOf,
  });

describe('composeReply', () => {
  it('answers the sender with Re:, In-Reply-To and References ending in the original, and quotes the text', () => {
    const reply = compose({ mode: 'reply', text: '已收到。' });
    expect(reply.to).toEqual([{ address: 'jie.chen@example.cn', name: '陈杰' }]);
    expect(reply.cc).toEqual([]);
    expect(reply.subject).toBe('Re: 发票问题');
    expect(reply.inReplyTo).toBe('<m3@example.cn>');
    expect(reply.references).toEqual(['<m1@example.cn>', '<m2@demo>', '<m3@example.cn>']);
    expect(reply.text).toBe(
      `已收到。\n\nOn ${new Date(original.date).toUTCString()}, 陈杰 <jie.chen@example.cn> wrote:\n> 您好\n>> earlier`,
    );
    expect(reply.attachments).toEqual([]);
  });

  it('answers the Reply-To address when the sender gave one', () => {
    const reply = compose(
      { mode: 'reply', text: 'ok' },
      { ...original, replyTo: { address: 'tickets@example.cn', name: '' } },
    );
    expect(reply.to.map((a) => a.address)).toEqual(['tickets@example.cn']);
  });

  it('replies to all without our own mailbox and without duplicates, whatever their case', () => {
    const reply = compose({ mode: 'replyAll', text: 'ok', cc: ['extra@example.com'] });
    expect(reply.to.map((a) => a.address)).toEqual(['jie.chen@example.cn']);
    expect(reply.cc.map((a) => a.address)).toEqual([
      'boss@example.cn',
      'colleague@example.cn',
      'extra@example.com',
    ]);
  });

  it('forwards to the given recipients with Fwd:, the original header and its attachments, without In-Reply-To', () => {
    const forward = compose({ mode: 'forward', to: ['billing@example.com'], text: 'Please check.' });
    expect(forward.to.map((a) => a.address)).toEqual(['billing@example.com']);
    expect(forward.subject).toBe('Fwd: 发票问题');
    expect(forward.inReplyTo).toBeNull();
    expect(forward.text).toContain(
      '---------- Forwarded message ----------\nFrom: 陈杰 <jie.chen@example.cn>',
    );
    expect(forward.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['发票.pdf', '%PDF-1.4'],
    ]);
    const without = compose({
      mode: 'forward',
      to: ['b@example.com'],
      text: 'x',
      includeOriginalAttachments: false,
    });
    expect(without.attachments).toEqual([]);
  });

  it('refuses a forward to nobody with VALIDATION_FAILED', () => {
    expect(() => compose({ mode: 'forward', text: 'x' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('sanitises the composer HTML and the quoted original HTML', () => {
    const reply = compose({ mode: 'reply', text: 'ok', html: '<p>ok<img src=x onerror=alert(1)></p>' });
    expect(reply.html).not.toMatch(/script|onerror|x\(\)/);
    expect(reply.html).toContain('<blockquote type="cite"');
  });

  it("quotes the original's kept sanitised HTML as it is, never its raw HTML", () => {
    const read: string[] = [];
    const kept: SafeHtmlOf = (m) => {
      read.push(m.id);
      return { html: '<p>the kept copy</p>', removedActiveContent: true, blockedRemoteImages: 0 };
    };
    const reply = compose({ mode: 'reply', text: 'ok', html: '<p>ok</p>' }, original, kept);
    expect(reply.html).toContain('<blockquote type="cite"');
    expect(reply.html).toContain('<p>the kept copy</p></blockquote>');
    expect(reply.html).not.toContain('您好');
    expect(read).toEqual(['row1']);
  });

  it("drops inline images that point at the seat's downloads from the quote, keeping the rest", () => {
    const kept: SafeHtmlOf = () => ({
      html: '<p>Logo <img src="/api/email/messages/row1/attachments/a9" alt="logo" /> and <img alt="t" data-seat-remote-src="https://t.example/p.gif" /> end</p>',
      removedActiveContent: false,
      blockedRemoteImages: 1,
    });
    const reply = compose({ mode: 'forward', to: ['x@example.com'], text: 'FYI', html: '' }, original, kept);
    expect(reply.html).not.toContain('/api/email/');
    expect(reply.html).toContain(
      '<p>Logo  and <img alt="t" data-seat-remote-src="https://t.example/p.gif" /> end</p>',
    );
  });

  it('sends only the answer when quoting is off', () => {
    expect(compose({ mode: 'reply', text: 'only this', quote: false }).text).toBe('only this');
  });

  it('keeps the last 20 references so long threads do not grow the header without bound', () => {
    const many = Array.from({ length: 30 }, (_, i) => `<r${i}@x>`);
    const reply = compose({ mode: 'reply', text: 'x' }, { ...original, references: many });
    expect(reply.references).toHaveLength(20);
    expect(reply.references.at(-1)).toBe('<m3@example.cn>');
  });

  it('adds Re: or Fwd: once, recognising existing prefixes', () => {
    expect(prefixedSubject('Re', 'RE: hello')).toBe('RE: hello');
    expect(prefixedSubject('Fwd', 'FW: hello')).toBe('FW: hello');
    expect(prefixedSubject('Re', 'hello')).toBe('Re: hello');
  });
});
