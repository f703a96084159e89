import { SeatError } from '@contract/errors';
import type { Interaction, TransferTarget } from '@contract/routing';
import type { SipConnection } from '../connection';
import type { ParsedMessage } from '../message/parse';
import type { SipHeader, SipRequest, SipResponse } from '../message/sipMessage';
import type { Leg } from './leg';

// The shapes the call manager and the transfers share: a call with its two legs, why it ended,
// what routing commands it uses, and the small helpers both answer with.

export type Request = ParsedMessage & SipRequest;
export type Response = ParsedMessage & SipResponse;

/** The routing commands calls use (the InteractionService). */
export interface CallRouting {
  create(
    tenantId: string,
    request: { channel: 'voice'; queueId: string; customerId?: string; attached: Record<string, unknown> },
    idempotencyKey: string,
  ): { interaction: Interaction; created: boolean };
  get(tenantId: string, interactionId: string): Interaction;
  accept(tenantId: string, interactionId: string, agentId: string): Interaction;
  reject(tenantId: string, interactionId: string, agentId: string): Interaction;
  end(tenantId: string, interactionId: string, by: string): Interaction;
  cancel(tenantId: string, interactionId: string, by: string): Interaction;
  transfer(
    tenantId: string,
    interactionId: string,
    agentId: string,
    to: TransferTarget,
    options?: { consulted?: boolean; callId?: string },
  ): Interaction;
  /** A call the agent is on outside any interaction starts or ends: the router counts the agent busy meanwhile. */
  agentCall(tenantId: string, agentId: string, callId: string, phase: 'start' | 'end'): void;
}

export interface AgentLeg {
  /** The agent on this leg; null when it is the outbound trunk. */
  agentId: string | null;
  leg: Leg;
  invite: SipRequest;
  inviteBranch: string;
  inviteCseq: number;
  state: 'calling' | 'confirmed' | 'cancelled';
}

export interface Relay {
  /** The side that sent the in-dialog request, and the request to answer. */
  from: 'caller' | 'agent';
  request: Request;
  /** Set when the far side's 2xx must wait for the origin's ACK (which carries the SDP answer). */
  ackFar: { cseq: number } | null;
}

/** Why a call ended, as its record says. */
export type EndReason =
  | 'caller_hangup'
  | 'agent_hangup'
  | 'far_end_hangup'
  | 'cancelled'
  | 'rejected'
  | 'released'
  | 'ended_by_router'
  | 'transferred'
  | 'connection_lost'
  | 'failed';

/** An agent placing a call from their softphone. */
export interface DialingAgent {
  agentId: string;
  username: string;
}

/** Where a direct call goes: a colleague's registered softphone or the trunk. */
export interface FarEnd {
  connection: SipConnection;
  /** Request-URI of the INVITE (the binding's Contact, or the number at the trunk's domain). */
  target: string;
  /** To of the INVITE. */
  remoteUri: string;
  /** The colleague's agent id; null for the trunk. */
  agentId: string | null;
}

export interface Call {
  /** Id of the call's record. */
  id: string;
  tenantId: string;
  /** The routed interaction; null for a direct call. */
  interactionId: string | null;
  direction: 'inbound' | 'outbound' | 'internal';
  callerAgentId: string | null;
  customerId: string | null;
  invite: Request;
  inviteBranch: string;
  caller: Leg;
  callerAnswered: boolean;
  callerSdp: string;
  agent: AgentLeg | null;
  /** After a transfer the caller's dialog is up: the next agent gets an offerless INVITE (RFC 3725). */
  lateOffer: boolean;
  relay: Relay | null;
  /** True while the edge itself re-negotiates media between the caller and a new agent. */
  reconnecting: boolean;
  ended: boolean;
  /** Agents the router counts as on this call as a call of their own (id `id`), ended when the call is. */
  ownCalls: string[];
}

export type Side = 'caller' | 'agent';

/** Headers that say why a call cannot go where it was dialled (RFC 3261 20.43, RFC 3326). */
export const refusal = (host: string, text: string): SipHeader[] => [
  { name: 'Warning', value: `399 ${host} "${text.replace(/["\\]/g, '')}"` },
];

/** The SIP status that answers a refused routing command. */
export const statusOfError = (error: unknown): number => {
  if (error instanceof SeatError) {
    if (error.status === 404) return 404;
    if (error.status === 409) return 486;
    if (error.status === 400) return 400;
    if (error.status === 503) return 503;
  }
  return 500;
};

/** Methods the edge accepts, for Allow headers. */
export const allowed = 'INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, UPDATE, INFO, REFER, NOTIFY';

/** A From/To value with its tag parameter removed. */
export function headerValueWithoutTag(value: string): string {
  return value.replace(/;\s*tag\s*=\s*[^;]*/i, '');
}
