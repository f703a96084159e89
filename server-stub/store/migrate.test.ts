import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SeatStore } from './database';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations/index';

let dir: string;
let store: SeatStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'seat-migrate-'));
  store = openSqliteStore(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('run every migration in order on a fresh database', async () => {
    const applied = await migrateToLatest(store.db);
    expect(applied).toEqual(migrations.map(([name]) => name));
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
      store.db,
    );
    const names = tables.rows.map((r) => r.name);
    for (const table of [
      'tenants',
      'users',
      'sessions',
      'teams',
      'agents',
      'skills',
      'agent_skills',
      'queues',
      'queue_skills',
      'reason_codes',
      'customers',
      'customer_contact_points',
      'agent_state',
    ]) {
      expect(names).toContain(table);
    }
  });

  it('apply nothing the second time', async () => {
    await migrateToLatest(store.db);
    expect(await migrateToLatest(store.db)).toEqual([]);
  });

  it('are numbered and sorted so new ones append at the end', () => {
    const names = migrations.map(([name]) => name);
    expect([...names].sort()).toEqual(names);
    for (const name of names) expect(name).toMatch(/^\d{3}_[a-z_]+$/);
  });

  it('open the file in WAL mode with foreign keys enforced', async () => {
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    await migrateToLatest(store.db);
    await expect(
      store.db.insertInto('teams').values({ id: 't1', tenant_id: 'no-such-tenant', name: 'x' }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('reject a skill proficiency outside 1 to 10', async () => {
    await migrateToLatest(store.db);
    await store.db
      .insertInto('tenants')
      .values({ id: 't', slug: 't', name: 'T', created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    await store.db
      .insertInto('agents')
      .values({ id: 'a', tenant_id: 't', team_id: null, display_name: 'A' })
      .execute();
    await store.db.insertInto('skills').values({ id: 's', tenant_id: 't', name: 'billing' }).execute();
    await expect(
      store.db.insertInto('agent_skills').values({ agent_id: 'a', skill_id: 's', proficiency: 11 }).execute(),
    ).rejects.toThrow(/CHECK/);
    const agent = await store.db
      .selectFrom('agents')
      .selectAll()
      .where('id', '=', 'a')
      .executeTakeFirstOrThrow();
    expect([
      agent.capacity_voice,
      agent.capacity_im,
      agent.capacity_email,
      agent.capacity_sms,
      agent.capacity_social,
      agent.capacity_fax,
    ]).toEqual([1, 3, 5, 5, 3, 2]);
  });

  it('report which migration failed', async () => {
    const broken = [
      ...migrations,
      ['999_broken', { up: async () => Promise.reject(new Error('boom')) }],
    ] as const;
    await expect(migrateToLatest(store.db, broken)).rejects.toThrow(/999_broken failed: boom/);
  });
});
