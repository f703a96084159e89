import { describe, expect, it } from 'vitest';
import { ewtSeconds, nextAht, worthAnnouncing } from './ewt';

describe('estimated wait', () => {
  it('grows with the position and shrinks with more staffed agents', () => {
    expect(ewtSeconds(0, 120_000, 2)).toBe(60);
    expect(ewtSeconds(3, 120_000, 2)).toBe(240);
    expect(ewtSeconds(3, 120_000, 4)).toBe(120);
  });

  it('gives no estimate when nobody is staffed', () => {
    expect(ewtSeconds(0, 120_000, 0)).toBeNull();
  });

  it('moves the average handle time toward each new sample', () => {
    expect(nextAht(100_000, 200_000)).toBe(120_000);
  });

  it('announces over the threshold, then only when the estimate moved enough', () => {
    const rule = { thresholdSeconds: 30, minChangeSeconds: 20 };
    expect(worthAnnouncing(29, null, rule)).toBe(false);
    expect(worthAnnouncing(45, null, rule)).toBe(true);
    expect(worthAnnouncing(60, { ewtSeconds: 45 }, rule)).toBe(false);
    expect(worthAnnouncing(25 + 40, { ewtSeconds: 45 }, rule)).toBe(true);
    expect(worthAnnouncing(null, null, rule)).toBe(false);
  });
});
