import { z } from 'zod';
import { channelSchema } from '../../contract/agent';

// Every input of the routing engine is one of these plain records. The server validates at its edge
// with the same schemas, logs the event, then hands it to the engine; replaying the log rebuilds state.

const maxSeconds = 7 * 24 * 3600;
const id = z.string().min(1).max(128);
const at = z.number().int().nonnegative().max(8.64e15);
const seconds = z.number().finite().nonnegative().max(maxSeconds);
const by = id.optional();

/** One skill requirement of a queue ring: the agent needs `skillId` at `minProficiency` or better. */
export const skillRequirementSchema = z
  .object({ skillId: id, minProficiency: z.number().int().min(1).max(10) })
  .strict();

/** A bullseye ring: after `afterSeconds` of waiting, these requirements apply (ring 0 starts at 0 s). */
export const ringSchema = z
  .object({ afterSeconds: seconds, skills: z.array(skillRequirementSchema).max(50) })
  .strict();

/** Where an interaction goes when its queue overflows. */
export const overflowTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queueId: id, raisePrioritySeconds: seconds.default(0) }).strict(),
  z.object({ kind: z.literal('callback') }).strict(),
  z.object({ kind: z.literal('release'), message: z.string().min(1).max(500) }).strict(),
]);
export type OverflowTarget = z.infer<typeof overflowTargetSchema>;

export const strategies = ['longest_idle', 'most_skilled', 'least_occupied', 'round_robin'] as const;
export type Strategy = (typeof strategies)[number];

/** How a queue ranks, offers, overflows, wraps up and announces; every field has a sensible default. */
export const queueConfigSchema = z
  .object({
    queueId: id,
    rings: z
      .array(ringSchema)
      .min(1)
      .max(10)
      .default([{ afterSeconds: 0, skills: [] }]),
    strategy: z.enum(strategies).default('longest_idle'),
    priority: z
      .object({
        vipSeconds: seconds.default(3600),
        tierSeconds: z.record(id, seconds).default({ gold: 600, silver: 300 }),
        boostSeconds: z.record(id, seconds).default({}),
      })
      .strict()
      .default({ vipSeconds: 3600, tierSeconds: { gold: 600, silver: 300 }, boostSeconds: {} }),
    preferredAgentSeconds: seconds.default(20),
    offerTimeoutSeconds: z.number().finite().min(1).max(3600).default(20),
    wrapupSeconds: seconds.default(60),
    dispositions: z.array(id).max(200).default([]),
    timeoutDisposition: id.default('timeout'),
    overflow: z
      .object({
        maxWaitSeconds: z.number().finite().min(1).max(maxSeconds).nullable().default(null),
        maxLength: z.number().int().min(0).max(1_000_000).nullable().default(null),
        target: overflowTargetSchema,
      })
      .strict()
      .nullable()
      .default(null),
    defaultHandleSeconds: z.number().finite().min(1).max(maxSeconds).default(180),
    announce: z
      .object({
        thresholdSeconds: seconds.default(30),
        minChangeSeconds: seconds.default(30),
        intervalSeconds: z.number().finite().min(1).max(3600).default(30),
      })
      .strict()
      .nullable()
      .default({ thresholdSeconds: 30, minChangeSeconds: 30, intervalSeconds: 30 }),
  })
  .strict();
export type QueueConfig = z.infer<typeof queueConfigSchema>;
export type QueueConfigInput = z.input<typeof queueConfigSchema>;

/** Per-channel limits; a missing channel falls back to the team, then to the defaults. */
export const capacitySchema = z.partialRecord(channelSchema, z.number().int().min(0).max(100));
export type Capacity = z.infer<typeof capacitySchema>;

export const agentConfigSchema = z
  .object({
    agentId: id,
    teamId: id.nullable().default(null),
    skills: z.record(id, z.number().int().min(1).max(10)).default({}),
    capacity: capacitySchema.default({}),
  })
  .strict();
export type AgentConfig = z.infer<typeof agentConfigSchema>;

