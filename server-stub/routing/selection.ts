import { teamOf } from './agents';
import { hasRoom } from './capacity';
import {
  slotOf,
  compareAgentEntries,
  type AgentEntry,
  type AgentRec,
  type EngineState,
  type InteractionRec,
  type QueueRec,
} from './state';

const better = (a: InteractionRec, b: InteractionRec | undefined) =>
  !b || a.key < b.key || (a.key === b.key && a.seq < b.seq);

/** Whether this agent may take this interaction of this queue right now (ring reached, room on the channel). */
export function canServe(state: EngineState, agent: AgentRec, i: InteractionRec): boolean {
  const ring = agent.rings.get(i.queueId);
  return ring !== undefined && ring <= i.ring && hasRoom(agent, teamOf(agent, state), i.channel);
}

/**
 * Picks the agent for an interaction among the queue's available agents, by the queue's strategy.
 * Available agents are kept per ring and channel, each list ordered by the strategy's key, so the
 * candidates are the heads of the lists of rings the interaction has reached: no scan. Round robin
 * takes the first agent after the last one it offered to, wrapping around.
 */
export function selectAgent(_state: EngineState, queue: QueueRec, i: InteractionRec): AgentRec | undefined {
  let best: AgentEntry | undefined;
  const cursor = queue.config.strategy === 'round_robin' ? queue.rrCursor : null;
  let bestAfter: AgentEntry | undefined;
  for (let ring = 0; ring <= i.ring; ring++) {
    const agents = queue.available[slotOf(ring, i.channel)];
    const head = agents?.first();
    if (!agents || !head) continue;
    if (!best || compareAgentEntries(head, best) < 0) best = head;
    if (cursor !== null) {
      // Round robin keys are all equal, so the list is ordered by agent id: a binary search, not a scan.
      const after = agents.firstWhere((e) => e.agent.id > cursor);
      if (after && (!bestAfter || compareAgentEntries(after, bestAfter) < 0)) bestAfter = after;
    }
  }
  return (bestAfter ?? best)?.agent;
}

/**
 * Picks the interaction for an agent who has become able to take work: first anything waiting for
 * this agent personally (preferred-agent window), else the best routing key among the heads of the
 * ring/channel buckets the agent qualifies for in each of its queues.
 */
export function selectInteraction(state: EngineState, agent: AgentRec): InteractionRec | undefined {
  let best: InteractionRec | undefined;
  const team = teamOf(agent, state);
  for (const id of agent.preferredWaiting) {
    const i = state.interactions.get(id);
    if (i && hasRoom(agent, team, i.channel) && better(i, best)) best = i;
  }
  if (best) return best;
  for (const queueId of agent.rings.keys()) {
    const agentRing = agent.rings.get(queueId)!;
    const queue = state.queues.get(queueId);
    if (!queue || queue.waiting.size === 0) continue;
    for (const channel of queue.channels) {
      if (!hasRoom(agent, team, channel)) continue;
      for (let ring = agentRing; ring < queue.config.rings.length; ring++) {
        const head = queue.buckets[slotOf(ring, channel)]?.first();
        if (head && better(head, best)) best = head;
      }
    }
  }
  return best;
}
