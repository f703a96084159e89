import { announceQueue } from './announce';
import { close } from './closing';
import type { Ctx } from './context';
import { missOffer } from './offers';
import { overflowWaiting } from './overflow';
import { closePreferredWindow } from './queueing';
import { ringAfter } from './rings';
import type { EngineState } from './state';
import type { Timer } from './timer-heap';
import { addWaiting, removeWaiting } from './waiting';

/** Whether a scheduled deadline still applies to the current state (deadlines are never unscheduled). */
export function timerApplies(state: EngineState, t: Timer): boolean {
  if (t.kind === 'announce') return state.queues.get(t.ref)?.nextAnnounceAt === t.at;
  const i = state.interactions.get(t.ref);
  if (!i) return false;
  switch (t.kind) {
    case 'offer':
      return i.state === 'offered' && i.offer?.expiresAt === t.at;
    case 'wrapup':
      return i.state === 'wrapup' && i.wrapupUntil === t.at;
    case 'ring':
      return (i.state === 'queued' || i.state === 'offered') && i.nextRingAt === t.at;
    case 'preferred':
      return i.state === 'queued' && i.preferredUntil === t.at;
    case 'overflow':
      return i.state === 'queued' && i.overflowAt !== null && i.overflowAt <= t.at;
  }
}

/** The earliest deadline that still applies, dropping stale ones on the way. */
export function nextDeadline(state: EngineState): number | null {
  for (let t = state.timers.peek(); t; t = state.timers.peek()) {
    if (timerApplies(state, t)) return t.at;
    state.timers.pop();
  }
  return null;
}

/** Carries out every deadline due by `until`, each at its own time (never before the last event). */
export function runDeadlines(ctx: Ctx, until: number, lastAt: number): void {
  const { state } = ctx;
  for (let t = state.timers.peek(); t && t.at <= until; t = state.timers.peek()) {
    state.timers.pop();
    if (!timerApplies(state, t)) continue;
    ctx.now = Math.max(t.at, lastAt);
    ctx.by = 'system';
    expire(ctx, t);
  }
  ctx.now = until;
}

function expire(ctx: Ctx, t: Timer): void {
  const { state } = ctx;
  if (t.kind === 'announce') {
    const queue = state.queues.get(t.ref)!;
    announceQueue(ctx, queue);
    queue.nextAnnounceAt =
      queue.waiting.size > 0 && queue.config.announce
        ? t.at + queue.config.announce.intervalSeconds * 1000
        : null;
    if (queue.nextAnnounceAt !== null) state.timers.push(queue.nextAnnounceAt, 'announce', t.ref);
    return;
  }
  const i = state.interactions.get(t.ref)!;
  const queue = state.queues.get(i.queueId)!;
  switch (t.kind) {
    case 'offer':
      return missOffer(ctx, i, 'timeout');
    case 'wrapup':
      return close(ctx, i, 'ended', queue.config.timeoutDisposition);
    case 'ring': {
      const next = ringAfter(queue.config.rings, i.enteredQueueAt, t.at);
      const moved = i.state === 'queued' && removeWaiting(queue, i);
      i.ring = next.ring;
      if (moved) addWaiting(queue, i);
      i.nextRingAt = next.nextAt;
      if (next.nextAt !== null) state.timers.push(next.nextAt, 'ring', i.id);
      if (i.state === 'queued') ctx.dirtyInteractions.add(i.id);
      return;
    }
    case 'preferred':
      return closePreferredWindow(ctx, i);
    case 'overflow':
      return overflowWaiting(ctx, i);
  }
}
