/** Whole seconds from `fromIso` to `now`, never negative; null for a missing or bad time. */
export function secondsSince(fromIso: string | null, now: number): number | null {
  if (fromIso === null) return null;
  const from = Date.parse(fromIso);
  return Number.isNaN(from) ? null : Math.max(0, Math.floor((now - from) / 1000));
}

/** Whole seconds left until `toIso` (negative once past); null for a missing or bad time. */
export function secondsUntil(toIso: string | null, now: number): number | null {
  if (toIso === null) return null;
  const to = Date.parse(toIso);
  return Number.isNaN(to) ? null : Math.ceil((to - now) / 1000);
}

/** m:ss below an hour, h:mm:ss above; a leading minus when negative (an SLA already missed). */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  const s = Math.abs(totalSeconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0
    ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${sign}${minutes}:${seconds}`;
}

/**
 * A priority (the head start in seconds the queue's classes give the work) as the agent reads it:
 * how far ahead of plain work it queues ("+10 min"), or null for plain work and unknown values.
 */
export function priorityHeadStart(seconds: number | null): { minutes: number } | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
  return { minutes: Math.max(1, Math.round(seconds / 60)) };
}
