import { z } from 'zod';

/** Who started a call: a customer into the centre, an agent out through the trunk, or agent to agent/queue. */
export const callDirections = ['inbound', 'outbound', 'internal'] as const;
export const callDirectionSchema = z.enum(callDirections);

/** One call through the SIP edge as a contact record (GET /api/calls; a voice entry of a customer's contacts). */
export const callRecordSchema = z.object({
  id: z.string(),
  interactionId: z.string().nullable(),
  direction: callDirectionSchema,
  /** The calling party's SIP URI (or number) and the dialled one. */
  from: z.string(),
  to: z.string(),
  customerId: z.string().nullable(),
  /** The agent who placed the call, for outbound and internal calls. */
  callerAgentId: z.string().nullable(),
  /** Every agent who was connected to the call, in order (a transfer adds one). */
  agentIds: z.array(z.string()),
  queueId: z.string().nullable(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Why it ended: caller_hangup, agent_hangup, cancelled, rejected, released, transferred, failed… */
  endReason: z.string().nullable(),
  /** The wrap-up disposition of the call's interaction, once the agent gave one. */
  disposition: z.string().nullable(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

const isoTime = z.iso.datetime({ offset: true });

/** GET /api/calls query (leads and admins): filters combine; newest first. */
export const callListQuerySchema = z
  .object({
    customerId: z.string().min(1).max(64).optional(),
    agentId: z.string().min(1).max(64).optional(),
    queueId: z.string().min(1).max(64).optional(),
    interactionId: z.string().min(1).max(64).optional(),
    direction: callDirectionSchema.optional(),
    /** Calls started at or after this instant. */
    since: isoTime.optional(),
    /** Calls started before this instant. */
    until: isoTime.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type CallListQuery = z.infer<typeof callListQuerySchema>;

/** GET /api/calls reply. */
export const callListResponseSchema = z.object({ calls: z.array(callRecordSchema) });
export type CallListResponse = z.infer<typeof callListResponseSchema>;
