import { channels } from '../../contract/agent';
import { refreshAvailability, touchAgent } from './agents';
import type { Ctx } from './context';
import type { Handler } from './handler';
import { routingKey } from './priority';
import { closePreferredWindow } from './queueing';
import { refuse } from './result';
import { agentRing, ringAfter, ringProblem } from './rings';
import { compareInteractions, newQueue, setPresence, zeroLoad, type AgentRec, type QueueRec } from './state';
import { SortedList } from './sorted-list';
import { addWaiting } from './waiting';

export const skillUpsert: Handler<'skill_upsert'> = {
  validate() {},
  apply(ctx, ev) {
    ctx.state.skills.add(ev.skillId);
  },
};

export const reasonCodesSet: Handler<'reason_codes_set'> = {
  validate(_ctx, ev) {
    if (ev.codes.includes('missed'))
      refuse(
        'INVALID_CONFIG',
        "'missed' is the system's own reason for an unanswered offer; it cannot be configured",
      );
  },
  apply(ctx, ev) {
    ctx.state.reasonCodes = new Set(ev.codes);
  },
};

export const teamUpsert: Handler<'team_upsert'> = {
  validate() {},
  apply(ctx, ev) {
    ctx.state.teams.set(ev.teamId, ev.capacity);
    for (const agent of ctx.state.agents.values()) if (agent.teamId === ev.teamId) touchAgent(ctx, agent);
  },
};

export const queueUpsert: Handler<'queue_upsert'> = {
  validate(ctx, { queue }) {
    const problem = ringProblem(queue.rings);
    if (problem) refuse('INVALID_CONFIG', `queue ${queue.queueId}: ${problem}`);
    for (const ring of queue.rings) {
      for (const req of ring.skills)
        if (!ctx.state.skills.has(req.skillId))
          refuse('UNKNOWN_SKILL', `queue ${queue.queueId} needs unknown skill ${req.skillId}`);
    }
    const overflow = queue.overflow;
    if (overflow) {
      if (overflow.maxWaitSeconds === null && overflow.maxLength === null) {
        refuse(
          'INVALID_CONFIG',
          `queue ${queue.queueId}: an overflow needs a maximum wait or a maximum length`,
        );
      }
      if (overflow.target.kind === 'queue') {
        if (overflow.target.queueId === queue.queueId)
          refuse('INVALID_CONFIG', `queue ${queue.queueId} cannot overflow into itself`);
        if (!ctx.state.queues.has(overflow.target.queueId))
          refuse('UNKNOWN_QUEUE', `overflow target ${overflow.target.queueId} is not a queue`);
      }
    }
  },
  apply(ctx, { queue: config }) {
    const { state } = ctx;
    const existing = state.queues.get(config.queueId);
    const queue = existing ?? newQueue(config);
    queue.config = config;
    state.queues.set(config.queueId, queue);
    for (const agent of state.agents.values()) placeAgentInQueue(queue, agent);
    if (existing) rebuildWaiting(ctx, queue);
    for (const id of queue.pool) refreshAvailability(ctx, state.agents.get(id)!);
  },
};

/** Works out whether the agent serves the queue, and from which ring. */
function placeAgentInQueue(queue: QueueRec, agent: AgentRec): void {
  // Its old ring may change: take it out of every availability list first (the caller re-indexes it).
  for (const { queue: q, slot, entry } of agent.entries) if (q === queue) q.available[slot]?.remove(entry);
  agent.entries = agent.entries.filter((e) => e.queue !== queue);
  const ring = agentRing(queue.config.rings, agent.skills);
  const wasInPool = queue.pool.has(agent.id);
  if (ring === null) {
    agent.rings.delete(queue.config.queueId);
    queue.pool.delete(agent.id);
  } else {
    agent.rings.set(queue.config.queueId, ring);
    queue.pool.add(agent.id);
  }
  if (agent.presence === 'ready' && wasInPool !== (ring !== null)) queue.readyCount += ring === null ? -1 : 1;
}

/** After a queue's configuration changed: new keys, rings, overflow clocks and announcements for what waits in it. */
function rebuildWaiting(ctx: Ctx, queue: QueueRec): void {
  const { state } = ctx;
  const config = queue.config;
  const waiting = queue.waiting.toArray();
  queue.waiting = new SortedList(compareInteractions);
  queue.buckets = [];
  for (const i of state.interactions.values()) {
    if (i.queueId !== config.queueId || (i.state !== 'queued' && i.state !== 'offered')) continue;
    i.key = routingKey(config.priority, i.priority, i.arrivedAt, i.raiseMs);
    const ring = ringAfter(config.rings, i.enteredQueueAt, ctx.now);
    i.ring = ring.ring;
    i.nextRingAt = ring.nextAt;
    if (ring.nextAt !== null) state.timers.push(ring.nextAt, 'ring', i.id);
    const maxWait = config.overflow?.maxWaitSeconds ?? null;
    i.overflowAt = maxWait === null ? null : i.enteredQueueAt + maxWait * 1000;
    if (i.overflowAt !== null) state.timers.push(Math.max(i.overflowAt, ctx.now), 'overflow', i.id);
    if (i.state === 'queued') ctx.dirtyInteractions.add(i.id);
  }
  for (const i of waiting) addWaiting(queue, i);
  if (!config.announce) queue.nextAnnounceAt = null;
  else if (queue.nextAnnounceAt === null && queue.waiting.size > 0) {
    queue.nextAnnounceAt = ctx.now + config.announce.intervalSeconds * 1000;
    state.timers.push(queue.nextAnnounceAt, 'announce', config.queueId);
  }
}

