import type { Database } from 'better-sqlite3';
import type { Interaction, InteractionState } from '@contract/routing';
import type { Decision } from '../routing/decisions';
import type { RouterEvent } from '../routing/events';

// The interactions table is a projection of the log: what the API reads without asking the engine.
// It is written in the same transaction as the event it follows, so it never runs ahead of or behind
// the log. The log stays the truth; the projection could be rebuilt from it.

/** A stored interaction row. */
export interface InteractionRow {
  tenant_id: string;
  id: string;
  channel: Interaction['channel'];
  queue_id: string;
  customer_id: string | null;
  state: InteractionState;
  agent_id: string | null;
  attached: string;
  disposition: string | null;
  release_reason: string | null;
  created_at: number;
  updated_at: number;
  last_seq: number;
  /** Head start in seconds from the queue's priority classes at arrival; null on rows older than it. */
  priority: number | null;
  /** Arrival plus the queue's service-level threshold (epoch ms), or null. */
  sla_due_at: number | null;
}

/** What the service knows about an arrival beyond its event: its routing priority and SLA deadline. */
export interface ArrivalFacts {
  priority: number | null;
  slaDueAt: number | null;
}

const noFacts: ArrivalFacts = { priority: null, slaDueAt: null };

/** Writes and reads the interaction projection and the idempotency keys. */
export interface InteractionProjection {
  /** Applies one accepted event and its decisions; call inside the log transaction. */
  apply(
    tenantId: string,
    seq: number,
    event: RouterEvent,
    decisions: readonly Decision[],
    arrival?: ArrivalFacts,
  ): void;
  /**
   * Brings the in-memory copy of recent rows up to date; call after the commit (never inside it, so a
   * rolled-back transaction cannot leave the copy ahead of the table).
   */
  remember(
    tenantId: string,
    seq: number,
    event: RouterEvent,
    decisions: readonly Decision[],
    arrival?: ArrivalFacts,
  ): void;
  /** Remembers which interaction an idempotency key created, with a hash of the request. */
  rememberKey(tenantId: string, key: string, interactionId: string, requestHash: string, at: number): void;
  /** The interaction a key created, if any. */
  findKey(tenantId: string, key: string): { interactionId: string; requestHash: string } | undefined;
  get(tenantId: string, interactionId: string): InteractionRow | undefined;
  /** Interactions an agent is offered or holds (offered, active, wrap-up), oldest first. */
  heldBy(tenantId: string, agentId: string): InteractionRow[];
  /**
   * Interactions in the given states, newest first, at most `limit`; with `agents`, only those queued
   * or offered to or held by one of these agents (a team lead's view).
   */
  list(
    tenantId: string,
    states: readonly InteractionState[],
    limit: number,
    agents?: readonly string[],
  ): InteractionRow[];
}

const liveForAgent = ['offered', 'active', 'wrapup'] as const;

/** Maps the engine's interaction states onto the wire's. */
function wireState(state: Extract<Decision, { type: 'interaction_state' }>['state']): InteractionState {
  return state;
}

/** How many recent rows the projection keeps in memory: the seats' frames read them many times each. */
const cachedRows = 20_000;

