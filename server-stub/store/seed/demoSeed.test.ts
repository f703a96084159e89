import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password';
import { openSqliteStore, type SeatStore } from '../database';
import { migrateToLatest } from '../migrate';
import { demoPassword } from './demoData';
import { seedDemoTenant } from './demoSeed';

let dir: string;
let store: SeatStore;
const deps = { now: () => Date.parse('2026-03-01T08:00:00Z'), scrypt: { N: 1024, r: 8, p: 1 } };

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'seat-seed-'));
  store = openSqliteStore(dir);
  await migrateToLatest(store.db);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (
  table: 'users' | 'agents' | 'queues' | 'customers' | 'customer_contact_points' | 'teams' | 'skills',
) =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('demo seed', () => {
  it('creates a living centre: agents, two leads, an admin, six queues and 500 customers', async () => {
    expect(await seedDemoTenant(store.db, deps)).toBe(true);
    const roles = await store.db.selectFrom('users').select(['username', 'role']).execute();
    expect(roles.filter((r) => r.role === 'agent').length).toBeGreaterThanOrEqual(20);
    expect(
      roles
        .filter((r) => r.role === 'team_lead')
        .map((r) => r.username)
        .sort(),
    ).toEqual(['lead01', 'lead02']);
    expect(roles.filter((r) => r.role === 'admin').map((r) => r.username)).toEqual(['admin']);
    expect(roles.map((r) => r.username)).toContain('agent24');
    expect(await count('teams')).toBe(2);
    expect(await count('skills')).toBeGreaterThanOrEqual(8);
    expect(await count('queues')).toBe(6);
    expect(await count('customers')).toBe(500);
  });

  it('gives every customer at least one contact point and no more than three', async () => {
    await seedDemoTenant(store.db, deps);
    const perCustomer = await store.db
      .selectFrom('customers')
      .leftJoin('customer_contact_points', 'customer_contact_points.customer_id', 'customers.id')
      .select(['customers.id', (eb) => eb.fn.count('customer_contact_points.id').as('n')])
      .groupBy('customers.id')
      .execute();
    expect(perCustomer).toHaveLength(500);
    for (const row of perCustomer) {
      expect(Number(row.n)).toBeGreaterThanOrEqual(1);
      expect(Number(row.n)).toBeLessThanOrEqual(3);
    }
    const tiers = new Set(
      (await store.db.selectFrom('customers').select('tier').execute()).map((r) => r.tier),
    );
    expect(tiers).toEqual(new Set(['vip', 'gold', 'normal']));
  });

  it('lets every queue find at least two qualified agents', async () => {
    await seedDemoTenant(store.db, deps);
    const requirements = await store.db.selectFrom('queue_skills').selectAll().execute();
    for (const req of requirements) {
      const qualified = await store.db
        .selectFrom('agent_skills')
        .select('agent_id')
        .where('skill_id', '=', req.skill_id)
        .where('proficiency', '>=', req.min_proficiency)
        .execute();
      expect(qualified.length, `${req.queue_id} needs ${req.skill_id}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('signs every demo account in with the documented password, each with its own salt', async () => {
    await seedDemoTenant(store.db, deps);
    const users = await store.db.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(users.length);
    const admin = users.find((u) => u.username === 'admin');
    expect(await verifyPassword(demoPassword, admin?.password_hash ?? '')).toBe(true);
  });

  it('seeds only once and produces the same customers every time', async () => {
    await seedDemoTenant(store.db, deps);
    const first = await store.db
      .selectFrom('customers')
      .select(['id', 'name', 'tier'])
      .orderBy('id')
      .execute();
    expect(await seedDemoTenant(store.db, deps)).toBe(false);
    expect(await count('customers')).toBe(500);

    const otherDir = mkdtempSync(path.join(tmpdir(), 'seat-seed-'));
    const other = openSqliteStore(otherDir);
    try {
      await migrateToLatest(other.db);
      await seedDemoTenant(other.db, deps);
      const second = await other.db
        .selectFrom('customers')
        .select(['id', 'name', 'tier'])
        .orderBy('id')
        .execute();
      expect(second).toEqual(first);
    } finally {
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
