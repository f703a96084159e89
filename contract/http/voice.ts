import { z } from 'zod';

/** A queue a customer can call from the web widget: its SIP user part (`sip:<slug>@<tenant>`) and name. */
export const callableQueueSchema = z.object({ slug: z.string(), name: z.string() });
export type CallableQueue = z.infer<typeof callableQueueSchema>;

/** GET /api/voice/queues?tenant=<slug> reply (public: the customer page lists them before calling). */
export const callableQueueListResponseSchema = z.object({ queues: z.array(callableQueueSchema) });
export type CallableQueueListResponse = z.infer<typeof callableQueueListResponseSchema>;

/** GET /api/voice/queues query. */
export const callableQueueQuerySchema = z
  .object({
    tenant: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9-]*$/),
  })
  .strict();
