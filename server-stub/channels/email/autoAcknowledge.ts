import type { ComposedReply } from './composeReply';
import { prefixedSubject } from './composeReply';
import type { IngestListener } from './ingest';
import type { Mailbox } from './mailboxConfig';

// The optional "we have your message" answer to the first message of a thread. Never sent to mail
// that is itself automatic (RFC 3834: Auto-Submitted, bulk/list precedence, List-Id), to our own
// addresses (no loops), or when the mailbox has no relay.

/** Builds the acknowledgement, or null when none should go out. */
export function composeAcknowledgement(
  event: Parameters<IngestListener>[0],
  isOurAddress: (address: string) => boolean,
): ComposedReply | null {
  const { mailbox, parsed, outcome } = event;
  const template = mailbox.settings.autoAcknowledge;
  if (!template || !outcome.newThread || outcome.duplicate || parsed.automated || parsed.parseProblem)
    return null;
  const recipient = parsed.replyTo ?? parsed.from;
  if (!recipient || isOurAddress(recipient.address)) return null;
  const fill = (s: string) =>
    s.replaceAll('{subject}', parsed.subject || '(no subject)').replaceAll('{reference}', outcome.thread.id);
  return {
    from: { address: mailbox.address, name: mailbox.displayName },
    to: [recipient],
    cc: [],
    bcc: [],
    subject: prefixedSubject('Re', fill(template.subject)).slice(0, 998),
    inReplyTo: parsed.messageId,
    references: [...parsed.references, parsed.messageId].slice(-20),
    text: fill(template.text),
    html: null,
    attachments: [],
  };
}

/** Headers every automatic answer carries so other robots do not answer it. */
export const autoReplyHeaders: Record<string, string> = {
  'Auto-Submitted': 'auto-replied',
  'X-Auto-Response-Suppress': 'All',
  Precedence: 'auto_reply',
};

/** True when a mailbox can send (own relay or server default). */
export type CanSend = (mailbox: Mailbox) => boolean;
