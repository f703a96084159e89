import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { EmailAddress } from '@contract/email';

// Turns raw RFC 5322 bytes into what the store keeps. mailparser decodes transfer encodings and
// charsets (iconv-lite: GB2312/GBK/GB18030, Big5, ISO-8859-x, …). A message it cannot parse is still
// kept: the raw source is stored beside a record that says what went wrong.

/** One attachment as parsed, with its bytes. */
export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
  content: Buffer;
  sha256: string;
}

/** What the pipeline needs from a message. */
export interface ParsedEmail {
  /** With angle brackets; generated from a hash of the bytes when the sender gave none. */
  messageId: string;
  messageIdGenerated: boolean;
  inReplyTo: string | null;
  references: string[];
  from: EmailAddress | null;
  replyTo: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  date: number | null;
  text: string;
  html: string | null;
  /** Selected headers as [name, value] lines (raw lines are in the stored source). */
  headers: Array<[string, string]>;
  attachments: ParsedAttachment[];
  /** Auto-Submitted, Precedence bulk/list/junk/auto_reply, a List-* header, X-Autoreply or a null return path: never auto-acknowledged (RFC 3834). */
  automated: boolean;
  parseProblem: string | null;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A stable Message-ID for a message without one: the same bytes always get the same id. */
export function generatedMessageId(raw: Buffer): string {
  return `<${sha256(raw).slice(0, 40)}@generated.seat.invalid>`;
}

const msgIdPattern = /<[^<>\s]{1,250}>/g;

/** Message-ids found in a header value, in order, deduplicated, at most `max` (the last ones win). */
export function messageIdsIn(value: string | string[] | undefined, max = 50): string[] {
  const joined = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const found = joined.match(msgIdPattern) ?? [];
  // Bare ids without brackets (seen from some clients) are bracketed so they compare equal.
  const bare =
    found.length === 0
      ? joined
          .split(/\s+/)
          .filter((t) => /^[^<>\s@]+@[^<>\s@]+$/.test(t))
          .map((t) => `<${t}>`)
      : [];
  const unique = [...new Set([...found, ...bare])];
  return unique.slice(-max);
}

function addresses(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: EmailAddress[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.group) walk(entry.group);
      else if (entry.address)
        out.push({ address: entry.address.slice(0, 254), name: (entry.name ?? '').slice(0, 200) });
    }
  };
  for (const object of list) walk(object.value);
  return out.slice(0, 200);
}

const keptHeaders = new Set([
  'from',
  'to',
  'cc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'auto-submitted',
  'precedence',
  'list-id',
  'content-type',
  'x-mailer',
  'user-agent',
]);

function safeDate(date: Date | undefined): number | null {
  const time = date?.getTime();
  return time !== undefined && Number.isFinite(time) ? time : null;
}

