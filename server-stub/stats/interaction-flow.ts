import { rollAgentDay, type AgentRecord } from './agent-stats';
import type { StatsEvent } from './events';
import { agentOf, queueOf, type LiveInteraction, type QueueRecord, type TenantState } from './tenant-state';

// How each interaction event moves the counters. Every counter is bumped in the window where its
// event happens (an answer at 10:16 counts in 10:15–10:30 whatever time the call arrived), so closed
// quarter hours never change afterwards. A wait is measured from entering the queue where it ends,
// as Asterisk does per Queue() entry: an overflow starts a new wait in the next queue.

type InteractionEvent = Extract<StatsEvent, { type: `interaction.${string}` }>;

/** Applies one interaction event to its tenant; returns false when it did not match what we know. */
export function applyInteractionEvent(
  tenant: TenantState,
  event: InteractionEvent,
  defaultSl: number,
): boolean {
  switch (event.type) {
    case 'interaction.queued':
      return queued(tenant, event.interactionId, event.queueId, event.at, defaultSl);
    case 'interaction.offered':
      return offered(tenant, event, defaultSl);
    case 'interaction.answered':
      return answered(tenant, event, defaultSl);
    case 'interaction.abandoned':
      return abandoned(tenant, event, defaultSl);
    case 'interaction.overflowed':
      return overflowed(tenant, event, defaultSl);
    case 'interaction.ended':
      return ended(tenant, event, defaultSl);
    case 'interaction.wrapupEnded':
      return wrapupEnded(tenant, event, defaultSl);
  }
}

function waitingIn(tenant: TenantState, interactionId: string, queueId: string): LiveInteraction | null {
  const live = tenant.interactions.get(interactionId);
  return live && live.phase === 'waiting' && live.queueId === queueId ? live : null;
}

/** The agent with its "today" moved to the day of `at`, marked changed; null for an event from a closed day. */
function agentToday(tenant: TenantState, agentId: string, at: number): AgentRecord | null {
  const agent = agentOf(tenant, agentId, at);
  agent.rev += 1;
  const dayStart = tenant.calendar.dayOf(at).start;
  rollAgentDay(agent, dayStart);
  return agent.dayStart === dayStart ? agent : null;
}

function leaveQueue(queue: QueueRecord, interactionId: string): void {
  queue.waiting.delete(interactionId);
  queue.rev += 1;
}

function queued(
  tenant: TenantState,
  interactionId: string,
  queueId: string,
  at: number,
  defaultSl: number,
): boolean {
  const live = tenant.interactions.get(interactionId);
  // Re-queued after an agent did not answer: still the same wait in the same queue.
  if (live && live.phase === 'waiting' && live.queueId === queueId) return true;
  if (live && live.phase === 'waiting') {
    // Moved to another queue without an overflow record: it left the first queue all the same.
    const from = queueOf(tenant, live.queueId, defaultSl);
    leaveQueue(from, interactionId);
    const targets = from.windows.targetsAt(at);
    if (targets) {
      targets.today.overflowed += 1;
      targets.interval.overflowed += 1;
    }
  } else if (live) {
    // Transferred from an agent back to a queue: that agent's handling ends here.
    finishHandling(tenant, interactionId, live, at, defaultSl);
  }
  enterQueue(tenant, interactionId, queueId, at, defaultSl);
  return true;
}

function enterQueue(
  tenant: TenantState,
  interactionId: string,
  queueId: string,
  at: number,
  defaultSl: number,
): void {
  const queue = queueOf(tenant, queueId, defaultSl);
  tenant.interactions.set(interactionId, {
    queueId,
    queuedAt: at,
    phase: 'waiting',
    agentId: null,
    answeredAt: 0,
    endedAt: 0,
  });
  queue.waiting.set(interactionId, at);
  queue.rev += 1;
  const targets = queue.windows.targetsAt(at);
  if (targets) {
    targets.today.offered += 1;
    targets.interval.offered += 1;
  }
}

function offered(
  tenant: TenantState,
  e: Extract<InteractionEvent, { type: 'interaction.offered' }>,
  defaultSl: number,
): boolean {
  const live = waitingIn(tenant, e.interactionId, e.queueId);
  if (!live) return false;
  live.agentId = e.agentId;
  queueOf(tenant, e.queueId, defaultSl);
  const agent = agentToday(tenant, e.agentId, e.at);
  if (agent) agent.offeredToday += 1;
  return true;
}

