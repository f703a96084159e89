import { slotOf, compareInteractions, type InteractionRec, type QueueRec } from './state';
import { SortedList } from './sorted-list';

/** Adds a waiting interaction to its queue's order and to its ring/channel bucket. */
export function addWaiting(queue: QueueRec, i: InteractionRec): void {
  queue.waiting.insert(i);
  const slot = slotOf(i.ring, i.channel);
  let bucket = queue.buckets[slot];
  if (!bucket) queue.buckets[slot] = bucket = new SortedList(compareInteractions, 256);
  bucket.insert(i);
}

/** Takes a waiting interaction out of its queue's order and its bucket; false when it was not there. */
export function removeWaiting(queue: QueueRec, i: InteractionRec): boolean {
  if (!queue.waiting.remove(i)) return false;
  queue.buckets[slotOf(i.ring, i.channel)]?.remove(i);
  return true;
}
