import { z } from 'zod';
import { callRecordSchema } from './calls';

/** Channels a customer's contact history holds today. */
export const contactChannels = ['voice', 'im', 'email'] as const;
export const contactChannelSchema = z.enum(contactChannels);
export type ContactChannel = z.infer<typeof contactChannelSchema>;

/**
 * One touch of a customer on any channel (GET /api/customers/:id/contacts). A call keeps every
 * field of its call record; a chat or an e-mail thread fills the same fields where they mean
 * something and leaves the rest null.
 */
export const contactEntrySchema = callRecordSchema.extend({
  channel: contactChannelSchema,
  /** The record behind the contact: the call record's, the chat's or the e-mail thread's id. */
  id: z.string(),
  /** When the centre first answered: the call connected, or the agent's first chat message or e-mail reply. */
  answeredAt: z.string().nullable(),
  /** The e-mail's subject, or the first line the customer wrote in a chat; null for a call. */
  summary: z.string().nullable(),
  /** The first lines of an e-mail thread's first message; null for other channels. */
  preview: z.string().nullable(),
});
export type ContactEntry = z.infer<typeof contactEntrySchema>;

/** An opaque page position as given back in `nextCursor`. */
export const contactCursorSchema = z
  .string()
  .max(300)
  .regex(/^[A-Za-z0-9_-]+$/);

/** GET /api/customers/:id/contacts query: a page of `limit`, after `cursor` when given. */
export const customerContactsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: contactCursorSchema.optional(),
  })
  .strict();
export type CustomerContactsQuery = z.input<typeof customerContactsQuerySchema>;

/** GET /api/customers/:id/contacts reply: newest first; `nextCursor` asks for the next page, null at the end. */
export const customerContactsResponseSchema = z.object({
  contacts: z.array(contactEntrySchema),
  nextCursor: contactCursorSchema.nullable(),
});
export type CustomerContactsResponse = z.infer<typeof customerContactsResponseSchema>;
