import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fifo } from './fifo';

describe('Fifo', () => {
  it('gives items back in the order they were pushed, like an array used as a queue', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer(), fc.constant('shift' as const), fc.constant('shift' as const)), {
          maxLength: 5000,
        }),
        (ops) => {
          const fifo = new Fifo<number>();
          const model: number[] = [];
          for (const op of ops) {
            if (op === 'shift') expect(fifo.shift()).toBe(model.shift());
            else {
              fifo.push(op);
              model.push(op);
            }
            expect(fifo.size).toBe(model.length);
            expect(fifo.peek()).toBe(model[0]);
          }
          expect([...fifo]).toEqual(model);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps its order across compactions of a long-running queue', () => {
    const fifo = new Fifo<number>();
    let next = 0;
    let expected = 0;
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < 700; k++) fifo.push(next++);
      for (let k = 0; k < 600; k++) expect(fifo.shift()).toBe(expected++);
    }
    expect(fifo.size).toBe(next - expected);
    expect([...fifo][0]).toBe(expected);
  });

  it('answers undefined when empty', () => {
    const fifo = new Fifo<string>();
    expect(fifo.shift()).toBeUndefined();
    expect(fifo.peek()).toBeUndefined();
    fifo.push('a');
    expect(fifo.shift()).toBe('a');
    expect(fifo.shift()).toBeUndefined();
    expect(fifo.size).toBe(0);
  });
});
