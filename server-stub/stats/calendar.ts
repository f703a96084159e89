import { SeatError } from '@contract/errors';

/** Fifteen minutes in ms: the length of one reporting interval. */
export const intervalMs = 15 * 60_000;
const hourMs = 60 * 60_000;

/** A tenant's wall clock: an IANA zone name (e.g. "Europe/Berlin") or a fixed offset from UTC. */
export type TimeZoneSpec = string | { utcOffsetMinutes: number };

/** Where local days and quarter hours start, in epoch ms, for one time zone. */
export interface LocalCalendar {
  /** The zone as given, for display. */
  readonly zone: string;
  /** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
  offsetAt(at: number): number;
  /** Start of the local quarter hour holding `at`. */
  intervalStartOf(at: number): number;
  /** Start and end (exclusive) of the local day holding `at`; a DST day is 23 or 25 hours long. */
  dayOf(at: number): { start: number; end: number };
}

const mod = (a: number, b: number): number => ((a % b) + b) % b;

function fixedOffset(minutes: number): (at: number) => number {
  if (!Number.isInteger(minutes) || Math.abs(minutes) > 18 * 60) {
    throw new SeatError(
      'VALIDATION_FAILED',
      `A UTC offset must be whole minutes within ±18 h, not ${minutes}.`,
    );
  }
  const ms = minutes * 60_000;
  return () => ms;
}

function zoneOffset(timeZone: string): (at: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    throw new SeatError('VALIDATION_FAILED', `Unknown time zone "${timeZone}": ${(error as Error).message}`);
  }
  // Every offset in use today is a whole number of quarter hours and changes at a whole local hour,
  // so it is constant within each UTC quarter hour: one Intl call per quarter hour is enough.
  let cachedQuarter = Number.NaN;
  let cachedOffset = 0;
  return (at) => {
    const quarter = Math.floor(at / intervalMs);
    if (quarter === cachedQuarter) return cachedOffset;
    const probe = quarter * intervalMs;
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(probe)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    cachedQuarter = quarter;
    cachedOffset = asUtc - probe;
    return cachedOffset;
  };
}

/** Builds the calendar of one zone; throws VALIDATION_FAILED for an unknown zone or offset. */
export function createLocalCalendar(spec: TimeZoneSpec): LocalCalendar {
  const offsetAt = typeof spec === 'string' ? zoneOffset(spec) : fixedOffset(spec.utcOffsetMinutes);
  const zone = typeof spec === 'string' ? spec : formatOffset(spec.utcOffsetMinutes);

  const localMidnightInstant = (at: number): number => {
    const local = at + offsetAt(at);
    const midnightLocal = local - mod(local, 24 * hourMs);
    // Convert local midnight back to an instant; a second pass settles the rare day whose midnight
    // sits on the other side of a DST change from `at`.
    let instant = midnightLocal - offsetAt(at);
    instant = midnightLocal - offsetAt(instant);
    return instant;
  };

  let day = { start: Number.NaN, end: Number.NaN };
  return {
    zone,
    offsetAt,
    intervalStartOf: (at) => at - mod(at + offsetAt(at), intervalMs),
    dayOf(at) {
      if (at >= day.start && at < day.end) return day;
      const start = localMidnightInstant(at);
      // 36 hours after a midnight always falls inside the next local day, whatever DST does.
      const end = localMidnightInstant(start + 36 * hourMs);
      day = { start, end };
      return day;
    },
  };
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}