function answered(
  tenant: TenantState,
  e: Extract<InteractionEvent, { type: 'interaction.answered' }>,
  defaultSl: number,
): boolean {
  const live = waitingIn(tenant, e.interactionId, e.queueId);
  if (!live) return false;
  const queue = queueOf(tenant, e.queueId, defaultSl);
  leaveQueue(queue, e.interactionId);
  const wait = Math.max(0, e.at - live.queuedAt);
  const withinSl = wait <= queue.serviceLevelSeconds * 1000 ? 1 : 0;
  const targets = queue.windows.targetsAt(e.at);
  if (targets) {
    for (const c of [targets.today, targets.interval]) {
      c.answered += 1;
      c.answeredWithinSl += withinSl;
      c.answerWaitMs += wait;
      c.longestAnswerWaitMs = Math.max(c.longestAnswerWaitMs, wait);
    }
  }
  live.phase = 'active';
  live.agentId = e.agentId;
  live.answeredAt = e.at;
  const agent = agentToday(tenant, e.agentId, e.at);
  if (agent) agent.answeredToday += 1;
  return true;
}

function abandoned(
  tenant: TenantState,
  e: Extract<InteractionEvent, { type: 'interaction.abandoned' }>,
  defaultSl: number,
): boolean {
  const live = waitingIn(tenant, e.interactionId, e.queueId);
  if (!live) return false;
  const queue = queueOf(tenant, e.queueId, defaultSl);
  leaveQueue(queue, e.interactionId);
  tenant.interactions.delete(e.interactionId);
  const wait = Math.max(0, e.at - live.queuedAt);
  const withinSl = wait <= queue.serviceLevelSeconds * 1000 ? 1 : 0;
  const targets = queue.windows.targetsAt(e.at);
  if (targets) {
    for (const c of [targets.today, targets.interval]) {
      c.abandoned += 1;
      c.abandonedWithinSl += withinSl;
      c.abandonWaitMs += wait;
    }
  }
  return true;
}

function overflowed(
  tenant: TenantState,
  e: Extract<InteractionEvent, { type: 'interaction.overflowed' }>,
  defaultSl: number,
): boolean {
  if (!waitingIn(tenant, e.interactionId, e.fromQueueId)) return false;
  const from = queueOf(tenant, e.fromQueueId, defaultSl);
  leaveQueue(from, e.interactionId);
  tenant.interactions.delete(e.interactionId);
  const targets = from.windows.targetsAt(e.at);
  if (targets) {
    targets.today.overflowed += 1;
    targets.interval.overflowed += 1;
  }
  if (e.toQueueId !== null) enterQueue(tenant, e.interactionId, e.toQueueId, e.at, defaultSl);
  return true;
}

function ended(
  tenant: TenantState,
  e: Extract<InteractionEvent, { type: 'interaction.ended' }>,
  defaultSl: number,
): boolean {
  const live = tenant.interactions.get(e.interactionId);
  if (!live || live.phase !== 'active' || live.queueId !== e.queueId) return false;
  live.endedAt = e.at;
  if (e.wrapup) {
    live.phase = 'wrapup';
    return true;
  }
  finishHandling(tenant, e.interactionId, live, e.at, defaultSl);
  return true;
}

function wrapupEnded(
  tenant: TenantState,
  e: Extract<InteractionEvent, { type: 'interaction.wrapupEnded' }>,
  defaultSl: number,
): boolean {
  const live = tenant.interactions.get(e.interactionId);
  if (!live || live.phase !== 'wrapup' || live.agentId !== e.agentId) return false;
  finishHandling(tenant, e.interactionId, live, e.at, defaultSl);
  return true;
}

/** Counts a finished handling (talk until ended, wrap-up until `at`) and stops following the interaction. */
function finishHandling(
  tenant: TenantState,
  interactionId: string,
  live: LiveInteraction,
  at: number,
  defaultSl: number,
): void {
  tenant.interactions.delete(interactionId);
  const talkEnd = live.phase === 'active' ? at : live.endedAt;
  const talk = Math.max(0, talkEnd - live.answeredAt);
  const wrapup = Math.max(0, at - talkEnd);
  const queue = queueOf(tenant, live.queueId, defaultSl);
  const targets = queue.windows.targetsAt(at);
  if (targets) {
    for (const c of [targets.today, targets.interval]) {
      c.handled += 1;
      c.handleMs += talk + wrapup;
      c.talkMs += talk;
      c.wrapupMs += wrapup;
    }
  }
  queue.rev += 1;
  if (live.agentId !== null) {
    const agent = agentToday(tenant, live.agentId, at);
    if (agent) {
      agent.handledToday += 1;
      agent.handleMsToday += talk + wrapup;
    }
  }
}
