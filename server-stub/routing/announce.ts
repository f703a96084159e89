import type { Ctx } from './context';
import { toCustomer } from './decisions';
import { ewtSeconds, staffedCount, worthAnnouncing } from './ewt';
import type { InteractionRec, QueueRec } from './state';

/** Tells waiting customers of a queue their position and estimated wait, where it is worth saying. */
export function announceQueue(ctx: Ctx, queue: QueueRec): void {
  const rule = queue.config.announce;
  if (!rule) return;
  const staffed = staffedCount(ctx.state, queue);
  let position = 0;
  for (const i of queue.waiting) {
    announceAt(ctx, queue, i, position++, staffed);
  }
}

/** Announces one interaction's wait (used right after it joins a queue). */
export function announceOne(ctx: Ctx, queue: QueueRec, i: InteractionRec): void {
  if (!queue.config.announce || i.state !== 'queued' || i.preferredUntil !== null) return;
  announceAt(ctx, queue, i, queue.waiting.rank(i), staffedCount(ctx.state, queue));
}

function announceAt(ctx: Ctx, queue: QueueRec, i: InteractionRec, position: number, staffed: number): void {
  const ewt = ewtSeconds(position, queue.ahtMs, staffed);
  if (!worthAnnouncing(ewt, i.announced, queue.config.announce!)) return;
  i.announced = { ewtSeconds: ewt, position };
  ctx.out.push({
    type: 'announce_wait',
    at: ctx.now,
    by: 'system',
    audience: toCustomer(),
    interactionId: i.id,
    queueId: queue.config.queueId,
    position: position + 1,
    ewtSeconds: ewt,
  });
}
