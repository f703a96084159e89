import { teamOf } from './agents';
import { hasRoom } from './capacity';
import type { AgentEntry, AgentRec, EngineState, InteractionRec, QueueRec } from './state';

/** Whether this agent may take this interaction of this queue right now (ring reached, room on the channel). */
export function canServe(state: EngineState, agent: AgentRec, i: InteractionRec): boolean {
  const ring = agent.rings.get(i.queueId);
  return ring !== undefined && ring <= i.ring && hasRoom(agent, teamOf(agent, state), i.channel);
}

/**
 * Picks the agent for an interaction among the queue's available agents, by the queue's strategy.
 * The available list is already ordered by the strategy's key, so the first agent who can serve
 * wins; round robin starts after the last agent it offered to and wraps around.
 */
export function selectAgent(state: EngineState, queue: QueueRec, i: InteractionRec): AgentRec | undefined {
  const fits = (e: AgentEntry) => canServe(state, e.agent, i);
  if (queue.config.strategy === 'round_robin' && queue.rrCursor !== null) {
    const cursor = queue.rrCursor;
    const after = queue.available.find((e) => e.agent.id > cursor && fits(e));
    if (after) return after.agent;
  }
  return queue.available.find(fits)?.agent;
}

/**
 * Picks the interaction for an agent who has become able to take work: first anything waiting for
 * this agent personally (preferred-agent window), else the best routing key among the first
 * interaction it can serve in each of its queues.
 */
export function selectInteraction(state: EngineState, agent: AgentRec): InteractionRec | undefined {
  let best: InteractionRec | undefined;
  const team = teamOf(agent, state);
  for (const id of agent.preferredWaiting) {
    const i = state.interactions.get(id);
    if (i && hasRoom(agent, team, i.channel) && (!best || i.key < best.key || (i.key === best.key && i.seq < best.seq))) best = i;
  }
  if (best) return best;
  for (const queueId of agent.rings.keys()) {
    const queue = state.queues.get(queueId);
    if (!queue || queue.waiting.size === 0) continue;
    const first = queue.waiting.find((i) => canServe(state, agent, i));
    if (first && (!best || first.key < best.key || (first.key === best.key && first.seq < best.seq))) best = first;
  }
  return best;
}
