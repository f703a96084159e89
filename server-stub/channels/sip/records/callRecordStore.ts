import type { Database } from 'better-sqlite3';
import type { CallListQuery, CallRecord } from '@contract/http/calls';

// Call records in the store. Written synchronously (better-sqlite3), as the call manager is: a
// SIP transaction never waits on a promise, so a record can never be half written when the next
// message for the same call arrives. Times come from the injected clock.

/** What the call manager tells the store when a call starts. */
export interface CallStart {
  id: string;
  tenantId: string;
  interactionId: string | null;
  direction: CallRecord['direction'];
  from: string;
  to: string;
  customerId: string | null;
  callerAgentId: string | null;
  queueId: string | null;
}

/** The call records of every tenant. */
export interface CallRecordStore {
  started(call: CallStart): void;
  answered(id: string): void;
  /** Adds an agent connected to the call (answer, transfer); once per agent, in order. */
  agentJoined(id: string, agentId: string): void;
  ended(id: string, reason: string): void;
  /** The wrap-up disposition of an interaction's calls. */
  disposition(tenantId: string, interactionId: string, disposition: string): void;
  list(tenantId: string, query: CallListQuery): CallRecord[];
  get(tenantId: string, id: string): CallRecord | null;
}

interface Row {
  id: string;
  interaction_id: string | null;
  direction: CallRecord['direction'];
  from_party: string;
  to_party: string;
  customer_id: string | null;
  caller_agent_id: string | null;
  agent_ids: string;
  queue_id: string | null;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  disposition: string | null;
}

const toRecord = (row: Row): CallRecord => ({
  id: row.id,
  interactionId: row.interaction_id,
  direction: row.direction,
  from: row.from_party,
  to: row.to_party,
  customerId: row.customer_id,
  callerAgentId: row.caller_agent_id,
  agentIds: JSON.parse(row.agent_ids) as string[],
  queueId: row.queue_id,
  startedAt: row.started_at,
  answeredAt: row.answered_at,
  endedAt: row.ended_at,
  endReason: row.end_reason,
  disposition: row.disposition,
});

/** The store over the server's SQLite connection; `now` stamps the times. */
export function createCallRecordStore(sqlite: Database, now: () => number): CallRecordStore {
  const iso = () => new Date(now()).toISOString();
  const insert = sqlite.prepare(
    `INSERT INTO call_records (id, tenant_id, interaction_id, direction, from_party, to_party, customer_id, caller_agent_id, queue_id, started_at)
     VALUES (@id, @tenantId, @interactionId, @direction, @from, @to, @customerId, @callerAgentId, @queueId, @at)`,
  );
  const answer = sqlite.prepare(
    'UPDATE call_records SET answered_at = ? WHERE id = ? AND answered_at IS NULL',
  );
  const agents = sqlite.prepare('SELECT agent_ids FROM call_records WHERE id = ?');
  const setAgents = sqlite.prepare('UPDATE call_records SET agent_ids = ? WHERE id = ?');
  const end = sqlite.prepare(
    'UPDATE call_records SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL',
  );
  const dispose = sqlite.prepare(
    'UPDATE call_records SET disposition = ? WHERE tenant_id = ? AND interaction_id = ? AND disposition IS NULL',
  );
  const one = sqlite.prepare('SELECT * FROM call_records WHERE tenant_id = ? AND id = ?');

  return {
    started: (call) => void insert.run({ ...call, at: iso() }),
    answered: (id) => void answer.run(iso(), id),
    agentJoined(id, agentId) {
      const row = agents.get(id) as { agent_ids: string } | undefined;
      if (!row) return;
      const list = JSON.parse(row.agent_ids) as string[];
      if (list[list.length - 1] === agentId) return;
      setAgents.run(JSON.stringify([...list, agentId]), id);
    },
    ended: (id, reason) => void end.run(iso(), reason, id),
    disposition: (tenantId, interactionId, disposition) =>
      void dispose.run(disposition, tenantId, interactionId),
    get(tenantId, id) {
      const row = one.get(tenantId, id) as Row | undefined;
      return row ? toRecord(row) : null;
    },
    list(tenantId, query) {
      const where = ['tenant_id = ?'];
      const args: unknown[] = [tenantId];
      const add = (clause: string, value: unknown) => {
        where.push(clause);
        args.push(value);
      };
      if (query.customerId) add('customer_id = ?', query.customerId);
      if (query.queueId) add('queue_id = ?', query.queueId);
      if (query.interactionId) add('interaction_id = ?', query.interactionId);
      if (query.direction) add('direction = ?', query.direction);
      if (query.since) add('started_at >= ?', new Date(query.since).toISOString());
      if (query.until) add('started_at < ?', new Date(query.until).toISOString());
      if (query.agentId) {
        // agent_ids is a JSON array of ids; the caller of an internal/outbound call counts too.
        where.push(
          '(caller_agent_id = ? OR EXISTS (SELECT 1 FROM json_each(call_records.agent_ids) WHERE value = ?))',
        );
        args.push(query.agentId, query.agentId);
      }
      const rows = sqlite
        .prepare(
          `SELECT * FROM call_records WHERE ${where.join(' AND ')} ORDER BY started_at DESC, id DESC LIMIT ?`,
        )
        .all(...args, query.limit) as Row[];
      return rows.map(toRecord);
    },
  };
}

/**
 * The same store with write failures logged instead of thrown: a record that cannot be written
 * (disk full, database closing at shutdown) must not break the call it describes.
 */
export function withLoggedFailures(
  store: CallRecordStore,
  log: { warn(details: Record<string, unknown>, message: string): void },
): CallRecordStore {
  const guard =
    <A extends unknown[]>(what: string, write: (...args: A) => void) =>
    (...args: A) => {
      try {
        write(...args);
      } catch (error) {
        log.warn({ err: error, what }, 'call record not written');
      }
    };
  return {
    started: guard('started', store.started),
    answered: guard('answered', store.answered),
    agentJoined: guard('agentJoined', store.agentJoined),
    ended: guard('ended', store.ended),
    disposition: guard('disposition', store.disposition),
    list: store.list,
    get: store.get,
  };
}
