import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedList } from './sorted-list';

const byNumber = (a: number, b: number) => a - b;

describe('SortedList', () => {
  it('keeps any sequence of inserts and removes in the same order as a sorted array', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 300 })), { maxLength: 400 }),
        (ops) => {
          const list = new SortedList(byNumber, 4);
          const model = new Set<number>();
          for (const [add, n] of ops) {
            if (add && !model.has(n)) {
              list.insert(n);
              model.add(n);
            } else if (!add) {
              expect(list.remove(n)).toBe(model.delete(n));
            }
          }
          const sorted = [...model].sort(byNumber);
          expect(list.toArray()).toEqual(sorted);
          expect(list.size).toBe(sorted.length);
          expect(list.first()).toBe(sorted[0]);
          for (const [i, n] of sorted.entries()) expect(list.rank(n)).toBe(i);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds by binary search the same first element as a scan, for any threshold test', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 300 }),
        fc.integer({ min: -1, max: 501 }),
        (items, threshold) => {
          const list = new SortedList(byNumber, 4);
          for (const n of items) list.insert(n);
          const above = (n: number) => n > threshold;
          expect(list.firstWhere(above)).toBe([...items].sort(byNumber).find(above));
          expect(list.firstWhere(above)).toBe(list.find(above));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not fragment into tiny chunks under churn, so walking and ranking stay cheap', () => {
    const list = new SortedList(byNumber, 8);
    for (let n = 0; n < 2000; n++) list.insert(n);
    // Remove most of every chunk-sized run, leaving a few survivors spread across the whole range.
    for (let n = 0; n < 2000; n++) if (n % 10 !== 0) list.remove(n);
    expect(list.size).toBe(200);
    expect(list.chunkCount).toBeLessThanOrEqual(Math.ceil((2 * 200) / 8) + 1);
    expect(list.toArray()).toEqual(Array.from({ length: 200 }, (_, k) => k * 10));
  });

  it('finds the first element from the head that passes a test', () => {
    const list = new SortedList(byNumber);
    for (const n of [5, 1, 9, 3]) list.insert(n);
    expect(list.find((n) => n > 3)).toBe(5);
    expect(list.find((n) => n > 9)).toBeUndefined();
  });

  it('answers -1 for the rank of a missing element and false for removing it', () => {
    const list = new SortedList(byNumber);
    expect(list.rank(1)).toBe(-1);
    list.insert(2);
    expect(list.rank(1)).toBe(-1);
    expect(list.remove(1)).toBe(false);
  });
});
