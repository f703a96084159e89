import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rateLimiter';

describe('chat rate limiter', () => {
  it('lets a burst through and refuses the next message', () => {
    const limiter = createRateLimiter({ now: () => 0, burst: 3, perSecond: 1 });
    expect([1, 2, 3, 4].map(() => limiter.take('chat'))).toEqual([true, true, true, false]);
  });

  it('refills at the configured rate', () => {
    let now = 0;
    const limiter = createRateLimiter({ now: () => now, burst: 2, perSecond: 2 });
    limiter.take('chat');
    limiter.take('chat');
    expect(limiter.take('chat')).toBe(false);
    now += 500;
    expect(limiter.take('chat')).toBe(true);
    expect(limiter.take('chat')).toBe(false);
  });

  it('forgets only the buckets that have refilled completely when swept', () => {
    let now = 0;
    const limiter = createRateLimiter({ now: () => now, burst: 2, perSecond: 1 });
    limiter.take('quiet');
    limiter.take('busy');
    limiter.take('busy');
    now += 1_000;
    limiter.sweep();
    expect(limiter.size()).toBe(1);
    // 'quiet' is full again and starts afresh; 'busy' keeps its one refilled token, not a fresh burst.
    expect([limiter.take('busy'), limiter.take('busy')]).toEqual([true, false]);
    expect([limiter.take('quiet'), limiter.take('quiet'), limiter.take('quiet')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('keeps keys apart', () => {
    const limiter = createRateLimiter({ now: () => 0, burst: 1, perSecond: 1 });
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });
});
