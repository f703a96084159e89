import type { EmailAddress, EmailReplyRequest } from '@contract/email';
import { emailReplyRequestSchema } from '@contract/email';
import { SeatError } from '@contract/errors';
import type { z } from 'zod';
import type { Mailbox } from './mailboxConfig';
import type { AttachmentRecord, MessageRecord } from './messageStore';
import { withoutSeatImages, type SafeHtmlOf } from './safeHtml';
import { sanitizeEmailHtml } from './sanitizeHtml';

// What a reply, reply-all or forward says and to whom: recipients, subject, threading headers and
// the quoted original. Pure but for the original's sanitised HTML, read through `safeHtmlOf` (which
// keeps it on first use): the sender stores and sends what this returns.

type ReplyRequest = z.output<typeof emailReplyRequestSchema>;

/** A composed outbound message, before it is turned into MIME. */
export interface ComposedReply {
  from: EmailAddress;
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  subject: string;
  inReplyTo: string | null;
  references: string[];
  text: string;
  html: string | null;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

const maxReferences = 20;

const display = (a: EmailAddress | null) =>
  a ? (a.name ? `${a.name} <${a.address}>` : a.address) : 'unknown sender';
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const plain = (address: string): EmailAddress => ({ address, name: '' });

/** Adds "Re: " or "Fwd: " unless the subject already starts with it. */
export function prefixedSubject(prefix: 'Re' | 'Fwd', subject: string): string {
  const pattern = prefix === 'Re' ? /^re\s*:/i : /^(fwd?|fw)\s*:/i;
  return pattern.test(subject.trim()) ? subject.trim() : `${prefix}: ${subject.trim()}`.trim();
}

/** Recipients without duplicates (case-insensitive) and without our own mailbox. */
function distinct(list: EmailAddress[], exclude: Set<string>): EmailAddress[] {
  const out: EmailAddress[] = [];
  for (const a of list) {
    const key = a.address.toLowerCase();
    if (exclude.has(key)) continue;
    exclude.add(key);
    out.push(a);
  }
  return out;
}

/** Composes the reply; throws VALIDATION_FAILED when it would go to nobody. */
export function composeReply(input: {
  mailbox: Mailbox;
  original: MessageRecord;
  originalAttachments: AttachmentRecord[];
  request: ReplyRequest;
  /** The original's sanitised HTML as kept with the message (sanitised and kept on first use). */
  safeHtmlOf: SafeHtmlOf;
}): ComposedReply {
  const { mailbox, original, request } = input;
  const from = { address: mailbox.address, name: mailbox.displayName };
  const ours = new Set([mailbox.address.toLowerCase()]);
  // Replying to our own outbound message answers its recipients again.
  const sender =
    original.direction === 'outbound'
      ? original.to
      : [original.replyTo ?? original.from].flatMap((a) => a ?? []);
  let to: EmailAddress[];
  let cc: EmailAddress[];
  if (request.mode === 'forward') {
    to = distinct(request.to.map(plain), ours);
    cc = distinct(request.cc.map(plain), ours);
  } else {
    to = distinct([...sender, ...request.to.map(plain)], ours);
    const others = request.mode === 'replyAll' ? [...original.to, ...original.cc] : [];
    cc = distinct([...others, ...request.cc.map(plain)], ours);
  }
  const bcc = distinct(request.bcc.map(plain), ours);
  if (to.length === 0)
    throw new SeatError(
      'VALIDATION_FAILED',
      request.mode === 'forward'
        ? 'Give at least one recipient to forward to.'
        : 'The original has no sender to reply to; give a recipient.',
    );

  const subject =
    request.subject ?? prefixedSubject(request.mode === 'forward' ? 'Fwd' : 'Re', original.subject);
  const references = [
    ...original.references.filter((r) => r !== original.messageId),
    original.messageId,
  ].slice(-maxReferences);
  const when = new Date(original.date).toUTCString();

  let text = request.text;
  let quotedHtml = '';
  if (request.quote) {
    if (request.mode === 'forward') {
      const header = [
        '---------- Forwarded message ----------',
        `From: ${display(original.from)}`,
        `Date: ${when}`,
        `Subject: ${original.subject}`,
        `To: ${original.to.map(display).join(', ')}`,
      ];
      text += `\n\n${header.join('\n')}\n\n${original.text}`;
      quotedHtml = `<div>${header.map(escapeHtml).join('<br>')}</div><br>`;
    } else {
      const intro = `On ${when}, ${display(original.from)} wrote:`;
      text += `\n\n${intro}\n${original.text
        .split(/\r?\n/)
        .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`))
        .join('\n')}`;
      quotedHtml = `<div>${escapeHtml(intro)}</div>`;
    }
    // The kept copy, not a fresh sanitisation: a multi-megabyte body would hold the event loop for
    // seconds on every reply. Its inline images point at the seat's downloads, which mean nothing to
    // the recipient, so the quote drops them (as quoting always dropped `cid:` images).
    const safe = input.safeHtmlOf(original);
    const originalHtml = safe ? withoutSeatImages(safe.html) : `<pre>${escapeHtml(original.text)}</pre>`;
    quotedHtml +=
      request.mode === 'forward'
        ? originalHtml
        : `<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${originalHtml}</blockquote>`;
  }
  const html =
    request.html !== undefined ? `${sanitizeEmailHtml(request.html, () => null).html}${quotedHtml}` : null;

  const attachments: ComposedReply['attachments'] = request.attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType.toLowerCase(),
    content: Buffer.from(a.contentBase64, 'base64'),
  }));
  if (request.mode === 'forward' && request.includeOriginalAttachments) {
    for (const a of input.originalAttachments)
      if (a.content)
        attachments.push({ filename: a.filename, contentType: a.contentType, content: a.content });
  }
  return {
    from,
    to,
    cc,
    bcc,
    subject,
    inReplyTo: request.mode === 'forward' ? null : original.messageId,
    references,
    text,
    html,
    attachments,
  };
}

/** Parses a reply request body (the route does this too; exported for direct callers). */
export function parseReplyRequest(body: EmailReplyRequest): ReplyRequest {
  const result = emailReplyRequestSchema.safeParse(body);
  if (!result.success)
    throw new SeatError(
      'VALIDATION_FAILED',
      result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return result.data;
}
