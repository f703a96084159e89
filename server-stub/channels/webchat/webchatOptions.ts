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
    /** Customer typing signals per chat (the widget sends one when typing starts and one when it stops). */
    typingBurst: z.number().int().min(1).max(100_000).default(10),
    typingPerSecond: z.number().positive().max(100_000).default(2),
    /** Agent typing signals per chat (the seat sends one when typing starts and one after 3 s idle). */
    agentTypingBurst: z.number().int().min(1).max(100_000).default(10),
    agentTypingPerSecond: z.number().positive().max(100_000).default(2),
    /** Join attempts per chat: each refused one alerts the seat, so a guessing page is slowed down. */
    joinBurst: z.number().int().min(1).max(100_000).default(5),
    joinPerSecond: z.number().positive().max(100_000).default(0.2),
    /** Attachment uploads per chat and uploader (customer, or each agent). */
    uploadBurst: z.number().int().min(1).max(100_000).default(5),
    uploadPerSecond: z.number().positive().max(100_000).default(0.1),
    /** Customer uploads per client address per minute, across all its chats. */
    uploadsPerMinute: z.number().int().min(1).max(100_000).default(20),
    /** Files and bytes one chat may hold, so a chat cannot fill the database. */
    maxAttachmentsPerChat: z.number().int().min(1).max(100_000).default(20),
    maxAttachmentBytesPerChat: z
      .number()
      .int()
      .min(1)
      .max(2 ** 40)
      .default(50 * 1024 * 1024),
    /** How often waiting pages get their queue position and estimated wait. */
    queueUpdateMs: z.number().int().min(100).max(60_000).default(2_000),
    heartbeatMs: z.number().int().min(1_000).max(600_000).default(30_000),
  })
  .strict();
export type WebchatOptions = z.input<typeof webchatOptionsSchema>;
