import { z } from 'zod';
import { channelSchema } from './agent';

// Wire schemas of the routing HTTP API (/api/interactions, /api/queues/:id/stats, /api/blacklist…)
// and of the interaction records pushed to seats. Server and seat validate the same shapes.

/**
 * Interaction states from the design (section 4), plus the two ways work leaves without an agent:
 * `released` (overflow or blacklist, with a message to the customer) and `callback` (a callback request).
 */
export const interactionStates = [
  'queued',
  'offered',
  'active',
  'held',
  'wrapup',
  'ended',
  'abandoned',
  'overflowed',
  'released',
  'callback',
] as const;
export const interactionStateSchema = z.enum(interactionStates);
export type InteractionState = z.infer<typeof interactionStateSchema>;

/** Ids that name tenants, queues, agents, customers, skills: short and printable. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'use letters, digits and . _ : -');

/** An idempotency key chosen by the caller (channel adapter): the same key returns the same interaction. */
export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII, no spaces');

/** Attached data travels with the interaction (IVR trail, context, consent); bounded so it stays cheap. */
export const attachedDataSchema = z
  .record(z.string().max(64), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 16 * 1024, 'attached data is larger than 16 KiB');
export type AttachedData = z.infer<typeof attachedDataSchema>;

/** POST /api/interactions body: what a channel adapter knows when work arrives. */
export const createInteractionRequestSchema = z
  .object({
    channel: channelSchema,
    queueId: idSchema,
    customerId: idSchema.optional(),
    /** Named priority boosts the queue configures (e.g. long_distance), on top of the customer's tier. */
    boosts: z.array(idSchema).max(20).optional(),
    preferredAgentId: idSchema.optional(),
    attached: attachedDataSchema.default({}),
    /** Alternative to the Idempotency-Key header (the header wins when both are given and differ: rejected). */
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .strict();
export type CreateInteractionRequest = z.input<typeof createInteractionRequestSchema>;

/** One interaction as the API and the seats see it. */
export const interactionSchema = z.object({
  id: z.string(),
  channel: channelSchema,
  queueId: z.string(),
  customerId: z.string().nullable(),
  state: interactionStateSchema,
  /** The agent offered or owning the interaction, else null. */
  agentId: z.string().nullable(),
  attached: z.record(z.string(), z.unknown()),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  /** Estimated wait in seconds while queued, else null. */
  estimatedWaitSeconds: z.number().nonnegative().nullable(),
  /** 1-based position in its queue while queued, else null. */
  position: z.number().int().positive().nullable(),
  disposition: z.string().nullable(),
  /** Why it left without an agent (overflow to release or callback, blacklist), else null. */
  releaseReason: z.string().nullable(),
  /**
   * Routing priority: the head start in seconds its queue's priority classes gave it on arrival (VIP,
   * customer tier, named boosts); higher goes first, and waiting ages everyone alike. Null if unknown.
   */
  priority: z.number().nonnegative().nullable(),
  /** When it passes its queue's service-level threshold (arrival plus the threshold), else null. */
  slaDueAt: z.string().datetime().nullable(),
});
export type Interaction = z.infer<typeof interactionSchema>;

/** POST /api/interactions reply (201 when created, 200 with the original on a retry). */
export const createInteractionResponseSchema = z.object({
  interaction: interactionSchema,
  created: z.boolean(),
});
export type CreateInteractionResponse = z.infer<typeof createInteractionResponseSchema>;

/** Where a transfer sends the interaction. */
export const transferTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queueId: idSchema }).strict(),
  z.object({ kind: z.literal('agent'), agentId: idSchema }).strict(),
]);
export type TransferTarget = z.infer<typeof transferTargetSchema>;

/** POST /api/interactions/:id/transfer body; the attached data travels unchanged. */
export const transferRequestSchema = z.object({ to: transferTargetSchema }).strict();
export type TransferRequest = z.infer<typeof transferRequestSchema>;

/** A disposition code ending wrap-up (e.g. resolved, callback, escalated). */
export const dispositionSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9_-]+$/, 'lower-case code');

/** POST /api/interactions/:id/wrapup body. */
export const wrapupRequestSchema = z.object({ disposition: dispositionSchema }).strict();

/** POST /api/interactions/:id/reject body. */
export const rejectRequestSchema = z.object({ reason: z.string().min(1).max(64).optional() }).strict();

/** Empty bodies of accept/end/cancel: a strict empty object, so stray fields are refused. */
export const emptyRequestSchema = z.object({}).strict();

/** PUT /api/agents/:id/state body (a lead forcing a state, or the agent itself). */
export const setAgentStateRequestSchema = z
  .object({
    state: z.enum(['ready', 'not_ready', 'logged_out']),
    reason: z.string().min(1).max(32).optional(),
  })
  .strict();
export type SetAgentStateRequest = z.infer<typeof setAgentStateRequestSchema>;

/** GET /api/queues/:id/live reply: the queue as it stands, with the estimated wait of a new arrival. */
export const queueLiveSchema = z.object({
  queueId: z.string(),
  waiting: z.number().int().nonnegative(),
  /** Agents logged in who serve the queue, and of those how many could take work now. */
  staffed: z.number().int().nonnegative(),
  available: z.number().int().nonnegative(),
  longestWaitSeconds: z.number().nonnegative(),
  /** Null when nobody staffs the queue. */
  estimatedWaitSeconds: z.number().nonnegative().nullable(),
  averageHandleSeconds: z.number().nonnegative(),
});
export type QueueLive = z.infer<typeof queueLiveSchema>;

/** Blacklist categories: each limits reaching a person in its own way. */
export const blacklistCategorySchema = z.enum(['abusive', 'fraud', 'nuisance', 'harassment']);
export type BlacklistCategory = z.infer<typeof blacklistCategorySchema>;

/** POST /api/blacklist body: an agent proposes flagging a customer. */
export const blacklistProposalRequestSchema = z
  .object({ customerId: idSchema, category: blacklistCategorySchema, reason: z.string().min(3).max(500) })
  .strict();
export type BlacklistProposalRequest = z.infer<typeof blacklistProposalRequestSchema>;

/** Limits of a confirmed entry: reachable only in these hours (local, [from, to)) and this many times a day. */
export const blacklistLimitsSchema = z
  .object({
    allowedHours: z
      .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
      .strict()
      .refine((h) => h.from < h.to, 'from must be before to')
      .optional(),
    maxPerDay: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type BlacklistLimits = z.infer<typeof blacklistLimitsSchema>;

/** POST /api/blacklist/:id/decision body: a team lead confirms (with limits) or rejects. */
export const blacklistDecisionRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm'), limits: blacklistLimitsSchema.optional() }).strict(),
  z.object({ decision: z.literal('reject'), note: z.string().max(500).optional() }).strict(),
]);
export type BlacklistDecisionRequest = z.infer<typeof blacklistDecisionRequestSchema>;

/** One blacklist entry with who proposed and who decided, and when. */
export const blacklistEntrySchema = z.object({
  id: z.string(),
  customerId: z.string(),
  category: blacklistCategorySchema,
  reason: z.string(),
  status: z.enum(['proposed', 'confirmed', 'rejected']),
  proposedBy: z.string(),
  proposedAt: z.string().datetime(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().datetime().nullable(),
  limits: blacklistLimitsSchema.nullable(),
});
export type BlacklistEntry = z.infer<typeof blacklistEntrySchema>;