/** Builds the projection over the tables of the interaction migration. */
export function createInteractionProjection(db: Database): InteractionProjection {
  const cache = new Map<string, InteractionRow>();
  const cacheKey = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;
  const cachePut = (key: string, row: InteractionRow) => {
    cache.delete(key);
    cache.set(key, row);
    if (cache.size > cachedRows) cache.delete(cache.keys().next().value as string);
  };
  const insert = db.prepare(
    `INSERT INTO interactions (tenant_id, id, channel, queue_id, customer_id, state, agent_id, attached, disposition,
       release_reason, created_at, updated_at, last_seq, priority, sla_due_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setState = db.prepare(
    `UPDATE interactions SET state = ?, queue_id = ?, agent_id = ?, disposition = COALESCE(?, disposition), updated_at = ?, last_seq = ?
     WHERE tenant_id = ? AND id = ?`,
  );
  const setOffered = db.prepare(
    `UPDATE interactions SET state = 'offered', queue_id = ?, agent_id = ?, updated_at = ?, last_seq = ? WHERE tenant_id = ? AND id = ?`,
  );
  const setReleased = db.prepare(
    `UPDATE interactions SET release_reason = ?, updated_at = ?, last_seq = ? WHERE tenant_id = ? AND id = ?`,
  );
  // The directory's agent_state table follows the router, so /api/agents shows what routing holds.
  const agentState = db.prepare(
    `INSERT INTO agent_state (agent_id, tenant_id, state, reason, since) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (agent_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, since = excluded.since`,
  );
  const insertKey = db.prepare(
    'INSERT INTO interaction_keys (tenant_id, idempotency_key, interaction_id, request_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectKey = db.prepare(
    'SELECT interaction_id AS interactionId, request_hash AS requestHash FROM interaction_keys WHERE tenant_id = ? AND idempotency_key = ?',
  );
  const selectOne = db.prepare('SELECT * FROM interactions WHERE tenant_id = ? AND id = ?');
  const selectHeld = db.prepare(
    `SELECT * FROM interactions WHERE tenant_id = ? AND agent_id = ? AND state IN (${liveForAgent.map(() => '?').join(', ')})
     ORDER BY created_at, id`,
  );

  return {
    apply(tenantId, seq, event, decisions, arrival = noFacts) {
      let rest = decisions;
      if (event.type === 'arrive') {
        // An arrival is usually queued and offered by its own event: those changes are folded into
        // the row before it is inserted (the same row as insert-then-update, in one write, not three).
        const row = {
          state: 'queued' as InteractionState,
          queue_id: event.queueId,
          agent_id: null as string | null,
          disposition: null as string | null,
          release_reason: null as string | null,
          updated_at: event.at,
        };
        const others: Decision[] = [];
        for (const d of decisions) {
          if (d.type === 'interaction_state' && d.interactionId === event.interactionId) {
            row.state = wireState(d.state);
            row.queue_id = d.queueId;
            row.agent_id = d.agentId;
            row.disposition = d.disposition ?? row.disposition;
            row.updated_at = d.at;
          } else if (d.type === 'offer' && d.interactionId === event.interactionId) {
            row.state = 'offered';
            row.queue_id = d.queueId;
            row.agent_id = d.agentId;
            row.updated_at = d.at;
          } else if (d.type === 'release' && d.interactionId === event.interactionId) {
            row.release_reason = d.message;
            row.updated_at = d.at;
          } else {
            others.push(d);
          }
        }
        insert.run(
          tenantId,
          event.interactionId,
          event.channel,
          row.queue_id,
          event.customerId,
          row.state,
          row.agent_id,
          JSON.stringify(event.data),
          row.disposition,
          row.release_reason,
          event.at,
          row.updated_at,
          seq,
          arrival.priority,
          arrival.slaDueAt,
        );
        rest = others;
      }
      for (const d of rest) {
        if (d.type === 'interaction_state') {
          setState.run(
            wireState(d.state),
            d.queueId,
            d.agentId,
            d.disposition,
            d.at,
            seq,
            tenantId,
            d.interactionId,
          );
        } else if (d.type === 'offer') {
          setOffered.run(d.queueId, d.agentId, d.at, seq, tenantId, d.interactionId);
        } else if (d.type === 'release') {
          setReleased.run(d.message, d.at, seq, tenantId, d.interactionId);
        } else if (d.type === 'agent_state') {
          agentState.run(d.agentId, tenantId, d.state, d.reason, new Date(d.at).toISOString());
        }
      }
    },
    remember(tenantId, seq, event, decisions, arrival = noFacts) {
      if (event.type === 'arrive') {
        cachePut(cacheKey(tenantId, event.interactionId), {
          tenant_id: tenantId,
          id: event.interactionId,
          channel: event.channel,
          queue_id: event.queueId,
          customer_id: event.customerId,
          state: 'queued',
          agent_id: null,
          attached: JSON.stringify(event.data),
          disposition: null,
          release_reason: null,
          created_at: event.at,
          updated_at: event.at,
          last_seq: seq,
          priority: arrival.priority,
          sla_due_at: arrival.slaDueAt,
        });
      }
      for (const d of decisions) {
        if (d.type !== 'interaction_state' && d.type !== 'offer' && d.type !== 'release') continue;
        const key = cacheKey(tenantId, d.interactionId);
        const row = cache.get(key);
        // Not in memory: the next read fetches it from the table, which already holds this change.
        if (!row) continue;
        // Object.assign, not spread: spreading runs a slow V8 path on these per-event copies.
        if (d.type === 'interaction_state') {
          cachePut(
            key,
            Object.assign({}, row, {
              state: wireState(d.state),
              queue_id: d.queueId,
              agent_id: d.agentId,
              disposition: d.disposition ?? row.disposition,
              updated_at: d.at,
              last_seq: seq,
            }),
          );
        } else if (d.type === 'offer') {
          cachePut(
            key,
            Object.assign({}, row, {
              state: 'offered' as const,
              queue_id: d.queueId,
              agent_id: d.agentId,
              updated_at: d.at,
              last_seq: seq,
            }),
          );
        } else {
          cachePut(
            key,
            Object.assign({}, row, { release_reason: d.message, updated_at: d.at, last_seq: seq }),
          );
        }
      }
    },
    rememberKey(tenantId, key, interactionId, requestHash, at) {
      insertKey.run(tenantId, key, interactionId, requestHash, at);
    },
    findKey(tenantId, key) {
      return selectKey.get(tenantId, key) as { interactionId: string; requestHash: string } | undefined;
    },
    get(tenantId, interactionId) {
      const key = cacheKey(tenantId, interactionId);
      const cached = cache.get(key);
      if (cached) return cached;
      const row = selectOne.get(tenantId, interactionId) as InteractionRow | undefined;
      if (row) cachePut(key, row);
      return row;
    },
    heldBy(tenantId, agentId) {
      return selectHeld.all(tenantId, agentId, ...liveForAgent) as InteractionRow[];
    },
    list(tenantId, states, limit, agents) {
      if (states.length === 0) return [];
      const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
      const scope =
        agents === undefined
          ? ''
          : agents.length === 0
            ? ` AND state = 'queued'`
            : ` AND (state = 'queued' OR agent_id IN (${marks(agents.length)}))`;
      const sql = `SELECT * FROM interactions WHERE tenant_id = ? AND state IN (${marks(states.length)})${scope}
        ORDER BY created_at DESC, id DESC LIMIT ?`;
      return db.prepare(sql).all(tenantId, ...states, ...(agents ?? []), limit) as InteractionRow[];
    },
  };
}

/** Turns a row into the wire shape; `wait` adds position and estimated wait while queued. */
export function toInteraction(
  row: InteractionRow,
  wait?: { position: number; ewtSeconds: number } | null,
): Interaction {
  const queued = row.state === 'queued' || row.state === 'offered';
  return {
    id: row.id,
    channel: row.channel,
    queueId: row.queue_id,
    customerId: row.customer_id,
    state: row.state,
    agentId: row.agent_id,
    attached: JSON.parse(row.attached) as Record<string, unknown>,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    estimatedWaitSeconds: queued && wait ? wait.ewtSeconds : null,
    position: queued && wait ? wait.position : null,
    disposition: row.disposition,
    releaseReason: row.release_reason,
    priority: row.priority ?? null,
    slaDueAt:
      row.sla_due_at === null || row.sla_due_at === undefined ? null : new Date(row.sla_due_at).toISOString(),
  };
}
