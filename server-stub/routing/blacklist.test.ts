import { describe, expect, it } from 'vitest';
import { blacklistBlock, inRange, localDay, localHour } from './blacklist';

const at = (hour: number) => Date.UTC(2025, 0, 10, hour, 30);
const entry = (
  e: Partial<{ allowedHours: { from: number; to: number }[]; maxPerDay: number; message: string }>,
) =>
  new Map([
    [
      'abuse',
      { allowedHours: e.allowedHours ?? null, maxPerDay: e.maxPerDay ?? null, message: e.message ?? null },
    ],
  ]);

describe('blacklist limits', () => {
  it('lets a customer with no confirmed entry through', () => {
    expect(blacklistBlock(undefined, 99, at(3), 0)).toBeNull();
  });

  it('allows reaching a person only inside the allowed hours', () => {
    const e = entry({ allowedHours: [{ from: 9, to: 12 }] });
    expect(blacklistBlock(e, 0, at(10), 0)).toBeNull();
    expect(blacklistBlock(e, 0, at(12), 0)).toMatchObject({ reason: 'blacklist_hours', category: 'abuse' });
  });

  it('reads hours in the tenant local time', () => {
    expect(localHour(at(23), 120)).toBe(1);
    expect(localHour(at(0), -60)).toBe(23);
    expect(localDay(at(23), 120)).toBe(localDay(at(0), 0) + 1);
  });

  it('understands ranges that wrap past midnight', () => {
    expect(inRange(23, { from: 22, to: 6 })).toBe(true);
    expect(inRange(5, { from: 22, to: 6 })).toBe(true);
    expect(inRange(12, { from: 22, to: 6 })).toBe(false);
  });

  it('stops a customer after the daily count and says so in the configured words', () => {
    const e = entry({ maxPerDay: 2, message: 'Please write to us instead.' });
    expect(blacklistBlock(e, 1, at(10), 0)).toBeNull();
    expect(blacklistBlock(e, 2, at(10), 0)).toEqual({
      reason: 'blacklist_count',
      category: 'abuse',
      message: 'Please write to us instead.',
    });
  });
});
