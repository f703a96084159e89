// A token bucket per key (a chat, a seat): `burst` messages at once, refilled at `perSecond`.
// The clock is injected so tests step time instead of sleeping.

/** Decides whether one more message from `key` may pass now. */
export interface RateLimiter {
  /** Takes one token; false means refuse (RATE_LIMITED) and change nothing. */
  take(key: string): boolean;
  forget(key: string): void;
  /** Drops buckets that have refilled completely (they hold nothing a new bucket would not), so keys do not pile up. */
  sweep(): void;
  /** How many keys it holds now. */
  size(): number;
}

/** Builds a limiter. */
export function createRateLimiter(deps: {
  now: () => number;
  burst: number;
  perSecond: number;
}): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const at = deps.now();
      const bucket = buckets.get(key) ?? { tokens: deps.burst, at };
      bucket.tokens = Math.min(deps.burst, bucket.tokens + ((at - bucket.at) / 1000) * deps.perSecond);
      bucket.at = at;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    forget(key) {
      buckets.delete(key);
    },
    size() {
      return buckets.size;
    },
    sweep() {
      const at = deps.now();
      for (const [key, bucket] of buckets)
        if (bucket.tokens + ((at - bucket.at) / 1000) * deps.perSecond >= deps.burst) buckets.delete(key);
    },
  };
}
