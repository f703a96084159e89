import type { Customer } from '@contract/http/customers';
import { sql, type Kysely } from 'kysely';
import type { SeatDatabase } from '../schema';

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

async function hydrate(db: Kysely<SeatDatabase>, tenantId: string, ids: string[]): Promise<Customer[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('customers')
    .leftJoin('agents', 'agents.id', 'customers.account_manager_agent_id')
    .select([
      'customers.id',
      'customers.name',
      'customers.tier',
      'customers.blacklist_status',
      'customers.consent_marketing',
      'customers.consent_recording',
      'customers.notes',
      'agents.id as manager_id',
      'agents.display_name as manager_name',
    ])
    .where('customers.tenant_id', '=', tenantId)
    .where('customers.id', 'in', ids)
    .execute();
  const points = await db
    .selectFrom('customer_contact_points')
    .select(['id', 'customer_id', 'kind', 'value'])
    .where('tenant_id', '=', tenantId)
    .where('customer_id', 'in', ids)
    .orderBy('id')
    .execute();
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        tier: r.tier,
        accountManager:
          r.manager_id && r.manager_name ? { agentId: r.manager_id, displayName: r.manager_name } : null,
        blacklist: r.blacklist_status,
        consent: { marketing: r.consent_marketing === 1, recording: r.consent_recording === 1 },
        notes: r.notes,
        contactPoints: points
          .filter((p) => p.customer_id === r.id)
          .map((p) => ({ id: p.id, kind: p.kind, value: p.value })),
      } satisfies Customer,
    ]),
  );
  // Keep the order the caller asked for (search relevance, then name).
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One customer of the tenant, or null. */
export async function getCustomer(
  db: Kysely<SeatDatabase>,
  tenantId: string,
  id: string,
): Promise<Customer | null> {
  return (await hydrate(db, tenantId, [id]))[0] ?? null;
}

/** Customers whose name or any contact point contains `q` (case-insensitive), by name. */
export async function searchCustomers(
  db: Kysely<SeatDatabase>,
  tenantId: string,
  q: string,
  limit: number,
): Promise<Customer[]> {
  const pattern = likePattern(q);
  // Phone numbers are stored in E.164; let "138 0013 8000" or "0044…" style input still match digits.
  const digits = q.replace(/[\s()-]/g, '');
  const digitPattern = likePattern(digits);
  const matches = await db
    .selectFrom('customers')
    .select(['customers.id', 'customers.name'])
    .where('customers.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('customers.name')}) like ${pattern} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('customer_contact_points as cp')
            .select('cp.id')
            .whereRef('cp.customer_id', '=', 'customers.id')
            .where('cp.tenant_id', '=', tenantId)
            .where((inner) =>
              inner.or([
                sql<boolean>`lower(${inner.ref('cp.value')}) like ${pattern} escape '\\'`,
                sql<boolean>`${inner.ref('cp.value')} like ${digitPattern} escape '\\'`,
              ]),
            ),
        ),
      ]),
    )
    .orderBy('customers.name')
    .orderBy('customers.id')
    .limit(limit)
    .execute();
  return hydrate(
    db,
    tenantId,
    matches.map((m) => m.id),
  );
}
