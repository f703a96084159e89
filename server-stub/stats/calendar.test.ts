import { describe, expect, it } from 'vitest';
import { SeatError } from '@contract/errors';
import { createLocalCalendar } from './calendar';

const at = (iso: string) => Date.parse(iso);

describe('createLocalCalendar', () => {
  it('starts quarter hours on the quarter of the local clock, the boundary belonging to the new one', () => {
    const cal = createLocalCalendar({ utcOffsetMinutes: 0 });
    expect(cal.intervalStartOf(at('2026-01-12T09:14:59.999Z'))).toBe(at('2026-01-12T09:00:00Z'));
    expect(cal.intervalStartOf(at('2026-01-12T09:15:00Z'))).toBe(at('2026-01-12T09:15:00Z'));
  });

  it('puts local midnight of a fixed-offset zone at the right instant, west and east of Greenwich', () => {
    const west = createLocalCalendar({ utcOffsetMinutes: -300 });
    expect(west.dayOf(at('2026-01-13T03:00:00Z'))).toEqual({
      start: at('2026-01-12T05:00:00Z'),
      end: at('2026-01-13T05:00:00Z'),
    });
    const nepal = createLocalCalendar({ utcOffsetMinutes: 345 });
    expect(nepal.dayOf(at('2026-01-12T18:15:00Z')).start).toBe(at('2026-01-12T18:15:00Z'));
    expect(nepal.dayOf(at('2026-01-12T18:14:59Z')).start).toBe(at('2026-01-11T18:15:00Z'));
    expect(nepal.zone).toBe('UTC+05:45');
  });

  it('follows daylight saving time in an IANA zone', () => {
    const berlin = createLocalCalendar('Europe/Berlin');
    expect(berlin.offsetAt(at('2026-01-12T12:00:00Z'))).toBe(3600_000);
    expect(berlin.offsetAt(at('2026-07-12T12:00:00Z'))).toBe(7200_000);
    // 29 March 2026: clocks go from 02:00 to 03:00, so the day is 23 hours long.
    const spring = berlin.dayOf(at('2026-03-29T12:00:00Z'));
    expect(spring).toEqual({ start: at('2026-03-28T23:00:00Z'), end: at('2026-03-29T22:00:00Z') });
    expect(berlin.intervalStartOf(at('2026-03-29T01:07:00Z'))).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('refuses an unknown zone or an impossible offset with VALIDATION_FAILED', () => {
    for (const spec of ['Mars/Olympus_Mons', { utcOffsetMinutes: 20 * 60 }, { utcOffsetMinutes: 1.5 }]) {
      try {
        createLocalCalendar(spec);
        expect.unreachable(`accepted ${JSON.stringify(spec)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(SeatError);
        expect((error as SeatError).code).toBe('VALIDATION_FAILED');
      }
    }
  });
});
