import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore, type SeatStore } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { seedDemoTenant } from '../store/seed/demoSeed';

/** Cheap scrypt cost for tests only: the real cost is covered by the password tests. */
export const testScrypt = { N: 1024, r: 8, p: 1 };

/** A migrated, demo-seeded store in a fresh temp folder, and the function that removes it. */
export async function createSeededStore(
  now: () => number,
): Promise<{ store: SeatStore; dir: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'seat-test-'));
  const store = openSqliteStore(dir);
  await migrateToLatest(store.db);
  await seedDemoTenant(store.db, { now, scrypt: testScrypt });
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
