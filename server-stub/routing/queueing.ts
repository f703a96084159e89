import { indexNewChannel } from './agents';
import type { Ctx } from './context';
import { toAgents } from './decisions';
import { routingKey } from './priority';
import { ringAfter } from './rings';
import type { EngineState, InteractionRec, QueueRec } from './state';
import { addWaiting, removeWaiting } from './waiting';

/** Emits the interaction's current live state to its agent (if any) and the wallboards. */
export function showInteraction(ctx: Ctx, i: InteractionRec): void {
  const agentId = i.offer?.agentId ?? i.agentId;
  ctx.out.push({
    type: 'interaction_state',
    at: ctx.now,
    by: ctx.by,
    audience: toAgents(agentId),
    interactionId: i.id,
    state: i.state,
    queueId: i.queueId,
    agentId,
    disposition: null,
  });
}

/**
 * Puts an interaction at its place in a queue, entering it now: its ring starts over, the queue's
 * overflow clock starts, and on first arrival a preferred agent gets it alone for a while.
 */
export function enqueue(ctx: Ctx, i: InteractionRec, queue: QueueRec, openPreferredWindow: boolean): void {
  const { state, now } = ctx;
  const config = queue.config;
  if (!queue.channels.includes(i.channel)) learnChannel(ctx, queue, i.channel);
  i.queueId = config.queueId;
  i.state = 'queued';
  i.enteredQueueAt = now;
  i.key = routingKey(config.priority, i.priority, i.arrivedAt, i.raiseMs);
  const ring = ringAfter(config.rings, now, now);
  i.ring = ring.ring;
  i.nextRingAt = ring.nextAt;
  if (ring.nextAt !== null) state.timers.push(ring.nextAt, 'ring', i.id);
  const maxWait = config.overflow?.maxWaitSeconds ?? null;
  i.overflowAt = maxWait === null ? null : now + maxWait * 1000;
  if (i.overflowAt !== null) state.timers.push(i.overflowAt, 'overflow', i.id);
  const preferred = i.preferredAgentId === null ? undefined : state.agents.get(i.preferredAgentId);
  if (
    openPreferredWindow &&
    preferred &&
    preferred.presence !== 'logged_out' &&
    config.preferredAgentSeconds > 0
  ) {
    i.preferredUntil = now + config.preferredAgentSeconds * 1000;
    state.timers.push(i.preferredUntil, 'preferred', i.id);
    preferred.preferredWaiting.add(i.id);
    queue.preferredCount++;
    ctx.dirtyAgents.add(preferred.id);
  } else {
    i.preferredUntil = null;
    addWaiting(queue, i);
  }
  scheduleAnnounce(state, queue, now);
  ctx.dirtyInteractions.add(i.id);
  showInteraction(ctx, i);
}

/** Takes a queued interaction out of its queue (to offer it, move it or close it). */
export function unqueue(state: EngineState, i: InteractionRec): void {
  const queue = state.queues.get(i.queueId);
  if (!queue) return;
  if (i.preferredUntil !== null && i.preferredAgentId !== null) {
    const agent = state.agents.get(i.preferredAgentId);
    if (agent?.preferredWaiting.delete(i.id)) {
      queue.preferredCount--;
      return;
    }
  }
  removeWaiting(queue, i);
}

/** Ends a preferred-agent window: the interaction joins the queue for everyone at its normal place. */
export function closePreferredWindow(ctx: Ctx, i: InteractionRec): void {
  const queue = ctx.state.queues.get(i.queueId);
  const agent = i.preferredAgentId === null ? undefined : ctx.state.agents.get(i.preferredAgentId);
  const waitingForAgent = agent?.preferredWaiting.delete(i.id) ?? false;
  i.preferredUntil = null;
  if (!queue || !waitingForAgent) return;
  queue.preferredCount--;
  addWaiting(queue, i);
  ctx.dirtyInteractions.add(i.id);
}

/** Puts an interaction whose offer failed back at the head of its queue, keeping its ring and overflow clock. */
export function requeueAtHead(ctx: Ctx, i: InteractionRec): void {
  const queue = ctx.state.queues.get(i.queueId)!;
  const head = queue.waiting.first();
  if (head && head.key <= i.key) i.key = head.key - 1;
  i.state = 'queued';
  i.offer = null;
  i.preferredUntil = null;
  addWaiting(queue, i);
  if (i.overflowAt !== null && i.overflowAt <= ctx.now) ctx.state.timers.push(ctx.now, 'overflow', i.id);
  scheduleAnnounce(ctx.state, queue, ctx.now);
  ctx.dirtyInteractions.add(i.id);
  showInteraction(ctx, i);
}

/** A queue receives a channel for the first time: index its available agents for that channel too. */
function learnChannel(ctx: Ctx, queue: QueueRec, channel: InteractionRec['channel']): void {
  queue.channels.push(channel);
  // Not a change of the agents: they stay out of the dirty set, so the queue's strategy picks among them.
  indexNewChannel(ctx, queue, channel);
}

function scheduleAnnounce(state: EngineState, queue: QueueRec, now: number): void {
  if (!queue.config.announce || queue.nextAnnounceAt !== null) return;
  queue.nextAnnounceAt = now + queue.config.announce.intervalSeconds * 1000;
  state.timers.push(queue.nextAnnounceAt, 'announce', queue.config.queueId);
}
