import { SeatError } from '@contract/errors';
import type { AgentStatus } from '@contract/ws';
import type { Kysely } from 'kysely';
import type { SeatDatabase } from '../store/schema';
import type { AgentStateChange, AgentStateService } from './agentStateService';
import { checkTransition } from './transitions';

/** Agent states persisted in the `agent_state` table; the clock is injected. */
export function createSqliteAgentStateService(
  db: Kysely<SeatDatabase>,
  now: () => number,
): AgentStateService {
  const listeners = new Set<(change: AgentStateChange) => void>();

  const read = async (
    tenantId: string,
    agentId: string,
    executor: Kysely<SeatDatabase> = db,
  ): Promise<AgentStatus> => {
    const agent = await executor
      .selectFrom('agents')
      .leftJoin('agent_state', 'agent_state.agent_id', 'agents.id')
      .select(['agents.id', 'agent_state.state', 'agent_state.reason', 'agent_state.since'])
      .where('agents.tenant_id', '=', tenantId)
      .where('agents.id', '=', agentId)
      .executeTakeFirst();
    if (!agent) throw new SeatError('NOT_FOUND', 'There is no such agent.');
    // An agent created after the seed has no row yet: they start logged out.
    return {
      agentId: agent.id,
      state: agent.state ?? 'logged_out',
      reason: agent.reason ?? null,
      since: agent.since ?? new Date(0).toISOString(),
    };
  };

  return {
    get: (tenantId, agentId) => read(tenantId, agentId),

    async request(tenantId, agentId, request) {
      const { previous, status, changed } = await db.transaction().execute(async (trx) => {
        // Read and write on the transaction: the store has one connection, and a query on `db` here would wait for ever.
        const previous = await read(tenantId, agentId, trx);
        const reasonCodes = (
          await trx.selectFrom('reason_codes').select('code').where('tenant_id', '=', tenantId).execute()
        ).map((r) => r.code);
        if (checkTransition(previous, request, reasonCodes) === 'unchanged')
          return { previous, status: previous, changed: false };
        const status: AgentStatus = {
          agentId,
          state: request.state,
          reason: request.state === 'not_ready' ? (request.reason ?? null) : null,
          since: new Date(now()).toISOString(),
        };
        await trx
          .insertInto('agent_state')
          .values({
            agent_id: agentId,
            tenant_id: tenantId,
            state: status.state,
            reason: status.reason,
            since: status.since,
          })
          .onConflict((oc) =>
            oc
              .column('agent_id')
              .doUpdateSet({ state: status.state, reason: status.reason, since: status.since }),
          )
          .execute();
        return { previous, status, changed: true };
      });
      if (changed) for (const listener of listeners) listener({ tenantId, previous, status });
      return { status, changed };
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
