import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap } from './timer-heap';

describe('TimerHeap', () => {
  it('pops deadlines by time and, for equal times, in the order they were pushed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const heap = new TimerHeap();
        times.forEach((t, i) => heap.push(t, 'offer', String(i)));
        const popped: [number, number][] = [];
        for (let t = heap.pop(); t; t = heap.pop()) popped.push([t.at, Number(t.ref)]);
        const expected = times
          .map((t, i): [number, number] => [t, i])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('shows the earliest deadline without removing it', () => {
    const heap = new TimerHeap();
    heap.push(30, 'wrapup', 'a');
    heap.push(10, 'ring', 'b');
    expect(heap.peek()?.ref).toBe('b');
    expect(heap.size).toBe(2);
  });
});
