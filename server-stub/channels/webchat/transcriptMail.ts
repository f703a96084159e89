import type { EmailAddress } from '@contract/email';
import type { ChatMessage } from '@contract/webchat';
import { createEmailSender } from '../email/emailSender';
import type { Mailbox, Relay } from '../email/mailboxConfig';
import type { MessageRecord, MessageStore } from '../email/messageStore';
import type { ChatRecord, ChatStore } from './chatStore';

// The transcript by e-mail at the end of a chat. It goes through the e-mail channel's sender (same
// MIME building, relay handling and sent/failed bookkeeping), from the tenant's first mailbox, and
// is recorded in the chat's own table rather than as an e-mail thread: it is a copy for the
// customer, not a conversation an agent should answer.

/** Sends a chat's transcript to the customer. */
export interface TranscriptMailer {
  /** Resolves true once the relay took it; false when there is nothing to send it with or to. Throws when the relay refuses. */
  send(chat: ChatRecord): Promise<boolean>;
}

const plainAddress = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/;

/** Whether the chat's contact is an e-mail address the transcript can go to. */
export const isEmailContact = (contact: string) => plainAddress.test(contact.trim());

/** The transcript as plain text, one line per message. */
export function transcriptText(chat: ChatRecord, messages: readonly ChatMessage[]): string {
  const lines = messages.map((m) => {
    const who = m.author === 'system' ? '—' : (m.authorName ?? m.author);
    const file = m.attachment ? ` [file: ${m.attachment.filename}, ${m.attachment.size} bytes]` : '';
    return `[${m.sentAt.slice(0, 19).replace('T', ' ')} UTC] ${who}: ${m.text}${file}`;
  });
  return [
    `Hello ${chat.name},`,
    '',
    `Here is the transcript of your chat (reference ${chat.id}).`,
    '',
    ...lines,
    '',
    'Thank you for contacting us.',
  ].join('\n');
}

/** Builds the mailer over the e-mail channel's mailboxes and relay choice. */
export function createTranscriptMailer(deps: {
  chats: ChatStore;
  mailboxesOf: (tenantId: string) => Mailbox[];
  relayOf: (mailbox: Mailbox) => Relay | null;
  now: () => number;
  newId: () => string;
}): TranscriptMailer {
  // The sender records what it sends through these two calls; the rest of the store is not used.
  const recorder: Pick<MessageStore, 'storeOutbound' | 'setOutboundStatus'> = {
    storeOutbound(draft, at): MessageRecord {
      const id = deps.newId();
      deps.chats.recordMail({
        id,
        chatId: draft.threadId,
        messageId: draft.messageId,
        to: draft.to.map((a) => a.address).join(', '),
        raw: draft.raw,
        at,
      });
      return {
        id,
        tenantId: draft.tenantId,
        mailboxId: draft.mailboxId,
        threadId: draft.threadId,
        direction: 'outbound',
        messageId: draft.messageId,
        inReplyTo: null,
        references: [],
        from: draft.from,
        replyTo: null,
        to: draft.to,
        cc: draft.cc,
        subject: draft.subject,
        date: at,
        receivedAt: at,
        text: draft.text,
        html: null,
        source: draft.source,
        status: 'sending',
        error: null,
        parseProblem: null,
        sentBy: draft.sentBy,
        routed: true,
        attachmentCount: 0,
      };
    },
    setOutboundStatus(id, status, error) {
      deps.chats.setMailStatus(id, status, error);
    },
  };
  const sender = createEmailSender({
    messages: recorder as MessageStore,
    relayOf: deps.relayOf,
    now: deps.now,
    newId: deps.newId,
  });

  return {
    async send(chat) {
      if (!isEmailContact(chat.contact)) return false;
      const mailbox = deps.mailboxesOf(chat.tenantId).find((m) => deps.relayOf(m) !== null);
      if (!mailbox) return false;
      const from: EmailAddress = { address: mailbox.address, name: mailbox.displayName };
      await sender.send({
        mailbox,
        threadId: chat.id,
        composed: {
          from,
          to: [{ address: chat.contact.trim(), name: chat.name }],
          cc: [],
          bcc: [],
          subject: `Your chat with ${mailbox.displayName} (${chat.id})`,
          inReplyTo: null,
          references: [],
          text: transcriptText(chat, deps.chats.messages(chat.id)),
          html: null,
          attachments: [],
        },
        source: 'auto',
        sentBy: null,
        extraHeaders: { 'Auto-Submitted': 'auto-generated' },
      });
      return true;
    },
  };
}
