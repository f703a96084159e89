import { z } from 'zod';

/** Limits of the web chat; the defaults suit people typing, the benchmark raises them. */
export const webchatOptionsSchema = z
  .object({
    /** Customer messages per chat: burst and refill per second. */
    customerBurst: z.number().int().min(1).max(100_000).default(8),
    customerPerSecond: z.number().positive().max(100_000).default(2),
    /** Agent messages per chat. */
    agentBurst: z.number().int().min(1).max(100_000).default(20),
    agentPerSecond: z.number().positive().max(100_000).default(5),
    /** New chats per client address per minute. */
    startsPerMinute: z.number().int().min(1).max(100_000).default(10),
    /** How often waiting pages get their queue position and estimated wait. */
    queueUpdateMs: z.number().int().min(100).max(60_000).default(2_000),
    heartbeatMs: z.number().int().min(1_000).max(600_000).default(30_000),
  })
  .strict();
export type WebchatOptions = z.input<typeof webchatOptionsSchema>;
