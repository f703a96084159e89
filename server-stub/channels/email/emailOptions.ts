import { z } from 'zod';
import { relaySchema } from './mailboxConfig';

// Server-wide options of the e-mail channel (the per-mailbox settings live in the store).

/** Options of the e-mail channel, nested under `email` in the server options. */
export const emailOptionsSchema = z
  .object({
    /**
     * The inbound SMTP receiver: off (null) unless a port is given, so tests and embedded servers
     * open no mail port by surprise. The CLI turns it on with SEAT_SMTP_PORT (0 picks a free port).
     */
    smtp: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535),
        /** Name announced in the greeting. */
        hostname: z.string().min(1).max(253).default('seat.localhost'),
      })
      .strict()
      .nullable()
      .default(null),
    /** Largest message accepted (SMTP SIZE; bigger is refused with 552, IMAP ones are left unread). */
    maxMessageBytes: z
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(25 * 1024 * 1024),
    /** Relay for replies of mailboxes that configure none. */
    defaultRelay: relaySchema.nullable().default(null),
    /** Whether mailboxes with IMAP settings are polled (tests poll by hand). */
    imapPolling: z.boolean().default(true),
    /** Largest JSON body of a reply with its base64 attachments. */
    maxReplyBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(60 * 1024 * 1024)
      .default(20 * 1024 * 1024),
  })
  .strict();

/** E-mail options as callers write them. */
export type EmailOptions = z.input<typeof emailOptionsSchema>;
/** E-mail options with defaults filled in. */
export type ResolvedEmailOptions = z.output<typeof emailOptionsSchema>;
