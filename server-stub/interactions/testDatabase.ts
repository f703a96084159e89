import BetterSqlite3, { type Database } from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migration007InteractionLog } from '../store/migrations/007_interaction_log';
import { migration013InteractionPriority } from '../store/migrations/013_interaction_priority';

/** A temporary database with the interaction tables, for tests; `dispose` closes and deletes it. */
export interface TestDatabase {
  db: Database;
  file: string;
  reopen(): Database;
  dispose(): void;
}

/** Creates a file database in a temp folder (WAL needs a file) and runs the interaction migrations. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'seat-log-'));
  const file = path.join(dir, 'seat.db');
  let db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) });
  await migration007InteractionLog.up(kysely);
  await migration013InteractionPriority.up(kysely);
  return {
    get db() {
      return db;
    },
    file,
    reopen() {
      db.close();
      db = new BetterSqlite3(file);
      return db;
    },
    dispose() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
