import { SeatError } from '@contract/errors';
import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from './loginRateLimiter';

function setup() {
  let t = 1_000_000;
  const limiter = createLoginRateLimiter(() => t, { maxFailures: 3, windowMs: 60_000, maxKeys: 2 });
  return { limiter, advance: (ms: number) => (t += ms) };
}

const codeOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof SeatError ? e.code : 'other';
  }
};

describe('login rate limiter', () => {
  it('allows attempts until the failures reach the limit, then answers RATE_LIMITED', () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) {
      expect(codeOf(() => limiter.assertAllowed('k'))).toBeNull();
      limiter.recordFailure('k');
    }
    expect(codeOf(() => limiter.assertAllowed('k'))).toBe('RATE_LIMITED');
  });

  it('lets the key in again once the failures leave the window', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) limiter.recordFailure('k');
    advance(60_001);
    expect(codeOf(() => limiter.assertAllowed('k'))).toBeNull();
  });

  it('keeps keys apart and forgets a key on reset', () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) limiter.recordFailure('a');
    expect(codeOf(() => limiter.assertAllowed('b'))).toBeNull();
    limiter.reset('a');
    expect(codeOf(() => limiter.assertAllowed('a'))).toBeNull();
  });

  it('drops the oldest key when it remembers too many', () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) limiter.recordFailure('a');
    limiter.recordFailure('b');
    limiter.recordFailure('c');
    expect(codeOf(() => limiter.assertAllowed('a'))).toBeNull();
  });
});
