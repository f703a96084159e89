import type { Channel } from '../../contract/agent';
import { derivedState, isAvailable } from './agents';
import type { AgentStateName } from './decisions';
import { ewtSeconds, staffedCount } from './ewt';
import type { EngineState } from './state';

/** What a wallboard or an IVR needs about one queue now. */
export interface QueueView {
  queueId: string;
  waiting: number;
  /** Of those, how many are held for a preferred agent. */
  preferred: number;
  staffed: number;
  available: number;
  /** Estimated wait of a new arrival, in seconds; null when nobody is staffed. */
  ewtSeconds: number | null;
  /** How long the head of the queue has waited, in seconds. */
  oldestWaitSeconds: number;
  averageHandleSeconds: number;
}

export function queueView(state: EngineState, queueId: string, at: number): QueueView | null {
  const queue = state.queues.get(queueId);
  if (!queue) return null;
  const length = queue.waiting.size + queue.preferredCount;
  const staffed = staffedCount(state, queue);
  let oldest = at;
  for (const i of queue.waiting) oldest = Math.min(oldest, i.enteredQueueAt);
  return {
    queueId,
    waiting: length,
    preferred: queue.preferredCount,
    staffed,
    available: [...queue.pool].filter((id) => isAvailable(state.agents.get(id)!, state)).length,
    ewtSeconds: ewtSeconds(length, queue.ahtMs, staffed),
    oldestWaitSeconds: Math.max(0, Math.round((at - oldest) / 1000)),
    averageHandleSeconds: Math.round(queue.ahtMs / 1000),
  };
}

/** What the seat and wallboards show about one agent. */
export interface AgentView {
  agentId: string;
  state: AgentStateName;
  reason: string | null;
  since: number;
  offer: { interactionId: string; offerId: string } | null;
  work: { interactionId: string; channel: Channel }[];
  /** Calls of the agent's own (no interaction) it is on, by id. */
  calls: string[];
}

export function agentView(state: EngineState, agentId: string): AgentView | null {
  const agent = state.agents.get(agentId);
  if (!agent) return null;
  const now = derivedState(agent, state);
  return {
    agentId,
    ...now,
    since: agent.shown.since,
    offer: agent.offer,
    work: [...agent.work].map(([interactionId, channel]) => ({ interactionId, channel })),
    calls: [...agent.calls],
  };
}

/** One waiting interaction's place and estimated wait (1-based position); null when it is not waiting. */
export function interactionWait(
  state: EngineState,
  interactionId: string,
): { queueId: string; position: number; ewtSeconds: number | null } | null {
  const i = state.interactions.get(interactionId);
  if (!i || i.state !== 'queued') return null;
  const queue = state.queues.get(i.queueId)!;
  const position = i.preferredUntil !== null ? 0 : queue.waiting.rank(i);
  return {
    queueId: i.queueId,
    position: position + 1,
    ewtSeconds: ewtSeconds(position, queue.ahtMs, staffedCount(state, queue)),
  };
}
