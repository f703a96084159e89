import { describe, expect, it } from 'vitest';
import { createPrng } from './prng';

describe('seeded PRNG', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    expect(seqA).toEqual(seqB);
  });

  it('gives a different sequence for another seed', () => {
    expect(createPrng(1).next()).not.toBe(createPrng(2).next());
  });

  it('keeps integers within the bounds, both ends reachable', () => {
    const prng = createPrng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const n = prng.int(1, 3);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createPrng(1).pick([])).toThrow(/non-empty/);
  });
});
