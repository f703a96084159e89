import { z } from 'zod';

/** GET /healthz reply: the process answers and its database does too. */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  db: z.literal('ok'),
  time: z.string().datetime(),
  uptimeSeconds: z.number().nonnegative(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
