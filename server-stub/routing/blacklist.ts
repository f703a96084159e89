import type { ReleaseReason } from './decisions';
import type { BlacklistEntry } from './state';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** The tenant-local day number of a moment, for "per day" counts. */
export const localDay = (at: number, utcOffsetMinutes: number) =>
  Math.floor((at + utcOffsetMinutes * 60_000) / dayMs);

/** The tenant-local hour (0-23) of a moment. */
export const localHour = (at: number, utcOffsetMinutes: number) =>
  Math.floor(((((at + utcOffsetMinutes * 60_000) % dayMs) + dayMs) % dayMs) / hourMs);

/** Whether an hour lies in [from, to); a range with from >= to wraps past midnight (22-6). */
export const inRange = (hour: number, r: { from: number; to: number }) =>
  r.from < r.to ? hour >= r.from && hour < r.to : hour >= r.from || hour < r.to;

/** Why a blacklisted customer may not reach a person now, or null when it may. */
export function blacklistBlock(
  entries: ReadonlyMap<string, BlacklistEntry> | undefined,
  reachedToday: number,
  at: number,
  utcOffsetMinutes: number,
): { reason: ReleaseReason; message: string; category: string } | null {
  if (!entries) return null;
  const hour = localHour(at, utcOffsetMinutes);
  for (const [category, entry] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (entry.allowedHours && !entry.allowedHours.some((r) => inRange(hour, r))) {
      const hours = entry.allowedHours.map((r) => `${r.from}:00-${r.to}:00`).join(', ');
      return {
        reason: 'blacklist_hours',
        category,
        message: entry.message ?? `We can take your call only between ${hours}.`,
      };
    }
    if (entry.maxPerDay !== null && reachedToday >= entry.maxPerDay) {
      return {
        reason: 'blacklist_count',
        category,
        message: entry.message ?? 'You have reached the number of calls we can take from you today.',
      };
    }
  }
  return null;
}
