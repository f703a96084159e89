import { describe, expect, it } from 'vitest';
import { formatDuration, priorityHeadStart, secondsSince, secondsUntil } from './inbox-format';

const t0 = Date.parse('2026-01-01T10:00:00.000Z');

describe('inbox time formatting', () => {
  it('counts whole seconds since a time and never goes below zero', () => {
    expect(secondsSince('2026-01-01T09:58:59.500Z', t0)).toBe(60);
    expect(secondsSince('2026-01-01T10:00:05.000Z', t0)).toBe(0);
    expect(secondsSince(null, t0)).toBeNull();
    expect(secondsSince('not a time', t0)).toBeNull();
  });

  it('counts seconds left until a time, rounding up, negative once past', () => {
    expect(secondsUntil('2026-01-01T10:00:29.200Z', t0)).toBe(30);
    expect(secondsUntil('2026-01-01T09:59:50.000Z', t0)).toBe(-10);
  });

  it('shows minutes and seconds, or hours when needed', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-65)).toBe('-1:05');
  });
});

describe('priorityHeadStart', () => {
  it('reads a head start in whole minutes, at least one', () => {
    expect(priorityHeadStart(600)).toEqual({ minutes: 10 });
    expect(priorityHeadStart(3600)).toEqual({ minutes: 60 });
    expect(priorityHeadStart(20)).toEqual({ minutes: 1 });
  });

  it('gives plain, unknown or nonsensical priorities no head start', () => {
    for (const value of [0, -5, null, Number.NaN, Number.POSITIVE_INFINITY])
      expect(priorityHeadStart(value)).toBeNull();
  });
});
