import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDurability, createInteractionLog } from './eventLog';
import { openTestDatabase, type TestDatabase } from './testDatabase';

describe('interaction log', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase();
  });
  afterEach(() => t.dispose());

  it('reads back the events of one tenant in the order they were appended', () => {
    const log = createInteractionLog(t.db);
    log.append('demo', { type: 'arrive', at: 10 });
    log.append('other', { type: 'arrive', at: 11 });
    log.append('demo', { type: 'accept', at: 12 });
    expect([...log.read('demo')].map((e) => e.event)).toEqual([
      { type: 'arrive', at: 10 },
      { type: 'accept', at: 12 },
    ]);
    expect(log.count('demo')).toBe(2);
    expect(log.tenants()).toEqual(['demo', 'other']);
  });

  it('reads only the events after a given sequence number', () => {
    const log = createInteractionLog(t.db);
    const first = log.append('demo', { type: 'a', at: 1 });
    log.append('demo', { type: 'b', at: 2 });
    expect([...log.read('demo', first)].map((e) => e.event.type)).toEqual(['b']);
    expect(log.lastSeq('demo')).toBe(first + 1);
    expect(log.lastSeq('nobody')).toBe(0);
  });

  it('keeps nothing of a transaction that throws', () => {
    const log = createInteractionLog(t.db);
    expect(() =>
      log.transaction(() => {
        log.append('demo', { type: 'a', at: 1 });
        throw new Error('projection failed');
      }),
    ).toThrow('projection failed');
    expect(log.count('demo')).toBe(0);
  });

  it('keeps every committed event after the database is closed and opened again', () => {
    const log = createInteractionLog(t.db);
    for (let i = 0; i < 50; i++) log.append('demo', { type: 'tick', at: i });
    const again = createInteractionLog(t.reopen());
    expect([...again.read('demo')].map((e) => e.event.at)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('sets synchronous to NORMAL for process durability and FULL for power durability', () => {
    applyDurability(t.db, 'process');
    expect(t.db.pragma('synchronous', { simple: true })).toBe(1);
    applyDurability(t.db, 'power');
    expect(t.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
