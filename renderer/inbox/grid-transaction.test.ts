import { describe, expect, it } from 'vitest';
import { fitTransaction } from './grid-transaction';
import type { InboxRow } from './inbox-row';

const row = (id: string) => ({ id }) as InboxRow;

describe('fitTransaction', () => {
  it('turns an add of a row the grid already holds into an update, so no id gets a second node', () => {
    const held = new Set(['a']);
    expect(
      fitTransaction({ add: [row('a'), row('b')], update: [], remove: [] }, (id) => held.has(id)),
    ).toEqual({
      add: [row('b')],
      update: [row('a')],
      remove: [],
    });
  });

  it('adds a changed row the grid never got and drops the removal of one it does not hold', () => {
    const held = new Set(['a']);
    expect(
      fitTransaction({ add: [], update: [row('c')], remove: [row('a'), row('z')] }, (id) => held.has(id)),
    ).toEqual({ add: [row('c')], update: [], remove: [row('a')] });
  });

  it('passes a transaction that already fits unchanged', () => {
    const held = new Set(['a', 'b']);
    const tx = { add: [row('c')], update: [row('a')], remove: [row('b')] };
    expect(fitTransaction(tx, (id) => held.has(id))).toEqual(tx);
  });
});
