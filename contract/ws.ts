import { z } from 'zod';
import { agentStateSchema } from './agent';
import { userSchema } from './auth';
import { emailReceivedFrameSchema } from './email';
import { errorBodySchema } from './errors';
import { dispositionSchema, interactionSchema, transferTargetSchema } from './routing';
import { wallboardSnapshotSchema } from './wallboard';
import {
  chatAcceptFrameSchema,
  chatBeginFrameSchema,
  chatCustomerLeftFrameSchema,
  chatCustomerTypingFrameSchema,
  chatHistoryFrameSchema,
  chatJoinFrameSchema,
  chatJoinRefusedFrameSchema,
  chatMessageFrameSchema,
  chatReadFrameSchema,
  chatReceiptFrameSchema,
  chatRejectFrameSchema,
  chatSendFrameSchema,
  chatTranscriptFrameSchema,
  chatTypingFrameSchema,
} from './webchat';

// The seat's WebSocket: GET /ws?token=<session token>. Every frame is one JSON object with a `type`;
// each side validates what it receives against the union below and answers an unknown or malformed
// frame with an `error` frame, changing nothing.

/** Largest frame either side accepts, in bytes. */
export const maxFrameBytes = 64 * 1024;

/** The agent's current state as the server holds it. */
export const agentStatusSchema = z.object({
  agentId: z.string(),
  state: agentStateSchema,
  /** Reason code while not_ready (break, lunch, training, meeting, missed…), else null. */
  reason: z.string().nullable(),
  since: z.string().datetime(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** Frames the seat sends. `id` lets the seat match the server's `ack` or `error` to its request. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), id: z.string().max(64) }).strict(),
  z
    .object({
      type: z.literal('agent.setState'),
      id: z.string().max(64),
      state: z.enum(['ready', 'not_ready', 'logged_out']),
      reason: z.string().min(1).max(32).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('interaction.accept'),
      id: z.string().max(64),
      interactionId: z.string().min(1).max(64),
    })
    .strict(),
  z
    .object({
      type: z.literal('interaction.reject'),
      id: z.string().max(64),
      interactionId: z.string().min(1).max(64),
      reason: z.string().min(1).max(64).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('interaction.end'),
      id: z.string().max(64),
      interactionId: z.string().min(1).max(64),
    })
    .strict(),
  z
    .object({
      type: z.literal('interaction.wrapup'),
      id: z.string().max(64),
      interactionId: z.string().min(1).max(64),
      disposition: dispositionSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('interaction.transfer'),
      id: z.string().max(64),
      interactionId: z.string().min(1).max(64),
      to: transferTargetSchema,
    })
    .strict(),
  // Team leads and admins only; an agent gets FORBIDDEN.
  z.object({ type: z.literal('wallboard.subscribe'), id: z.string().max(64) }).strict(),
  z.object({ type: z.literal('wallboard.unsubscribe'), id: z.string().max(64) }).strict(),
  // Web chat (see webchat.ts): answer the customer's join, talk, type, read, fetch the transcript.
  chatAcceptFrameSchema,
  chatRejectFrameSchema,
  chatSendFrameSchema,
  chatTypingFrameSchema,
  chatReadFrameSchema,
  chatHistoryFrameSchema,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * Reason of an `interaction.revoked` a team lead's or admin's seat gets when work leaves what they
 * may see (e.g. queued work offered to another team): it concerns their list, not work on this seat.
 */
export const outOfViewReason = 'out_of_view';

/** Frames the server sends. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), user: userSchema, serverTime: z.string().datetime() }),
  z.object({ type: z.literal('pong'), id: z.string() }),
  z.object({ type: z.literal('ack'), id: z.string() }),
  z.object({ type: z.literal('agent.state'), status: agentStatusSchema }),
  /** Work offered to this agent; accept or reject before `expiresAt`. Sent again on reconnect. */
  z.object({
    type: z.literal('interaction.offer'),
    interaction: interactionSchema,
    expiresAt: z.string().datetime(),
  }),
  /** An interaction this agent owns changed (active, wrap-up, transferred away, ended). Sent again on reconnect. */
  z.object({ type: z.literal('interaction.update'), interaction: interactionSchema }),
  /** An offer to this agent is gone (timed out, cancelled by the customer, taken back), or work left a lead's view (`outOfViewReason`). */
  z.object({ type: z.literal('interaction.revoked'), interactionId: z.string(), reason: z.string() }),
  /** Live figures of the tenant, for wallboard subscribers only. */
  z.object({ type: z.literal('wallboard.snapshot'), snapshot: wallboardSnapshotSchema }),
  /** A customer wrote again in an e-mail thread this agent owns. */
  emailReceivedFrameSchema,
  // Web chat (see webchat.ts): begin-of-service notice, the customer's join, refused-join alert, talk.
  chatBeginFrameSchema,
  chatJoinFrameSchema,
  chatJoinRefusedFrameSchema,
  chatTranscriptFrameSchema,
  chatMessageFrameSchema,
  chatCustomerTypingFrameSchema,
  chatReceiptFrameSchema,
  chatCustomerLeftFrameSchema,
  z.object({ type: z.literal('error'), id: z.string().nullable() }).extend(errorBodySchema.shape),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
