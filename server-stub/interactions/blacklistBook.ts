import type { Database } from 'better-sqlite3';
import { SeatError } from '@contract/errors';
import type { BlacklistEntry, BlacklistLimits, BlacklistProposalRequest } from '@contract/routing';

// Blacklist proposals and decisions: an agent proposes, a team lead confirms (with limits) or
// rejects; each step is kept with who and when. A confirmation reaches the engine as a logged
// `blacklist_set` event in the same transaction as the entry's new status, so the engine and the
// book never disagree after a crash.

interface EntryRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  category: BlacklistEntry['category'];
  reason: string;
  status: BlacklistEntry['status'];
  proposed_by: string;
  proposed_at: number;
  decided_by: string | null;
  decided_at: number | null;
  limits: string | null;
}

/** The engine side of a confirmation, run inside the same transaction as the status change. */
export type ConfirmToEngine = (
  entry: { customerId: string; category: string; limits: BlacklistLimits },
  write: () => void,
) => void;

/** Proposals and decisions of one store. */
export interface BlacklistBook {
  propose(tenantId: string, request: BlacklistProposalRequest, by: string): BlacklistEntry;
  confirm(
    tenantId: string,
    entryId: string,
    limits: BlacklistLimits,
    by: string,
    toEngine: ConfirmToEngine,
  ): BlacklistEntry;
  reject(tenantId: string, entryId: string, by: string): BlacklistEntry;
  list(tenantId: string, status?: BlacklistEntry['status']): BlacklistEntry[];
}

const toEntry = (row: EntryRow): BlacklistEntry => ({
  id: row.id,
  customerId: row.customer_id,
  category: row.category,
  reason: row.reason,
  status: row.status,
  proposedBy: row.proposed_by,
  proposedAt: new Date(row.proposed_at).toISOString(),
  decidedBy: row.decided_by,
  decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
  limits: row.limits === null ? null : (JSON.parse(row.limits) as BlacklistLimits),
});

/** Builds the book over the blacklist_entries table. */
export function createBlacklistBook(db: Database, now: () => number, newId: () => string): BlacklistBook {
  const customer = db.prepare(
    'SELECT blacklist_status AS status FROM customers WHERE tenant_id = ? AND id = ?',
  );
  const openProposal = db.prepare(
    "SELECT id FROM blacklist_entries WHERE tenant_id = ? AND customer_id = ? AND category = ? AND status = 'proposed'",
  );
  const insert = db.prepare(
    "INSERT INTO blacklist_entries (id, tenant_id, customer_id, category, reason, status, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, 'proposed', ?, ?)",
  );
  const one = db.prepare('SELECT * FROM blacklist_entries WHERE tenant_id = ? AND id = ?');
  const decide = db.prepare(
    'UPDATE blacklist_entries SET status = ?, decided_by = ?, decided_at = ?, limits = ? WHERE tenant_id = ? AND id = ?',
  );
  const setCustomer = db.prepare('UPDATE customers SET blacklist_status = ? WHERE tenant_id = ? AND id = ?');
  const confirmedCount = db.prepare(
    "SELECT COUNT(*) AS n FROM blacklist_entries WHERE tenant_id = ? AND customer_id = ? AND status = 'confirmed'",
  );
  const proposedCount = db.prepare(
    "SELECT COUNT(*) AS n FROM blacklist_entries WHERE tenant_id = ? AND customer_id = ? AND status = 'proposed'",
  );

  const pending = (tenantId: string, entryId: string): EntryRow => {
    const row = one.get(tenantId, entryId) as EntryRow | undefined;
    if (!row) throw new SeatError('NOT_FOUND', `There is no blacklist entry ${entryId}.`);
    if (row.status !== 'proposed') throw new SeatError('CONFLICT', `This entry was already ${row.status}.`);
    return row;
  };
  const customerStatus = (tenantId: string, customerId: string) => {
    if ((confirmedCount.get(tenantId, customerId) as { n: number }).n > 0) return 'confirmed';
    return (proposedCount.get(tenantId, customerId) as { n: number }).n > 0 ? 'proposed' : 'none';
  };

  return {
    propose(tenantId, request, by) {
      if (!customer.get(tenantId, request.customerId))
        throw new SeatError('NOT_FOUND', `There is no customer ${request.customerId}.`);
      if (openProposal.get(tenantId, request.customerId, request.category)) {
        throw new SeatError('CONFLICT', 'This customer already has an open proposal in this category.');
      }
      const id = newId();
      db.transaction(() => {
        insert.run(id, tenantId, request.customerId, request.category, request.reason, by, now());
        setCustomer.run(customerStatus(tenantId, request.customerId), tenantId, request.customerId);
      })();
      return toEntry(one.get(tenantId, id) as EntryRow);
    },
    confirm(tenantId, entryId, limits, by, toEngine) {
      const row = pending(tenantId, entryId);
      toEngine({ customerId: row.customer_id, category: row.category, limits }, () => {
        decide.run('confirmed', by, now(), JSON.stringify(limits), tenantId, entryId);
        setCustomer.run('confirmed', tenantId, row.customer_id);
      });
      return toEntry(one.get(tenantId, entryId) as EntryRow);
    },
    reject(tenantId, entryId, by) {
      const row = pending(tenantId, entryId);
      db.transaction(() => {
        decide.run('rejected', by, now(), null, tenantId, entryId);
        setCustomer.run(customerStatus(tenantId, row.customer_id), tenantId, row.customer_id);
      })();
      return toEntry(one.get(tenantId, entryId) as EntryRow);
    },
    list(tenantId, status) {
      const sql = `SELECT * FROM blacklist_entries WHERE tenant_id = ?${status ? ' AND status = ?' : ''} ORDER BY proposed_at DESC, id`;
      const rows = (
        status ? db.prepare(sql).all(tenantId, status) : db.prepare(sql).all(tenantId)
      ) as EntryRow[];
      return rows.map(toEntry);
    },
  };
}
