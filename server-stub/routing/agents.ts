import type { Channel } from '../../contract/agent';
import { hasAnyRoom, hasRoom, occupancy } from './capacity';
import type { Ctx } from './context';
import { toAgents, type AgentStateName } from './decisions';
import { skillScore } from './rings';
import { SortedList } from './sorted-list';
import {
  slotOf,
  compareAgentEntries,
  type AgentEntry,
  type AgentRec,
  type EngineState,
  type QueueRec,
} from './state';

/** The state the seat shows, derived from presence and work: an offer ringing wins, then a live interaction or a call of its own, then wrap-up. */
export function derivedState(
  agent: AgentRec,
  state: EngineState,
): { state: AgentStateName; reason: string | null } {
  const name = derivedStateName(agent, state);
  return { state: name, reason: name === 'not_ready' ? agent.reason : null };
}

/** The name part of `derivedState`, without building an object (it runs several times per event). */
function derivedStateName(agent: AgentRec, state: EngineState): AgentStateName {
  if (agent.presence === 'logged_out') return 'logged_out';
  if (agent.offer) return 'reserved';
  let wrapup = false;
  for (const id of agent.work.keys()) {
    const i = state.interactions.get(id);
    if (i?.state === 'active') return 'busy';
    if (i?.state === 'wrapup') wrapup = true;
  }
  // On a call of its own the agent is talking, whatever wrap-up it still has to do.
  if (agent.calls.length > 0) return 'busy';
  if (wrapup) return 'wrapup';
  return agent.presence === 'ready' ? 'ready' : 'not_ready';
}

/** Whether the agent can be offered something now on some channel. */
export function isAvailable(agent: AgentRec, state: EngineState): boolean {
  return agent.presence === 'ready' && agent.offer === null && hasAnyRoom(agent, teamOf(agent, state));
}

export const teamOf = (agent: AgentRec, state: EngineState) =>
  agent.teamId === null ? undefined : state.teams.get(agent.teamId);

/** The agent's place in a queue's available list, by that queue's strategy. */
export function entryFor(queue: QueueRec, agent: AgentRec, state: EngineState): AgentEntry {
  switch (queue.config.strategy) {
    case 'most_skilled':
      return { agent, k1: -skillScore(queue.config.rings, agent.skills), k2: agent.idleSince };
    case 'least_occupied':
      return { agent, k1: occupancy(agent, teamOf(agent, state)), k2: agent.idleSince };
    case 'round_robin':
      return { agent, k1: 0, k2: 0 };
    case 'longest_idle':
      return { agent, k1: agent.idleSince, k2: 0 };
  }
}

/**
 * Marks the agent for re-indexing after any change (done once per event by `flushReindex`, from its
 * final state) and, when it can take work now, for the dispatcher to look at.
 */
export function refreshAvailability(ctx: Ctx, agent: AgentRec, markDirty = true): void {
  ctx.reindex.add(agent);
  if (markDirty && isAvailable(agent, ctx.state)) ctx.dirtyAgents.add(agent.id);
}

/** Re-indexes every agent changed since the last flush; call before reading availability lists. */
export function flushReindex(ctx: Ctx): void {
  if (ctx.reindex.size === 0) return;
  for (const agent of ctx.reindex) reindexAgent(ctx.state, agent);
  ctx.reindex.clear();
}

/**
 * A queue has just learnt a channel: adds the entries of that channel alone for its pool, instead of
 * re-indexing every agent of the pool in every queue it serves. An agent changed in this event is
 * left to `flushReindex`; any other is indexed as of its last change, so its keys are still right.
 */
export function indexNewChannel(ctx: Ctx, queue: QueueRec, channel: Channel): void {
  const { state } = ctx;
  for (const id of queue.pool) {
    const agent = state.agents.get(id)!;
    if (
      ctx.reindex.has(agent) ||
      !isAvailable(agent, state) ||
      !hasRoom(agent, teamOf(agent, state), channel)
    )
      continue;
    const ring = agent.rings.get(queue.config.queueId);
    if (ring === undefined) continue;
    const slot = slotOf(ring, channel);
    let agents = queue.available[slot];
    if (!agents) queue.available[slot] = agents = new SortedList(compareAgentEntries, 128);
    const entry = entryFor(queue, agent, state);
    agents.insert(entry);
    agent.entries.push({ queue, slot, entry });
  }
}

/** Puts the agent in (or takes it out of) the available list of every queue it serves. */
function reindexAgent(state: EngineState, agent: AgentRec): void {
  if (agent.entries.length > 0) {
    for (const { queue, slot, entry } of agent.entries) queue.available[slot]?.remove(entry);
    agent.entries.length = 0;
  }
  if (!isAvailable(agent, state)) return;
  const team = teamOf(agent, state);
  for (const queueId of agent.rings.keys()) {
    const ring = agent.rings.get(queueId)!;
    const queue = state.queues.get(queueId);
    if (!queue || queue.channels.length === 0) continue;
    const entry = entryFor(queue, agent, state);
    for (const channel of queue.channels) {
      if (!hasRoom(agent, team, channel)) continue;
      const slot = slotOf(ring, channel);
      let agents = queue.available[slot];
      if (!agents) queue.available[slot] = agents = new SortedList(compareAgentEntries, 128);
      agents.insert(entry);
      agent.entries.push({ queue, slot, entry });
    }
  }
}

/** Announces the agent's derived state when it differs from what was last announced. */
export function showAgent(ctx: Ctx, agent: AgentRec): void {
  const name = derivedStateName(agent, ctx.state);
  const reason = name === 'not_ready' ? agent.reason : null;
  if (name === agent.shown.state && reason === agent.shown.reason) return;
  agent.shown = { state: name, reason, since: ctx.now };
  ctx.out.push({
    type: 'agent_state',
    at: ctx.now,
    by: ctx.by,
    audience: toAgents(agent.id),
    agentId: agent.id,
    state: name,
    reason,
  });
}

/** After any change to an agent: re-index it and tell whoever needs to know. */
export function touchAgent(ctx: Ctx, agent: AgentRec): void {
  refreshAvailability(ctx, agent);
  showAgent(ctx, agent);
}
