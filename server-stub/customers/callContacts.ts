import type { Database } from 'better-sqlite3';
import type { CallRecordStore } from '../channels/sip/records/callRecordStore';
import { afterClause } from './contactCursor';
import type { ContactSource } from './contactSource';

// Calls in the history are the call records as the SIP edge wrote them: the store maps each row,
// so a call reads the same here as in GET /api/calls.

/** The customer's calls. */
export function callContacts(sqlite: Database, records: Pick<CallRecordStore, 'get'>): ContactSource {
  return (tenantId, customerId, after, limit) => {
    const clause = afterClause(after, 'voice', 'started_at', 'id', (ms) => new Date(ms).toISOString());
    const rows = sqlite
      .prepare(
        `SELECT id FROM call_records WHERE tenant_id = ? AND customer_id = ? AND ${clause.sql}
         ORDER BY started_at DESC, id DESC LIMIT ?`,
      )
      .all(tenantId, customerId, ...clause.args, limit) as Array<{ id: string }>;
    return rows.flatMap(({ id }) => {
      const call = records.get(tenantId, id);
      return call ? [{ ...call, channel: 'voice' as const, summary: null, preview: null }] : [];
    });
  };
}
