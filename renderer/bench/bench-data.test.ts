import { describe, expect, it } from 'vitest';
import { interactionSchema } from '@contract/routing';
import { benchInteractions } from './bench-data';

describe('benchInteractions', () => {
  it('builds valid, distinct and repeatable interactions over every channel', () => {
    const at = Date.parse('2026-01-01T10:00:00.000Z');
    const list = benchInteractions(60, at);
    for (const i of list) interactionSchema.parse(i);
    expect(new Set(list.map((i) => i.id)).size).toBe(60);
    expect(new Set(list.map((i) => i.channel)).size).toBe(6);
    expect(benchInteractions(60, at)).toEqual(list);
  });

  it('gives every row a routing priority and an SLA deadline after its arrival, as the server does', () => {
    const list = benchInteractions(60, Date.parse('2026-01-01T10:00:00.000Z'));
    for (const i of list) {
      expect(i.priority).toEqual(expect.any(Number));
      expect(Date.parse(i.slaDueAt!)).toBeGreaterThan(Date.parse(i.createdAt));
      expect(i.attached).not.toHaveProperty('priority');
    }
    expect(new Set(list.map((i) => i.priority)).size).toBeGreaterThan(1);
  });
});
