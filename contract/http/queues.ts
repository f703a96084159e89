import { z } from 'zod';
import { channelSchema } from '../agent';

/** A skill a queue requires, with the lowest proficiency (1–10) that qualifies. */
export const requiredSkillSchema = z.object({
  skill: z.string(),
  minProficiency: z.number().int().min(1).max(10),
});

/** One queue as the seat lists it (GET /api/queues). */
export const queueSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  serviceLevelSeconds: z.number().int().positive(),
  channels: z.array(channelSchema),
  priority: z.number().int(),
  requiredSkills: z.array(requiredSkillSchema),
});
export type QueueSummary = z.infer<typeof queueSummarySchema>;

/** GET /api/queues reply. */
export const queueListResponseSchema = z.object({ queues: z.array(queueSummarySchema) });
export type QueueListResponse = z.infer<typeof queueListResponseSchema>;

/** A not-ready reason the tenant offers (GET /api/reason-codes). */
export const reasonCodeSchema = z.object({ code: z.string(), label: z.string() });
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/** GET /api/reason-codes reply. */
export const reasonCodeListResponseSchema = z.object({ reasonCodes: z.array(reasonCodeSchema) });
export type ReasonCodeListResponse = z.infer<typeof reasonCodeListResponseSchema>;
