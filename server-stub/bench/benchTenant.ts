import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/authService';
import type { SeatStore } from '../store/database';

// A tenant sized for the end-to-end benchmark: many agents on one queue, each with a session made
// directly in the store (2,000 scrypt logins would measure password hashing, not routing).

/** Tokens of the bench tenant's admin and agents. */
export interface BenchTenant {
  tenantId: string;
  queueId: string;
  adminToken: string;
  agentTokens: string[];
}

/** Inserts the bench tenant with `agents` agents and one queue (the load is SMS); call before the server starts. */
export async function seedBenchTenant(store: SeatStore, agents: number, now: number): Promise<BenchTenant> {
  const tenantId = 'tenant-bench';
  const queueId = 'bench-queue';
  const at = new Date(now).toISOString();
  const expires = new Date(now + 24 * 3600 * 1000).toISOString();
  const token = () => randomBytes(24).toString('base64url');
  const adminToken = token();
  const agentTokens = Array.from({ length: agents }, token);
  // A password hash nobody can match: these users sign in through the sessions made here only.
  const noPassword = 'scrypt$16384$8$1$AAAA$AAAA';
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenants')
      .values({ id: tenantId, slug: 'bench', name: 'Benchmark', created_at: at })
      .execute();
    await trx
      .insertInto('skills')
      .values({ id: 'bench-skill', tenant_id: tenantId, name: 'bench' })
      .execute();
    await trx
      .insertInto('queues')
      .values({
        id: queueId,
        tenant_id: tenantId,
        name: 'Bench',
        service_level_seconds: 20,
        config: JSON.stringify({ routing: { wrapupSeconds: 60, offerTimeoutSeconds: 30, announce: null } }),
      })
      .execute();
    await trx
      .insertInto('queue_skills')
      .values({ queue_id: queueId, skill_id: 'bench-skill', min_proficiency: 1 })
      .execute();
    await trx
      .insertInto('users')
      .values({
        id: 'bench-admin',
        tenant_id: tenantId,
        username: 'admin',
        display_name: 'Bench admin',
        role: 'admin',
        password_hash: noPassword,
        agent_id: null,
        created_at: at,
      })
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: 'bench-admin-session',
        tenant_id: tenantId,
        user_id: 'bench-admin',
        token_hash: hashToken(adminToken),
        created_at: at,
        expires_at: expires,
        revoked_at: null,
      })
      .execute();
    for (let start = 0; start < agents; start += 200) {
      const ids = Array.from({ length: Math.min(200, agents - start) }, (_, k) => start + k);
      const agentId = (i: number) => `bench-agent-${String(i).padStart(5, '0')}`;
      await trx
        .insertInto('agents')
        .values(
          ids.map((i) => ({
            id: agentId(i),
            tenant_id: tenantId,
            team_id: null,
            display_name: `Agent ${i}`,
            // The load generator sends SMS; one at a time keeps the measure what it was with calls.
            capacity_sms: 1,
          })),
        )
        .execute();
      await trx
        .insertInto('agent_skills')
        .values(
          ids.map((i) => ({ agent_id: agentId(i), skill_id: 'bench-skill', proficiency: 1 + (i % 10) })),
        )
        .execute();
      await trx
        .insertInto('users')
        .values(
          ids.map((i) => ({
            id: `bench-user-${i}`,
            tenant_id: tenantId,
            username: `agent${i}`,
            display_name: `Agent ${i}`,
            role: 'agent' as const,
            password_hash: noPassword,
            agent_id: agentId(i),
            created_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('sessions')
        .values(
          ids.map((i) => ({
            id: `bench-session-${i}`,
            tenant_id: tenantId,
            user_id: `bench-user-${i}`,
            token_hash: hashToken(agentTokens[i]!),
            created_at: at,
            expires_at: expires,
            revoked_at: null,
          })),
        )
        .execute();
    }
  });
  return { tenantId, queueId, adminToken, agentTokens };
}
