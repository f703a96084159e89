import { z } from 'zod';
import { idSchema } from '@contract/routing';

// A mailbox: the address customers write to, the queue its new threads go to, and optional IMAP
// polling, reply relay and auto-acknowledgement. Checked with these schemas whenever it is written
// or read back, so a bad row fails loudly instead of half-working.

const hostSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address');
const portSchema = z.number().int().min(1).max(65535);

/** An SMTP relay replies are sent through. */
export const relaySchema = z
  .object({
    host: hostSchema,
    port: portSchema,
    /** TLS from the first byte (port 465); otherwise STARTTLS when the relay offers it. */
    secure: z.boolean().default(false),
    /** Refuse to send unless STARTTLS succeeds. */
    requireTls: z.boolean().default(false),
    user: z.string().min(1).max(256).optional(),
    password: z.string().min(1).max(1024).optional(),
  })
  .strict()
  .refine(
    (r) => (r.user === undefined) === (r.password === undefined),
    'give both user and password, or neither',
  );
export type Relay = z.output<typeof relaySchema>;

/** IMAP polling of a mailbox hosted elsewhere. */
export const imapSettingsSchema = z
  .object({
    host: hostSchema,
    port: portSchema,
    secure: z.boolean().default(true),
    user: z.string().min(1).max(256),
    password: z.string().min(1).max(1024),
    folder: z.string().min(1).max(256).default('INBOX'),
    pollIntervalMs: z
      .number()
      .int()
      .min(1000)
      .max(24 * 60 * 60 * 1000)
      .default(60_000),
  })
  .strict();
export type ImapSettings = z.output<typeof imapSettingsSchema>;

/** The automatic "we have your message" answer to the first message of a thread. */
export const autoAcknowledgeSchema = z
  .object({
    subject: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\r\n]*$/, 'one line'),
    /** Plain text; `{subject}` and `{reference}` are replaced. */
    text: z.string().min(1).max(10_000),
  })
  .strict();

/** Settings of one mailbox beyond its address and queue. */
export const mailboxSettingsSchema = z
  .object({
    imap: imapSettingsSchema.nullable().default(null),
    relay: relaySchema.nullable().default(null),
    autoAcknowledge: autoAcknowledgeSchema.nullable().default(null),
  })
  .strict();
export type MailboxSettings = z.output<typeof mailboxSettingsSchema>;

/** A plain, lower-cased address (the mailbox key). */
export const mailboxAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(
    /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/,
    'a plain address such as support@example.com',
  );

/** A mailbox as written by an admin or the seed. */
export const mailboxInputSchema = z
  .object({
    id: idSchema,
    address: mailboxAddressSchema,
    displayName: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[^\r\n"<>]*$/, 'no quotes, angle brackets or line breaks'),
    queueId: idSchema,
    settings: mailboxSettingsSchema.default({ imap: null, relay: null, autoAcknowledge: null }),
  })
  .strict();
export type MailboxInput = z.input<typeof mailboxInputSchema>;

/** A stored mailbox with its tenant. */
export interface Mailbox {
  id: string;
  tenantId: string;
  address: string;
  displayName: string;
  queueId: string;
  settings: MailboxSettings;
}
