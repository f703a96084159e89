import type { MessageRecord, MessageStore } from './messageStore';
import { sanitizeEmailHtml, type SanitisedHtml } from './sanitizeHtml';

// A message's HTML for display, sanitised once and kept with the message: at ingest for new mail,
// and on the first read for mail stored before. Sanitising a multi-megabyte body is seconds of the
// event loop, which every GET of the message used to pay again.

/** Where the seat downloads an attachment of a message (inline `cid:` images point here). */
export const emailAttachmentUrl = (messageRowId: string, attachmentId: string) =>
  `/api/email/messages/${encodeURIComponent(messageRowId)}/attachments/${encodeURIComponent(attachmentId)}`;

// An <img> whose src is one of those URLs, as the sanitiser writes it (attribute values escaped, so
// no `>` inside a tag).
const seatImage = /<img\b[^>]*\ssrc="\/api\/email\/messages\/[^"]*"[^>]*>/gi;

/** The sanitised HTML without inline images pointing at the seat's downloads, for HTML that leaves the seat (a quote in a reply). */
export const withoutSeatImages = (html: string) => html.replace(seatImage, '');

/** The sanitised HTML of a message, or null for a message without HTML. */
export type SafeHtmlOf = (message: MessageRecord) => SanitisedHtml | null;

/** Builds the reader: stored result when there is one, else sanitises, stores and returns it. */
export function createSafeHtml(
  messages: Pick<MessageStore, 'safeHtml' | 'setSafeHtml' | 'attachments'>,
  sanitise: typeof sanitizeEmailHtml = sanitizeEmailHtml,
): SafeHtmlOf {
  return (message) => {
    if (!message.html) return null;
    const stored = messages.safeHtml(message.id);
    if (stored) return stored;
    const byCid = new Map(
      messages
        .attachments(message.id, false)
        .flatMap((a) => (a.contentId ? [[a.contentId, a.id] as const] : [])),
    );
    const safe = sanitise(message.html, (cid) => {
      const attachmentId = byCid.get(cid);
      return attachmentId ? emailAttachmentUrl(message.id, attachmentId) : null;
    });
    messages.setSafeHtml(message.id, safe);
    return safe;
  };
}
