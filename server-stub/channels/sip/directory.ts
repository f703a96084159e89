import type { Database } from 'better-sqlite3';
import type { DigestAlgorithm } from './registrar/ha1';

// Names the edge resolves from SIP addresses, read from the store: the tenant from the domain, a
// queue from the user part of a request URI, an agent's account from its AOR, a customer from
// the caller's number. Synchronous (better-sqlite3) so a SIP transaction never interleaves.

/** A Seat user as SIP sees it. */
export interface SipAccount {
  userId: string;
  username: string;
  agentId: string | null;
  ha1Md5: string | null;
  ha1Sha256: string | null;
  realm: string | null;
}

/** Lookups of SIP names. */
export interface SipDirectory {
  /** The tenant whose slug is the first label of `host` (`demo` or `demo.example.com`). */
  tenantByHost(host: string): { id: string; slug: string } | null;
  /** The queue addressed by `user`: its id, or its name as a slug (`Technical Support` is `technical-support`). */
  queueByUser(tenantId: string, user: string): { id: string; name: string } | null;
  account(tenantId: string, username: string): SipAccount | null;
  accountOfAgent(tenantId: string, agentId: string): SipAccount | null;
  /** The customer with this phone number as a contact point, if exactly known. */
  customerByPhone(tenantId: string, phone: string): string | null;
}

/** `Technical Support` → `technical-support`. */
export const queueSlug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** HA1 of an account for one algorithm, or null when none was derived. */
export const ha1For = (account: SipAccount, algorithm: DigestAlgorithm) =>
  algorithm === 'MD5' ? account.ha1Md5 : account.ha1Sha256;

/** The directory over the store's SQLite connection. */
export function createSipDirectory(sqlite: Database): SipDirectory {
  const tenant = sqlite.prepare('SELECT id, slug FROM tenants WHERE slug = ?');
  const queues = sqlite.prepare('SELECT id, name FROM queues WHERE tenant_id = ?');
  const accountSql = `SELECT u.id AS userId, u.username AS username, u.agent_id AS agentId, c.ha1_md5 AS ha1Md5, c.ha1_sha256 AS ha1Sha256, c.realm AS realm
    FROM users u LEFT JOIN sip_credentials c ON c.user_id = u.id WHERE u.tenant_id = ?`;
  const byName = sqlite.prepare(`${accountSql} AND u.username = ?`);
  const byAgent = sqlite.prepare(`${accountSql} AND u.agent_id = ? ORDER BY u.username LIMIT 1`);
  const phone = sqlite.prepare(
    "SELECT customer_id AS id FROM customer_contact_points WHERE tenant_id = ? AND kind = 'phone' AND value = ? LIMIT 2",
  );

  return {
    tenantByHost(host) {
      const slug = host.toLowerCase().split('.')[0] ?? '';
      return (tenant.get(slug) as { id: string; slug: string } | undefined) ?? null;
    },
    queueByUser(tenantId, user) {
      const wanted = user.toLowerCase();
      const rows = queues.all(tenantId) as Array<{ id: string; name: string }>;
      return (
        rows.find((q) => q.id.toLowerCase() === wanted) ??
        rows.find((q) => queueSlug(q.name) === wanted) ??
        null
      );
    },
    account: (tenantId, username) => (byName.get(tenantId, username) as SipAccount | undefined) ?? null,
    accountOfAgent: (tenantId, agentId) => (byAgent.get(tenantId, agentId) as SipAccount | undefined) ?? null,
    customerByPhone(tenantId, number) {
      const rows = phone.all(tenantId, number) as Array<{ id: string }>;
      return rows.length === 1 ? (rows[0] as { id: string }).id : null;
    },
  };
}
