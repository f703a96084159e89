import { z } from 'zod';

// Canned responses: short texts an agent inserts into a reply. Tenant-wide ones are written by team
// leads and admins; personal ones by their owner only. Placeholders such as {{customer.name}} are
// filled in by the seat when the text is inserted.

/** Who sees a canned response: everyone in the tenant, or only the user who wrote it. */
export const cannedScopeSchema = z.enum(['tenant', 'personal']);
export type CannedScope = z.infer<typeof cannedScopeSchema>;

/** One canned response as the seat lists it. */
export const cannedResponseSchema = z.object({
  id: z.string(),
  scope: cannedScopeSchema,
  title: z.string(),
  body: z.string(),
  /** What an agent types after "/" to find it quickly, e.g. "greet". */
  shortcut: z.string().nullable(),
  /** BCP 47 tag of the text's language (en, zh-CN); null when it fits any. */
  language: z.string().nullable(),
  updatedAt: z.string().datetime(),
});
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

/** Body of POST (create) and PUT (replace) of a canned response. */
export const cannedResponseInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(/^[^\r\n]*$/, 'one line'),
    body: z.string().min(1).max(10_000),
    shortcut: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[\p{L}\p{N}_-]{1,32}$/u, 'letters, digits, - or _, at most 32')
      .nullable()
      .default(null),
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as en or zh-CN')
      .nullable()
      .default(null),
  })
  .strict();
export type CannedResponseInput = z.input<typeof cannedResponseInputSchema>;

/** GET /api/canned reply: the tenant-wide responses and the caller's own, tenant-wide first. */
export const cannedListResponseSchema = z.object({ responses: z.array(cannedResponseSchema) });

/** Reply of a create or replace: the stored response. */
export const cannedSavedResponseSchema = z.object({ response: cannedResponseSchema });
