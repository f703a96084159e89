import type { ComposedReply } from './composeReply';
import { prefixedSubject } from './composeReply';
import type { IngestListener } from './ingest';
import type { Mailbox } from './mailboxConfig';

// The optional "we have your message" answer to the first message of a thread. Never sent to mail
// that is itself automatic (RFC 3834: Auto-Submitted, bulk/list precedence, List-*, a null return
// path), to robot senders (mailer-daemon, no-reply, list owners), from or to our own addresses (no
// loops), or when the mailbox has no relay.

// RFC 3834 section 2: do not answer mailer-daemon, list owners and -request addresses; no-reply
// senders say the same in their name.
const robotLocalPart =
  /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|owner-.+|.+-request|.+-bounces?)$/i;

/** Whether an address belongs to a program that must not be answered. */
export function isRobotAddress(address: string): boolean {
  const local = address.slice(0, address.lastIndexOf('@')).split('+')[0]!;
  return robotLocalPart.test(local);
}

/** Builds the acknowledgement, or null when none should go out. */
export function composeAcknowledgement(
  event: Parameters<IngestListener>[0],
  isOurAddress: (address: string) => boolean,
): ComposedReply | null {
  const { mailbox, parsed, outcome } = event;
  const template = mailbox.settings.autoAcknowledge;
  // Bytes that could not be parsed at all come back automated and without a sender, so they are never
  // answered; a readable message with a decoding note (a wrong charset label) is a person's and is.
  if (!template || !outcome.newThread || outcome.duplicate || parsed.automated) return null;
  const recipient = parsed.replyTo ?? parsed.from;
  // Mailbox addresses are stored lower-cased; the sender may have written ours in any case.
  const ours = (address: string) => {
    const plain = address.trim().toLowerCase();
    return plain === mailbox.address.toLowerCase() || isOurAddress(plain);
  };
  if (!recipient || ours(recipient.address) || (parsed.from && ours(parsed.from.address))) return null;
  if (isRobotAddress(recipient.address) || (parsed.from && isRobotAddress(parsed.from.address))) return null;
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
