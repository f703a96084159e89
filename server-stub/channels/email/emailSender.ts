import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { SeatError } from '@contract/errors';
import type { Relay, Mailbox } from './mailboxConfig';
import type { MessageRecord, MessageStore } from './messageStore';
import type { ComposedReply } from './composeReply';
import type { ParsedAttachment } from './parseEmail';

// Sends outbound mail through the mailbox's SMTP relay. The exact bytes are built first and stored
// with the message (status `sending`), then handed to the relay, then marked sent or failed: what
// the thread shows is what left, and a failed send is kept, never silently dropped.

/** Sends composed mail and records it in the thread. */
export interface EmailSender {
  send(input: {
    mailbox: Mailbox;
    threadId: string;
    composed: ComposedReply;
    source: 'seat' | 'auto';
    sentBy: string | null;
    extraHeaders?: Record<string, string>;
  }): Promise<MessageRecord>;
}

/** The domain part of an address, for Message-IDs. */
const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1) || 'seat.invalid';

/** Builds the sender; `relayOf` picks the relay of a mailbox (its own or the server default). */
export function createEmailSender(deps: {
  messages: MessageStore;
  relayOf: (mailbox: Mailbox) => Relay | null;
  now: () => number;
  newId: () => string;
  timeoutMs?: number;
}): EmailSender {
  return {
    async send({ mailbox, threadId, composed, source, sentBy, extraHeaders }) {
      const relay = deps.relayOf(mailbox);
      if (!relay) throw new SeatError('UNAVAILABLE', `No mail relay is configured for ${mailbox.address}.`);
      const at = deps.now();
      const messageId = `<${deps.newId()}.${at.toString(36)}@${domainOf(mailbox.address)}>`;
      const raw = await new MailComposer({
        from: composed.from,
        to: composed.to,
        cc: composed.cc,
        subject: composed.subject,
        text: composed.text,
        ...(composed.html !== null ? { html: composed.html } : {}),
        messageId,
        date: new Date(at),
        ...(composed.inReplyTo ? { inReplyTo: composed.inReplyTo } : {}),
        ...(composed.references.length > 0 ? { references: composed.references } : {}),
        attachments: composed.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
        ...(extraHeaders ? { headers: extraHeaders } : {}),
      })
        .compile()
        .build();
      const attachments: ParsedAttachment[] = composed.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        size: a.content.length,
        contentId: null,
        inline: false,
        content: a.content,
        sha256: createHash('sha256').update(a.content).digest('hex'),
      }));
      const stored = deps.messages.storeOutbound(
        {
          tenantId: mailbox.tenantId,
          mailboxId: mailbox.id,
          threadId,
          messageId,
          inReplyTo: composed.inReplyTo,
          references: composed.references,
          from: composed.from,
          to: composed.to,
          cc: composed.cc,
          subject: composed.subject,
          text: composed.text,
          html: composed.html,
          raw,
          attachments,
          source,
          sentBy,
        },
        at,
      );
      const transport = createTransport({
        host: relay.host,
        port: relay.port,
        secure: relay.secure,
        requireTLS: relay.requireTls,
        ...(relay.user && relay.password ? { auth: { user: relay.user, pass: relay.password } } : {}),
        connectionTimeout: deps.timeoutMs ?? 15_000,
        greetingTimeout: deps.timeoutMs ?? 15_000,
        socketTimeout: (deps.timeoutMs ?? 15_000) * 2,
      });
      try {
        const envelope = {
          from: mailbox.address,
          to: [...composed.to, ...composed.cc, ...composed.bcc].map((a) => a.address),
        };
        await transport.sendMail({ envelope, raw });
        deps.messages.setOutboundStatus(stored.id, 'sent', null);
        return { ...stored, status: 'sent' };
      } catch (error) {
        const reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
        deps.messages.setOutboundStatus(stored.id, 'failed', reason);
        throw new SeatError(
          'UNAVAILABLE',
          `The mail relay did not take the message (${reason}); it is kept in the thread as failed.`,
        );
      } finally {
        transport.close();
      }
    },
  };
}
