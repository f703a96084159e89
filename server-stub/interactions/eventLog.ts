import type { Database } from 'better-sqlite3';

// The interaction log: every event the routing engine accepted, in order, per tenant. The engine is
// rebuilt on start by replaying it, so it is written synchronously (better-sqlite3) before any
// effect of the event is visible. Hot paths only append or look up by key; reading the whole log
// happens at start-up only.
//
// Durability: with WAL, a committed transaction is in the WAL file in the OS page cache once
// COMMIT returns, so killing the process (kill -9, crash) loses nothing even with
// synchronous=NORMAL. Only power loss or an OS crash can lose the last commits before the next
// checkpoint's fsync; synchronous=FULL fsyncs the WAL on every commit to cover that, at a large cost
// per event. Hence `durability: 'process'` (NORMAL, the default) or `'power'` (FULL).

/** How much a commit survives: a process crash (NORMAL) or also a power loss (FULL). */
export type Durability = 'process' | 'power';

/** One stored event with its position in the log. */
export interface LoggedEvent {
  seq: number;
  tenantId: string;
  at: number;
  event: { type: string; at: number };
}

/** The append-only log of routing events, one sequence for every tenant. */
export interface InteractionLog {
  /** Appends one event and returns its sequence number; call inside `transaction` with its projection updates. */
  append(tenantId: string, event: { type: string; at: number }): number;
  /** The tenant's events in order, after `afterSeq` (0 for all). */
  read(tenantId: string, afterSeq?: number): IterableIterator<LoggedEvent>;
  /** How many events the tenant has. */
  count(tenantId: string): number;
  /** The highest sequence number of the tenant, 0 when empty. */
  lastSeq(tenantId: string): number;
  /** Tenants with at least one event. */
  tenants(): string[];
  /** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T;
}

/** Sets the synchronous pragma for the chosen durability; WAL is required for 'process' to hold. */
export function applyDurability(db: Database, durability: Durability): void {
  const mode = db.pragma('journal_mode', { simple: true });
  if (mode !== 'wal' && mode !== 'memory') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'power' ? 'FULL' : 'NORMAL'}`);
}

/** Builds the log over the `routing_events` table of an open better-sqlite3 database. */
export function createInteractionLog(db: Database): InteractionLog {
  const insert = db.prepare('INSERT INTO routing_events (tenant_id, at, type, body) VALUES (?, ?, ?, ?)');
  const select = db.prepare(
    'SELECT seq, tenant_id, at, body FROM routing_events WHERE tenant_id = ? AND seq > ? ORDER BY seq',
  );
  const counter = db.prepare('SELECT COUNT(*) AS n FROM routing_events WHERE tenant_id = ?');
  const last = db.prepare('SELECT MAX(seq) AS seq FROM routing_events WHERE tenant_id = ?');
  const tenantList = db.prepare('SELECT DISTINCT tenant_id FROM routing_events ORDER BY tenant_id');

  return {
    append(tenantId, event) {
      const info = insert.run(tenantId, event.at, event.type, JSON.stringify(event));
      return Number(info.lastInsertRowid);
    },
    *read(tenantId, afterSeq = 0) {
      for (const row of select.iterate(tenantId, afterSeq) as IterableIterator<{
        seq: number;
        tenant_id: string;
        at: number;
        body: string;
      }>) {
        yield {
          seq: row.seq,
          tenantId: row.tenant_id,
          at: row.at,
          event: JSON.parse(row.body) as LoggedEvent['event'],
        };
      }
    },
    count(tenantId) {
      return (counter.get(tenantId) as { n: number }).n;
    },
    lastSeq(tenantId) {
      return (last.get(tenantId) as { seq: number | null }).seq ?? 0;
    },
    tenants() {
      return (tenantList.all() as { tenant_id: string }[]).map((r) => r.tenant_id);
    },
    transaction(fn) {
      return db.transaction(fn)();
    },
  };
}