/** Customer priority as the channel adapter or CRM knows it. */
export const prioritySchema = z
  .object({
    vip: z.boolean().default(false),
    tier: id.nullable().default(null),
    boosts: z.array(id).max(20).default([]),
  })
  .strict();
export type Priority = z.infer<typeof prioritySchema>;

/** Hours of day (local to the tenant) in which a blacklisted customer may reach a person: [from, to). */
export const hourRangeSchema = z
  .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
  .strict();

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), at, ...shape }).strict();

export const routerEventSchema = z.discriminatedUnion('type', [
  ev('skill_upsert', { skillId: id }),
  ev('reason_codes_set', { codes: z.array(id).max(100) }),
  ev('team_upsert', { teamId: id, capacity: capacitySchema }),
  ev('queue_upsert', { queue: queueConfigSchema }),
  ev('agent_upsert', { agent: agentConfigSchema }),
  ev('blacklist_set', {
    customerId: id,
    category: id,
    allowedHours: z.array(hourRangeSchema).max(24).nullable().default(null),
    maxPerDay: z.number().int().min(0).max(10_000).nullable().default(null),
    message: z.string().min(1).max(500).nullable().default(null),
  }),
  ev('blacklist_clear', { customerId: id, category: id }),
  ev('agent_state', {
    agentId: id,
    state: z.enum(['ready', 'not_ready', 'logged_out']),
    reason: id.nullable().default(null),
    by,
  }),
  ev('arrive', {
    interactionId: id,
    idempotencyKey: id.nullable().default(null),
    queueId: id,
    channel: channelSchema,
    customerId: id.nullable().default(null),
    priority: prioritySchema.default({ vip: false, tier: null, boosts: [] }),
    preferredAgentId: id.nullable().default(null),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  ev('accept', { interactionId: id, agentId: id, offerId: id.nullable().default(null) }),
  ev('reject', { interactionId: id, agentId: id, offerId: id.nullable().default(null) }),
  ev('end', { interactionId: id, by }),
  ev('wrapup_done', { interactionId: id, agentId: id, disposition: id }),
  ev('cancel', { interactionId: id, by }),
  ev('transfer', {
    interactionId: id,
    agentId: id,
    to: z.union([z.object({ queueId: id }).strict(), z.object({ agentId: id }).strict()]),
    // The target colleague is already on a consultation call with the holder (an attended transfer
    // the SIP edge verified): their ready/not-ready state does not matter, only that they are signed
    // in with room. Seats cannot set it; only the edge, which saw both dialogs, does.
    consulted: z.boolean().default(false),
    // With `consulted`: the consultation call the target is on, as its `agent_call_start` named it.
    // It becomes this interaction's call, so it stops counting as the target's own call.
    callId: id.nullable().default(null),
  }),
  // A call the agent is on outside any interaction (placed from the softphone to a colleague or a
  // number, or a colleague's call answered): the agent counts as busy on voice until it ends.
  ev('agent_call_start', { agentId: id, callId: id }),
  ev('agent_call_end', { agentId: id, callId: id }),
  ev('tick', {}),
]);

/** One input of the engine, after validation (defaults filled in). */
export type RouterEvent = z.infer<typeof routerEventSchema>;
/** One input of the engine as a caller may write it (defaults optional). */
export type RouterEventInput = z.input<typeof routerEventSchema>;
export type EventOf<T extends RouterEvent['type']> = Extract<RouterEvent, { type: T }>;

/** Settings of one engine instance, fixed for its life (not events: the server passes the same on restart). */
export const routerConfigSchema = z
  .object({
    /** Offset of the tenant's local time from UTC, for blacklist hours and "per day" counts. */
    utcOffsetMinutes: z
      .number()
      .int()
      .min(-14 * 60)
      .max(14 * 60)
      .default(0),
    /** How many closed interactions are remembered to answer duplicates and late calls precisely. */
    rememberClosed: z.number().int().min(0).max(10_000_000).default(100_000),
  })
  .strict();
export type RouterConfig = z.infer<typeof routerConfigSchema>;
