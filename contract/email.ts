import { z } from 'zod';

// Wire schemas of the e-mail channel: threads and messages as the seat reads them, the reply
// composer's request, and the frame that tells an agent a customer wrote again in a thread they own.

/** An e-mail address with an optional display name, as parsed from a header. */
export const emailAddressSchema = z.object({ address: z.string(), name: z.string() });
export type EmailAddress = z.infer<typeof emailAddressSchema>;

/** An address the seat may send to: one plain address, no display-name tricks, no header injection. */
export const outboundAddressSchema = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .regex(
    /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/,
    'a plain address such as name@example.com',
  );

/** Metadata of one stored attachment; the bytes are downloaded separately. */
export const emailAttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  /** Set for inline parts an HTML body refers to as `cid:`. */
  contentId: z.string().nullable(),
  inline: z.boolean(),
});
export type EmailAttachment = z.infer<typeof emailAttachmentSchema>;

/** One message in a thread, without its body (the list view). */
export const emailMessageSummarySchema = z.object({
  id: z.string(),
  threadId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  /** RFC 5322 Message-ID with angle brackets; generated from a content hash when the sender gave none. */
  messageId: z.string(),
  from: emailAddressSchema.nullable(),
  to: z.array(emailAddressSchema),
  cc: z.array(emailAddressSchema),
  subject: z.string(),
  /** The Date header, or the time the server received it when that is missing or unreadable. */
  date: z.string().datetime(),
  receivedAt: z.string().datetime(),
  /** First characters of the text, for lists. */
  preview: z.string(),
  attachmentCount: z.number().int().nonnegative(),
  /** Outbound only: queued (being sent), sent, or failed (relay refused; kept for a retry). */
  status: z.enum(['received', 'sending', 'sent', 'failed']),
  /** Set when the MIME could not be fully parsed; the raw source is kept. */
  parseProblem: z.string().nullable(),
});
export type EmailMessageSummary = z.infer<typeof emailMessageSummarySchema>;

/** One message with its bodies. `html` is already sanitised by the server; the seat sanitises again. */
export const emailMessageSchema = emailMessageSummarySchema.extend({
  text: z.string(),
  /** Sanitised HTML: no scripts, forms, event handlers or active URLs; remote images parked in `data-seat-remote-src`. */
  html: z.string().nullable(),
  /** What the sanitiser removed or parked, so the seat can say so (and offer to load remote images). */
  htmlNotes: z.object({
    removedActiveContent: z.boolean(),
    blockedRemoteImages: z.number().int().nonnegative(),
  }),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  /** Inbound only: the Reply-To address, where a reply goes instead of From. */
  replyTo: emailAddressSchema.nullable().default(null),
  attachments: z.array(emailAttachmentSchema),
  /** Outbound only: why the relay refused it. */
  error: z.string().nullable(),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;

/** A conversation: every message joined by Message-ID / In-Reply-To / References. */
export const emailThreadSchema = z.object({
  id: z.string(),
  mailboxId: z.string(),
  mailboxAddress: z.string(),
  subject: z.string(),
  customerId: z.string().nullable(),
  /** The interaction the thread is routed as now (a reply after it ended opens a new one). */
  interactionId: z.string().nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  messages: z.array(emailMessageSummarySchema),
});
export type EmailThread = z.infer<typeof emailThreadSchema>;

/** An attachment the agent adds to a reply, base64 encoded. */
export const outboundAttachmentSchema = z
  .object({
    filename: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\r\n\\/]+$/, 'a file name without path or line breaks'),
    contentType: z
      .string()
      .min(3)
      .max(127)
      .regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i, 'a MIME type such as application/pdf'),
    contentBase64: z
      .string()
      .max(20 * 1024 * 1024)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  })
  .strict();

/** POST /api/email/messages/:id/reply body: reply, reply to all, or forward the message `:id`. */
export const emailReplyRequestSchema = z
  .object({
    mode: z.enum(['reply', 'replyAll', 'forward']),
    /** Forward needs at least one; reply and reply-all add these to the computed recipients. */
    to: z.array(outboundAddressSchema).max(50).default([]),
    cc: z.array(outboundAddressSchema).max(50).default([]),
    bcc: z.array(outboundAddressSchema).max(50).default([]),
    /** Subject override; by default "Re: …" or "Fwd: …" of the original. */
    subject: z
      .string()
      .max(998)
      .regex(/^[^\r\n]*$/, 'one line')
      .optional(),
    text: z.string().max(1_000_000),
    /** Optional HTML body written by the composer; sanitised before it is sent. */
    html: z.string().max(2_000_000).optional(),
    /** Quote the original below the answer (reply) or include it (forward). */
    quote: z.boolean().default(true),
    attachments: z.array(outboundAttachmentSchema).max(20).default([]),
    /** Forward only: send the original's attachments along. */
    includeOriginalAttachments: z.boolean().default(true),
  })
  .strict();
export type EmailReplyRequest = z.input<typeof emailReplyRequestSchema>;

/** The reply to a send: the stored outbound message (status sent, or failed with the reason). */
export const emailReplyResponseSchema = z.object({ message: emailMessageSchema });

/** Seat frame: a new e-mail arrived in a thread this agent owns. */
export const emailReceivedFrameSchema = z.object({
  type: z.literal('email.received'),
  interactionId: z.string(),
  threadId: z.string(),
  message: emailMessageSummarySchema,
});
export type EmailReceivedFrame = z.infer<typeof emailReceivedFrameSchema>;
