import { describe, expect, it } from 'vitest';
import { attachedEntries } from './attached-entries';

describe('attachedEntries', () => {
  it('lists keys in order with scalars as text and nested values as JSON', () => {
    expect(attachedEntries({ topic: 'Billing', ivr: ['1', '3'], vip: true, score: 4, none: null })).toEqual([
      { key: 'ivr', value: '["1","3"]' },
      { key: 'none', value: '—' },
      { key: 'score', value: '4' },
      { key: 'topic', value: 'Billing' },
      { key: 'vip', value: 'true' },
    ]);
  });

  it('cuts a very long value so it cannot flood the pane', () => {
    const [entry] = attachedEntries({ note: 'x'.repeat(2000) });
    expect(entry?.value.length).toBe(501);
    expect(entry?.value.endsWith('…')).toBe(true);
  });
});
