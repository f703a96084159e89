import type { Channel } from '../../contract/agent';
import type { Priority } from './events';

/** Who must hear about a decision: the agents' seats, the tenant's wallboards, the waiting customer. */
export interface Audience {
  agents: string[];
  wallboards: boolean;
  customer: boolean;
}

/** Derived agent state shown on the seat and wallboards. */
export type AgentStateName = 'logged_out' | 'ready' | 'not_ready' | 'reserved' | 'busy' | 'wrapup';

/** Live and terminal states of an interaction. */
export type InteractionStateName = 'queued' | 'offered' | 'active' | 'wrapup' | TerminalState;
export type TerminalState = 'ended' | 'abandoned' | 'released' | 'callback';

interface Base {
  /** When it happened (epoch ms), and who caused it: an agent id, 'customer', 'system' or a supervisor id. */
  at: number;
  by: string;
  audience: Audience;
}

/** One thing the server must do or tell someone, produced by the engine in order. */
export type Decision =
  | (Base & { type: 'agent_state'; agentId: string; state: AgentStateName; reason: string | null })
  | (Base & {
      type: 'interaction_state';
      interactionId: string;
      state: InteractionStateName;
      queueId: string;
      agentId: string | null;
      disposition: string | null;
    })
  | (Base & {
      type: 'offer';
      offerId: string;
      interactionId: string;
      agentId: string;
      queueId: string;
      channel: Channel;
      customerId: string | null;
      priority: Priority;
      expiresAt: number;
      data: Record<string, unknown>;
    })
  | (Base & {
      type: 'offer_withdrawn';
      offerId: string;
      interactionId: string;
      agentId: string;
      reason: 'timeout' | 'rejected' | 'cancelled';
    })
  | (Base & {
      type: 'overflow';
      interactionId: string;
      fromQueueId: string;
      reason: 'max_wait' | 'max_length';
      target: 'queue' | 'callback' | 'release';
      toQueueId: string | null;
    })
  | (Base & {
      type: 'release';
      interactionId: string;
      queueId: string;
      reason: ReleaseReason;
      message: string;
    })
  | (Base & {
      type: 'callback_request';
      interactionId: string;
      queueId: string;
      customerId: string | null;
      channel: Channel;
      data: Record<string, unknown>;
    })
  | (Base & {
      type: 'announce_wait';
      interactionId: string;
      queueId: string;
      position: number;
      ewtSeconds: number;
    });

export type ReleaseReason = 'overflow' | 'overflow_loop' | 'blacklist_hours' | 'blacklist_count';
export type DecisionType = Decision['type'];

/** Audience of a decision that concerns one agent (or none) and the wallboards. */
export const toAgents = (agent: string | null): Audience => ({
  agents: agent === null ? [] : [agent],
  wallboards: true,
  customer: false,
});
/** Audience of a message for the waiting customer only (e.g. an announcement). */
export const toCustomer = (): Audience => ({ agents: [], wallboards: false, customer: true });
/** Audience of a decision that concerns the customer and the wallboards but no agent. */
export const toCustomerAndBoards = (): Audience => ({ agents: [], wallboards: true, customer: true });
