import { z } from 'zod';
import { agentStateSchema, channelSchema } from '@contract/agent';
import { parseOrThrow } from '@contract/errors';

// The statistics module's own input: plain serialisable records, independent of the routing engine.
// The integration layer derives them from the engine's decisions and the persisted event log and
// feeds them in `at` order per tenant. Every record belongs to one tenant; ids are scoped by it.

const id = z.string().min(1).max(128);
const base = { at: z.number().int().nonnegative(), tenantId: id };

/** A customer's interaction entered a queue (first arrival, or back in the queue after a transfer). */
export const interactionQueuedSchema = z
  .object({
    ...base,
    type: z.literal('interaction.queued'),
    interactionId: id,
    queueId: id,
    channel: channelSchema,
  })
  .strict();

/** The router offered a queued interaction to an agent (it rings); it is still waiting in the queue. */
export const interactionOfferedSchema = z
  .object({ ...base, type: z.literal('interaction.offered'), interactionId: id, queueId: id, agentId: id })
  .strict();

/** An agent accepted the interaction: its wait in the queue ends here. */
export const interactionAnsweredSchema = z
  .object({ ...base, type: z.literal('interaction.answered'), interactionId: id, queueId: id, agentId: id })
  .strict();

/** The customer hung up or cancelled while still waiting in the queue. */
export const interactionAbandonedSchema = z
  .object({ ...base, type: z.literal('interaction.abandoned'), interactionId: id, queueId: id })
  .strict();

/** The interaction left a queue by overflow: to another queue, or out of the system when toQueueId is null. */
export const interactionOverflowedSchema = z
  .object({
    ...base,
    type: z.literal('interaction.overflowed'),
    interactionId: id,
    fromQueueId: id,
    toQueueId: id.nullable(),
  })
  .strict();

/**
 * The conversation ended. With `wrapup: true` the agent goes on to after-call work and the handling
 * ends at `interaction.wrapupEnded`; otherwise the handling ends here.
 */
export const interactionEndedSchema = z
  .object({
    ...base,
    type: z.literal('interaction.ended'),
    interactionId: id,
    queueId: id,
    agentId: id,
    wrapup: z.boolean().default(false),
  })
  .strict();

/** The agent finished after-call work on the interaction. */
export const interactionWrapupEndedSchema = z
  .object({ ...base, type: z.literal('interaction.wrapupEnded'), interactionId: id, agentId: id })
  .strict();

/** An agent's state changed (reason is the not_ready reason code, else null). */
export const agentStateEventSchema = z
  .object({
    ...base,
    type: z.literal('agent.state'),
    agentId: id,
    state: agentStateSchema,
    reason: z.string().min(1).max(32).nullable().default(null),
  })
  .strict();

/** A queue's display name and service-level threshold (seconds), sent on start and on every change. */
export const queueConfiguredSchema = z
  .object({
    ...base,
    type: z.literal('queue.configured'),
    queueId: id,
    name: z.string().min(1).max(200),
    serviceLevelSeconds: z.number().int().min(0).max(86_400),
  })
  .strict();

/** The full set of agents who serve a queue (replaces the previous set). */
export const queueMembersSchema = z
  .object({
    ...base,
    type: z.literal('queue.members'),
    queueId: id,
    agentIds: z.array(id).max(10_000),
  })
  .strict();

/** Every record the statistics aggregator accepts. */
export const statsEventSchema = z.discriminatedUnion('type', [
  interactionQueuedSchema,
  interactionOfferedSchema,
  interactionAnsweredSchema,
  interactionAbandonedSchema,
  interactionOverflowedSchema,
  interactionEndedSchema,
  interactionWrapupEndedSchema,
  agentStateEventSchema,
  queueConfiguredSchema,
  queueMembersSchema,
]);

/** One statistics input record (output type: defaults applied). */
export type StatsEvent = z.output<typeof statsEventSchema>;
/** One statistics input record as a producer may write it (optional fields with defaults may be left out). */
export type StatsEventInput = z.input<typeof statsEventSchema>;
/** The `type` values of StatsEvent. */
export type StatsEventType = StatsEvent['type'];

/** Validates an unknown record, throwing SeatError VALIDATION_FAILED with every problem found. */
export function parseStatsEvent(input: unknown): StatsEvent {
  return parseOrThrow(statsEventSchema, input);
}
