import { SeatError } from '@contract/errors';

/** Counts failed sign-ins per key (tenant, user name and address) and refuses once too many pile up. */
export interface LoginRateLimiter {
  /** Throws RATE_LIMITED while the key is blocked. */
  assertAllowed(key: string): void;
  recordFailure(key: string): void;
  /** Forgets the key's failures, after a successful sign-in. */
  reset(key: string): void;
}

/** Limits for the login rate limiter. */
export interface LoginRateLimits {
  maxFailures: number;
  windowMs: number;
  /** Upper bound on remembered keys so a flood of made-up names cannot grow memory without end. */
  maxKeys?: number;
}

/** Creates a sliding-window limiter on the injected clock. */
export function createLoginRateLimiter(now: () => number, limits: LoginRateLimits): LoginRateLimiter {
  const failures = new Map<string, number[]>();
  const maxKeys = limits.maxKeys ?? 10_000;

  const recent = (key: string): number[] => {
    const cutoff = now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };

  return {
    assertAllowed(key) {
      if (recent(key).length >= limits.maxFailures) {
        throw new SeatError('RATE_LIMITED', 'Too many failed sign-ins; wait a few minutes and try again.');
      }
    },
    recordFailure(key) {
      const list = recent(key);
      if (!failures.has(key) && failures.size >= maxKeys) {
        // Map iteration order is insertion order: drop the oldest key.
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
      failures.set(key, [...list, now()]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
