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
