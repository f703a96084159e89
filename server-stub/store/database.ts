import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SeatDatabase } from './schema';

/** The store handle: the Kysely query layer and the way to close it. */
export interface SeatStore {
  db: Kysely<SeatDatabase>;
  /** The same connection without the query layer, for the routing log's synchronous appends. */
  sqlite: Sqlite.Database;
  /** Path of the SQLite file, for diagnostics. */
  file: string;
  close(): Promise<void>;
}

/** Opens (creating if needed) the SQLite file in `dataDir` with the pragmas Seat relies on. */
export function openSqliteStore(dataDir: string): SeatStore {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'seat.sqlite');
  const sqlite = new Sqlite(file);
  // WAL lets readers (wallboard, searches) run while the router writes.
  sqlite.pragma('journal_mode = WAL');
  // FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power loss, and an interaction
  // the server has accepted must survive a crash of the host too. The price is one fsync per
  // transaction, which a centre of a few hundred agents affords easily.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<SeatDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, file, close: () => db.destroy() };
}
