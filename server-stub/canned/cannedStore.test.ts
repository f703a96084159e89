import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeatError } from '@contract/errors';
import { createSeededStore } from '../testing/seededStore';
import { createCannedStore, type CannedStore } from './cannedStore';
import { demoCannedResponses, seedDemoCanned } from './demoCanned';

const tenantId = 'tenant-demo';
let seeded: Awaited<ReturnType<typeof createSeededStore>>;
let store: CannedStore;
let clock = 0;
beforeEach(async () => {
  clock = Date.parse('2026-03-02T09:00:00Z');
  seeded = await createSeededStore(() => clock);
  let n = 0;
  store = createCannedStore(seeded.store.sqlite, { now: () => clock, newId: () => `c-${++n}` });
});
afterEach(async () => seeded.dispose());

const fields = (title: string, shortcut: string | null = null) => ({
  title,
  body: `${title} body`,
  shortcut,
  language: null,
});

describe('canned store', () => {
  it('seeds the demo texts once and never again', () => {
    expect(seedDemoCanned(store, true)).toBe(demoCannedResponses.length);
    expect(seedDemoCanned(store, true)).toBe(0);
    expect(store.count({ tenantId, ownerUserId: null })).toBe(demoCannedResponses.length);
  });

  it('seeds nothing when the demo tenant does not exist', () => {
    expect(seedDemoCanned(store, false)).toBe(0);
  });

  it("lists tenant-wide texts by title, then the user's own, and never another user's", () => {
    store.create({ tenantId, ownerUserId: 'demo-user-agent01' }, fields('alpha'), 'demo-user-agent01');
    store.create({ tenantId, ownerUserId: 'demo-user-agent02' }, fields('theirs'), 'demo-user-agent02');
    store.create({ tenantId, ownerUserId: null }, fields('Zulu'), 'demo-user-lead01');
    store.create({ tenantId, ownerUserId: null }, fields('bravo'), 'demo-user-lead01');
    expect(store.listFor(tenantId, 'demo-user-agent01').map((r) => [r.scope, r.title])).toEqual([
      ['tenant', 'bravo'],
      ['tenant', 'Zulu'],
      ['personal', 'alpha'],
    ]);
  });

  it('allows the same shortcut in different users’ personal texts but not twice for one user', () => {
    store.create({ tenantId, ownerUserId: 'demo-user-agent01' }, fields('a', 'hi'), 'x');
    store.create({ tenantId, ownerUserId: 'demo-user-agent02' }, fields('b', 'hi'), 'x');
    expect(() =>
      store.create({ tenantId, ownerUserId: 'demo-user-agent01' }, fields('c', 'hi'), 'x'),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE' }) as SeatError);
  });

  it('stamps a replacement with the time of the change', () => {
    const owner = { tenantId, ownerUserId: 'demo-user-agent01' };
    const saved = store.create(owner, fields('a'), 'x');
    clock += 60_000;
    const replaced = store.replace(owner, saved.id, fields('b'));
    expect(replaced.title).toBe('b');
    expect(Date.parse(replaced.updatedAt) - Date.parse(saved.updatedAt)).toBe(60_000);
  });

  it('does not let a personal owner reach a tenant-wide row by its id', () => {
    const shared = store.create({ tenantId, ownerUserId: null }, fields('shared'), 'x');
    expect(() => store.remove({ tenantId, ownerUserId: 'demo-user-agent01' }, shared.id)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }) as SeatError,
    );
    expect(store.count({ tenantId, ownerUserId: null })).toBe(1);
  });
});