/** The first word of a header value, lower-cased ("No (by a person)" → "no"). */
const firstWord = (value: string | undefined) =>
  (value ?? '')
    .trim()
    .split(/[\s;(]/)[0]!
    .toLowerCase();

/**
 * Whether the message was sent by a program (RFC 3834 section 2 and common practice). Read from the
 * raw header lines: mailparser folds List-* headers into one structured `list` entry, so asking its
 * header map for `list-id` finds nothing.
 */
export function isAutomated(headerLines: ReadonlyArray<{ key: string; line: string }>): boolean {
  const value = (key: string) => {
    const line = headerLines.find((h) => h.key === key)?.line;
    return line === undefined ? undefined : line.slice(line.indexOf(':') + 1);
  };
  const autoSubmitted = value('auto-submitted');
  if (autoSubmitted !== undefined && firstWord(autoSubmitted) !== 'no') return true;
  if (['bulk', 'list', 'junk', 'auto_reply'].includes(firstWord(value('precedence')))) return true;
  if (headerLines.some((h) => h.key.startsWith('list-'))) return true;
  if (['x-autoreply', 'x-autorespond', 'x-autoresponse'].some((key) => value(key) !== undefined)) return true;
  // A null reverse-path (Return-Path: <>) marks bounces and other notifications (RFC 5321 4.5.5).
  const returnPath = value('return-path');
  return returnPath !== undefined && /^\s*<\s*>\s*$/.test(returnPath);
}

function fromParsed(parsed: ParsedMail, raw: Buffer): ParsedEmail {
  const ownId = messageIdsIn(parsed.messageId)[0];
  return {
    messageId: ownId ?? generatedMessageId(raw),
    messageIdGenerated: ownId === undefined,
    inReplyTo: messageIdsIn(parsed.inReplyTo)[0] ?? null,
    references: messageIdsIn(parsed.references),
    from: addresses(parsed.from)[0] ?? null,
    replyTo: addresses(parsed.replyTo)[0] ?? null,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: (parsed.subject ?? '').replace(/[\r\n]+/g, ' ').slice(0, 998),
    date: safeDate(parsed.date),
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers: parsed.headerLines
      .filter((h) => keptHeaders.has(h.key))
      .map(
        (h) =>
          [
            h.key,
            h.line
              .slice(h.key.length + 1)
              .trim()
              .slice(0, 4000),
          ] as [string, string],
      ),
    attachments: parsed.attachments.map((a, i) => ({
      filename:
        (a.filename ?? `attachment-${i + 1}`).replace(/[\r\n\\/]+/g, '_').slice(0, 200) ||
        `attachment-${i + 1}`,
      contentType: /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i.test(a.contentType)
        ? a.contentType.toLowerCase()
        : 'application/octet-stream',
      size: a.content.length,
      contentId: a.cid ?? null,
      inline: a.contentDisposition === 'inline' || Boolean(a.related),
      content: a.content,
      sha256: sha256(a.content),
    })),
    automated: isAutomated(parsed.headerLines),
    parseProblem: null,
  };
}

const replacementChar = '\uFFFD';
const replacementUtf8 = Buffer.from(replacementChar, 'utf8');
const declaredCharset = /charset\s*=\s*"?([A-Za-z0-9_.:+-]{1,40})/gi;
const encodedWordCharset = /=\?([A-Za-z0-9_.:+-]{1,40})(?:\*[A-Za-z-]*)?\?[BbQq]\?/g;

/** Whether the platform's decoder knows a charset label (WHATWG labels: utf-8, gbk, big5, iso-8859-x, …). */
function knownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * What went wrong decoding text, or null. mailparser never fails on a bad charset: it decodes an
 * unknown label as UTF-8 and turns bytes invalid for the charset into U+FFFD. So replacement
 * characters in what we show, where the sender's bytes held none, mean characters were lost; the
 * note names the unknown label when there is one. (A label only iconv knows, with text that decoded
 * cleanly, is not a problem and is not reported.)
 */
export function encodingProblem(raw: Buffer, shown: ReadonlyArray<string | null>): string | null {
  if (!shown.some((s) => s?.includes(replacementChar)) || raw.includes(replacementUtf8)) return null;
  const source = raw.toString('latin1');
  const labels = new Set<string>();
  for (const pattern of [declaredCharset, encodedWordCharset])
    for (const match of source.matchAll(pattern)) labels.add(match[1]!.toLowerCase());
  const unknown = [...labels].filter((label) => !knownCharset(label));
  const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  if (unknown.length > 0)
    return `unknown character set ${list(unknown.slice(0, 3))}; characters that could not be decoded show as ${replacementChar}`;
  return `bytes not valid in the declared character set${labels.size > 0 ? ` (${list([...labels].slice(0, 3))})` : ''} show as ${replacementChar}`;
}

/** A record for bytes mailparser refused: nothing but the raw text and a stable id. */
function unparsed(raw: Buffer, problem: string): ParsedEmail {
  return {
    messageId: generatedMessageId(raw),
    messageIdGenerated: true,
    inReplyTo: null,
    references: [],
    from: null,
    replyTo: null,
    to: [],
    cc: [],
    subject: '',
    date: null,
    text: raw.toString('utf8', 0, Math.min(raw.length, 64 * 1024)),
    html: null,
    headers: [],
    attachments: [],
    automated: true,
    parseProblem: problem.slice(0, 500),
  };
}

/** Parses a raw message; never throws for bad input (a parse failure is recorded, not raised). */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  try {
    const parsed = await simpleParser(raw, {
      keepCidLinks: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 5 * 1024 * 1024,
    });
    const email = fromParsed(parsed, raw);
    const problem = encodingProblem(raw, [email.subject, email.text, email.html, email.from?.name ?? null]);
    return problem ? { ...email, parseProblem: problem } : email;
  } catch (error) {
    return unparsed(raw, error instanceof Error ? error.message : String(error));
  }
}
