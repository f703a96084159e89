import type { AdminUser } from '@contract/http/admin';
import type { Kysely } from 'kysely';
import type { SeatDatabase } from '../schema';

/** Every account of the tenant, without password hashes, by user name. */
export async function listUsers(db: Kysely<SeatDatabase>, tenantId: string): Promise<AdminUser[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'agent_id', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('username')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    agentId: r.agent_id,
    createdAt: r.created_at,
  }));
}
