import { close } from './closing';
import type { Ctx } from './context';
import { toCustomerAndBoards } from './decisions';
import { enqueue, unqueue } from './queueing';
import type { InteractionRec, QueueRec } from './state';

/**
 * Puts an interaction into a queue; when the queue is at its maximum length, follows the queue's
 * overflow target instead (possibly through several queues; a loop ends in a release).
 */
export function place(ctx: Ctx, i: InteractionRec, queue: QueueRec, openPreferredWindow: boolean): void {
  let current: QueueRec | null = queue;
  while (current) {
    const overflow = current.config.overflow;
    const length = current.waiting.size + current.preferredCount;
    if (!overflow || overflow.maxLength === null || length < overflow.maxLength) {
      enqueue(ctx, i, current, openPreferredWindow);
      return;
    }
    i.queueId = current.config.queueId;
    current = followTarget(ctx, i, current, 'max_length');
  }
}

/** The interaction waited its queue's maximum: it leaves the queue for the overflow target. */
export function overflowWaiting(ctx: Ctx, i: InteractionRec): void {
  const queue = ctx.state.queues.get(i.queueId)!;
  unqueue(ctx.state, i);
  const next = followTarget(ctx, i, queue, 'max_wait');
  if (next) place(ctx, i, next, false);
}

/** Applies the queue's overflow target; returns the next queue to try, or null when the interaction was closed. */
function followTarget(
  ctx: Ctx,
  i: InteractionRec,
  from: QueueRec,
  reason: 'max_wait' | 'max_length',
): QueueRec | null {
  const target = from.config.overflow!.target;
  const base = { at: ctx.now, by: ctx.by, audience: toCustomerAndBoards(), interactionId: i.id } as const;
  const toQueueId = target.kind === 'queue' ? target.queueId : null;
  ctx.out.push({
    ...base,
    type: 'overflow',
    fromQueueId: from.config.queueId,
    reason,
    target: target.kind,
    toQueueId,
  });
  if (target.kind === 'queue') {
    const next = ctx.state.queues.get(target.queueId);
    if (next && target.queueId !== from.config.queueId && !i.visited.includes(target.queueId)) {
      i.visited.push(from.config.queueId);
      i.raiseMs += Math.round(target.raisePrioritySeconds * 1000);
      return next;
    }
    const message = 'No queue can take your request right now; please try again later.';
    ctx.out.push({
      ...base,
      type: 'release',
      queueId: from.config.queueId,
      reason: 'overflow_loop',
      message,
    });
    close(ctx, i, 'released', null);
    return null;
  }
  if (target.kind === 'callback') {
    ctx.out.push({
      ...base,
      type: 'callback_request',
      queueId: from.config.queueId,
      customerId: i.customerId,
      channel: i.channel,
      data: i.data,
    });
    close(ctx, i, 'callback', null);
    return null;
  }
  ctx.out.push({
    ...base,
    type: 'release',
    queueId: from.config.queueId,
    reason: 'overflow',
    message: target.message,
  });
  close(ctx, i, 'released', null);
  return null;
}
