import { describe, expect, it } from 'vitest';
import { createLocalCalendar } from './calendar';
import { createDayWindows } from './day-windows';

const midnight = Date.parse('2026-01-12T00:00:00Z');

describe('createDayWindows', () => {
  it('hands out the same counters within a quarter hour and new ones after it', () => {
    const windows = createDayWindows(createLocalCalendar({ utcOffsetMinutes: 0 }));
    const a = windows.targetsAt(midnight + 60_000)!;
    const b = windows.targetsAt(midnight + 14 * 60_000)!;
    const c = windows.targetsAt(midnight + 15 * 60_000)!;
    expect(b.interval).toBe(a.interval);
    expect(c.interval).not.toBe(a.interval);
    expect(c.today).toBe(a.today);
  });

  it('refuses counters for a day already closed and drops the old day on the first event of a new one', () => {
    const windows = createDayWindows(createLocalCalendar({ utcOffsetMinutes: 0 }));
    windows.targetsAt(midnight + 60_000)!.today.offered += 1;
    const tomorrow = midnight + 24 * 3600_000;
    const next = windows.targetsAt(tomorrow + 1)!;
    next.today.offered += 1;
    next.interval.offered += 1;
    expect(windows.targetsAt(midnight + 120_000)).toBeNull();
    expect(windows.today(tomorrow + 2).offered).toBe(1);
    expect(windows.intervalsToday(tomorrow + 2).map((i) => i.offered)).toEqual([1]);
  });
});