export const agentUpsert: Handler<'agent_upsert'> = {
  validate(ctx, { agent }) {
    for (const skill of Object.keys(agent.skills)) {
      if (!ctx.state.skills.has(skill))
        refuse('UNKNOWN_SKILL', `agent ${agent.agentId} has unknown skill ${skill}`);
    }
    if (agent.teamId !== null && !ctx.state.teams.has(agent.teamId))
      refuse('INVALID_CONFIG', `team ${agent.teamId} is not defined; upsert it first`);
  },
  apply(ctx, { agent: config }) {
    const { state } = ctx;
    const agent: AgentRec = state.agents.get(config.agentId) ?? {
      id: config.agentId,
      teamId: null,
      skills: new Map(),
      capacity: {},
      presence: 'logged_out',
      reason: null,
      offer: null,
      work: new Map(),
      load: zeroLoad(),
      calls: [],
      idleSince: ctx.now,
      shown: { state: 'logged_out', reason: null, since: ctx.now },
      lastExpired: null,
      rings: new Map(),
      entries: [],
      preferredWaiting: new Set(),
    };
    agent.teamId = config.teamId;
    agent.skills = new Map(Object.entries(config.skills).sort(([a], [b]) => (a < b ? -1 : 1)));
    agent.capacity = Object.fromEntries(
      channels.filter((c) => config.capacity[c] !== undefined).map((c) => [c, config.capacity[c]]),
    );
    state.agents.set(agent.id, agent);
    for (const queue of state.queues.values()) placeAgentInQueue(queue, agent);
    touchAgent(ctx, agent);
  },
};

export const blacklistSet: Handler<'blacklist_set'> = {
  validate() {},
  apply(ctx, ev) {
    const entries = ctx.state.blacklist.get(ev.customerId) ?? new Map();
    entries.set(ev.category, { allowedHours: ev.allowedHours, maxPerDay: ev.maxPerDay, message: ev.message });
    ctx.state.blacklist.set(ev.customerId, entries);
  },
};

export const blacklistClear: Handler<'blacklist_clear'> = {
  validate() {},
  apply(ctx, ev) {
    const entries = ctx.state.blacklist.get(ev.customerId);
    entries?.delete(ev.category);
    if (entries?.size === 0) {
      ctx.state.blacklist.delete(ev.customerId);
      ctx.state.reached.delete(ev.customerId);
    }
  },
};

export const agentState: Handler<'agent_state'> = {
  validate(ctx, ev) {
    const agent = ctx.state.agents.get(ev.agentId);
    if (!agent) return refuse('UNKNOWN_AGENT', `no agent ${ev.agentId}`);
    if (ev.state === 'not_ready') {
      if (ev.reason === null) refuse('UNKNOWN_REASON', 'going not ready needs a reason code');
      if (!ctx.state.reasonCodes.has(ev.reason))
        refuse('UNKNOWN_REASON', `reason ${ev.reason} is not configured`);
    } else if (ev.reason !== null)
      refuse('INVALID_TRANSITION', `a reason only goes with not_ready, not with ${ev.state}`);
    const same = agent.presence === ev.state && (ev.state !== 'not_ready' || agent.reason === ev.reason);
    if (agent.offer && !same)
      refuse('INVALID_TRANSITION', `agent ${agent.id} has an offer ringing; accept or reject it first`);
    if (ev.state === 'logged_out' && agent.work.size > 0)
      refuse('INVALID_TRANSITION', `agent ${agent.id} still holds work; finish it before logging out`);
  },
  apply(ctx, ev) {
    const agent = ctx.state.agents.get(ev.agentId)!;
    ctx.by = ev.by ?? agent.id;
    if (ev.state === 'ready' && agent.presence !== 'ready') agent.idleSince = ctx.now;
    setPresence(ctx.state, agent, ev.state);
    agent.reason = ev.state === 'not_ready' ? ev.reason : null;
    if (ev.state === 'logged_out') {
      for (const id of [...agent.preferredWaiting])
        closePreferredWindow(ctx, ctx.state.interactions.get(id)!);
    }
    touchAgent(ctx, agent);
  },
};
