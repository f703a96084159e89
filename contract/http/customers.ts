import { z } from 'zod';

export const customerTiers = ['vip', 'gold', 'normal'] as const;
export const contactPointKinds = ['phone', 'email', 'social', 'chat'] as const;

/** A way to reach a customer; also how an arriving contact is matched to them. */
export const contactPointSchema = z.object({
  id: z.string(),
  kind: z.enum(contactPointKinds),
  value: z.string(),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;

/** The customer at a glance (GET /api/customers/:id and the search results). */
export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.enum(customerTiers),
  accountManager: z.object({ agentId: z.string(), displayName: z.string() }).nullable(),
  blacklist: z.enum(['none', 'proposed', 'confirmed']),
  consent: z.object({ marketing: z.boolean(), recording: z.boolean() }),
  notes: z.string(),
  contactPoints: z.array(contactPointSchema),
});
export type Customer = z.infer<typeof customerSchema>;

/** GET /api/customers query: `q` matches the name or any contact point. */
export const customerSearchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(100),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type CustomerSearchQuery = z.input<typeof customerSearchQuerySchema>;

/** GET /api/customers reply. */
export const customerSearchResponseSchema = z.object({ customers: z.array(customerSchema) });
export type CustomerSearchResponse = z.infer<typeof customerSearchResponseSchema>;

/** GET /api/customers/:id path parameters. */
export const customerParamsSchema = z.object({ id: z.string().min(1).max(64) }).strict();

/** GET /api/customers/:id reply. */
export const customerResponseSchema = z.object({ customer: customerSchema });
export type CustomerResponse = z.infer<typeof customerResponseSchema>;
