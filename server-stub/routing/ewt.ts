import type { EngineState, QueueRec } from './state';

/** Weight of the newest handle time in the queue's moving average. */
export const ahtWeight = 0.2;

/** The queue's new average handle time after one more interaction took `handledMs`. */
export const nextAht = (ahtMs: number, handledMs: number) =>
  Math.round(ahtMs * (1 - ahtWeight) + handledMs * ahtWeight);

/**
 * Estimated wait in seconds for the interaction at zero-based `position`: everyone staffed is busy
 * (a free agent would have been offered it), so it waits for position+1 completions spread over the
 * staffed agents. Null when nobody is staffed: no honest estimate exists.
 */
export function ewtSeconds(position: number, ahtMs: number, staffed: number): number | null {
  if (staffed <= 0) return null;
  return Math.round(((position + 1) * ahtMs) / staffed / 1000);
}

/** Agents of the queue's pool who are signed in and ready to work (whatever they are doing now). */
export function staffedCount(_state: EngineState, queue: QueueRec): number {
  return queue.readyCount;
}

/** Whether a new estimate is worth telling the customer: over the threshold and changed enough since last time. */
export function worthAnnouncing(
  ewt: number | null,
  last: { ewtSeconds: number } | null,
  rule: { thresholdSeconds: number; minChangeSeconds: number },
): ewt is number {
  if (ewt === null || ewt < rule.thresholdSeconds) return false;
  return last === null || Math.abs(ewt - last.ewtSeconds) >= Math.max(1, rule.minChangeSeconds);
}
