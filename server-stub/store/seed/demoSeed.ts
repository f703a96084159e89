import type { Insertable, Kysely, Transaction } from 'kysely';
import { hashPassword, type ScryptParams } from '../../auth/password';
import { sipCredentialRow } from '../../channels/sip/registrar/ha1';
import type { SeatDatabase } from '../schema';
import {
  chineseGivenNames,
  chineseSurnames,
  customerNotes,
  demoPassword,
  demoQueues,
  demoReasonCodes,
  demoSkills,
  demoTeams,
  englishGivenNames,
  englishSurnames,
  type DemoSkill,
} from './demoData';
import { createPrng, type Prng } from './prng';

/** What the demo seed needs from outside: the clock and the password cost. */
export interface DemoSeedDeps {
  now: () => number;
  scrypt?: ScryptParams;
}

export const demoTenantSlug = 'demo';
export const demoTenantId = 'tenant-demo';
const seed = 20240601;
const agentCount = 24;
const customerCount = 500;
const batchSize = 100;

interface Person {
  display: string;
  emailLocal: string;
  chinese: boolean;
}

function person(prng: Prng): Person {
  if (prng.chance(0.5)) {
    const [surname, surnamePinyin] = prng.pick(chineseSurnames);
    const [given, givenPinyin] = prng.pick(chineseGivenNames);
    return { display: `${surname}${given}`, emailLocal: `${givenPinyin}.${surnamePinyin}`, chinese: true };
  }
  const given = prng.pick(englishGivenNames);
  const surname = prng.pick(englishSurnames);
  return { display: `${given} ${surname}`, emailLocal: `${given}.${surname}`.toLowerCase(), chinese: false };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Skills for the i-th agent: a language, two or three products, and VIP for every fourth. */
function agentSkills(prng: Prng, index: number): Array<[DemoSkill, number]> {
  const skills = new Map<DemoSkill, number>();
  skills.set('english', prng.int(index % 3 === 0 ? 3 : 5, 10));
  if (index % 2 === 0) skills.set('mandarin', prng.int(5, 10));
  const products: DemoSkill[] = ['billing', 'technical', 'sales', 'broadband', 'mobile'];
  // Rotating the first product guarantees every queue's skill is held by several agents.
  skills.set(products[index % products.length] as DemoSkill, prng.int(5, 10));
  const extra = prng.int(1, 2);
  for (let i = 0; i < extra; i++) skills.set(prng.pick(products), prng.int(2, 9));
  if (index % 4 === 0) skills.set('vip', prng.int(7, 10));
  if (skills.has('technical') && !skills.has('broadband')) skills.set('broadband', prng.int(3, 8));
  return [...skills];
}

async function insertInBatches<T extends keyof SeatDatabase>(
  trx: Transaction<SeatDatabase>,
  table: T,
  rows: Array<Insertable<SeatDatabase[T]>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    // Kysely's generic insert typing cannot follow a table chosen at run time.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + batchSize) as never)
      .execute();
  }
}

/**
 * Seeds the demo tenant on first start: 24 agents, 2 team leads, an admin, 2 teams, 8 skills,
 * 6 queues, reason codes and 500 customers. Does nothing when the tenant exists already.
 * Returns whether it seeded.
 */
export async function seedDemoTenant(db: Kysely<SeatDatabase>, deps: DemoSeedDeps): Promise<boolean> {
  const existing = await db
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', demoTenantSlug)
    .executeTakeFirst();
  if (existing) return false;

  const prng = createPrng(seed);
  const createdAt = new Date(deps.now()).toISOString();
  const tenant = demoTenantId;

  const teams = demoTeams.map((name, i) => ({ id: `demo-team-${i + 1}`, tenant_id: tenant, name }));
  const skills = demoSkills.map((name) => ({ id: `demo-skill-${name}`, tenant_id: tenant, name }));

  // Accounts: agentNN, leadNN (who are agents too), admin.
  const accounts: Array<{
    username: string;
    role: 'agent' | 'team_lead' | 'admin';
    team: number;
    display: string;
  }> = [];
  for (let i = 1; i <= agentCount; i++) {
    accounts.push({
      username: `agent${pad(i, 2)}`,
      role: 'agent',
      team: i <= agentCount / 2 ? 0 : 1,
      display: person(prng).display,
    });
  }
  accounts.push({ username: 'lead01', role: 'team_lead', team: 0, display: person(prng).display });
  accounts.push({ username: 'lead02', role: 'team_lead', team: 1, display: person(prng).display });
  accounts.push({ username: 'admin', role: 'admin', team: -1, display: 'Centre Administrator' });

  const agents = accounts
    .filter((a) => a.role !== 'admin')
    .map((a) => ({
      id: `demo-agent-${a.username}`,
      tenant_id: tenant,
      team_id: teams[a.team]?.id ?? null,
      display_name: a.display,
    }));
  const agentSkillRows = agents.flatMap((agent, index) =>
    agentSkills(prng, index).map(([skill, proficiency]) => ({
      agent_id: agent.id,
      skill_id: `demo-skill-${skill}`,
      proficiency,
    })),
  );

  // Hash in parallel before the transaction: each user has its own salt, and scrypt runs on the
  // thread pool, so 27 hashes take a fraction of a second rather than blocking the write.
  const hashes = await Promise.all(accounts.map(() => hashPassword(demoPassword, deps.scrypt)));
  const users = accounts.map((a, i) => ({
    id: `demo-user-${a.username}`,
    tenant_id: tenant,
    username: a.username,
    display_name: a.display,
    role: a.role,
    password_hash: hashes[i] as string,
    agent_id: a.role === 'admin' ? null : `demo-agent-${a.username}`,
    created_at: createdAt,
  }));

  // SIP digest needs HA1, which the scrypt hash cannot give; it is derived here, with the password.
  const sipCredentials = users.map((u) =>
    sipCredentialRow({ id: u.id, tenantId: tenant, username: u.username }, demoTenantSlug, demoPassword),
  );

  const queues = demoQueues.map((q) => ({
    id: `demo-queue-${q.key}`,
    tenant_id: tenant,
    name: q.name,
    service_level_seconds: q.serviceLevelSeconds,
    config: JSON.stringify({ channels: q.channels, priority: q.priority }),
  }));
  const queueSkills = demoQueues.flatMap((q) =>
    q.skills.map(([skill, min]) => ({
      queue_id: `demo-queue-${q.key}`,
      skill_id: `demo-skill-${skill}`,
      min_proficiency: min,
    })),
  );
  const reasonCodes = demoReasonCodes.map(([code, label]) => ({
    id: `demo-reason-${code}`,
    tenant_id: tenant,
    code,
    label,
  }));

  const { customers, contactPoints } = demoCustomers(
    prng,
    agents.map((a) => a.id),
    createdAt,
  );

  const agentStates = agents.map((a) => ({
    agent_id: a.id,
    tenant_id: tenant,
    state: 'logged_out' as const,
    reason: null,
    since: createdAt,
  }));

  return db.transaction().execute(async (trx) => {
    // Re-checked inside the transaction so two processes starting together cannot both seed.
    const raced = await trx
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', demoTenantSlug)
      .executeTakeFirst();
    if (raced) return false;
    await trx
      .insertInto('tenants')
      .values({ id: tenant, slug: demoTenantSlug, name: 'Demo Contact Centre', created_at: createdAt })
      .execute();
    await insertInBatches(trx, 'teams', teams);
    await insertInBatches(trx, 'skills', skills);
    await insertInBatches(trx, 'agents', agents);
    await insertInBatches(trx, 'agent_skills', agentSkillRows);
    await insertInBatches(trx, 'users', users);
    await insertInBatches(trx, 'sip_credentials', sipCredentials);
    await insertInBatches(trx, 'reason_codes', reasonCodes);
    await insertInBatches(trx, 'queues', queues);
    await insertInBatches(trx, 'queue_skills', queueSkills);
    await insertInBatches(trx, 'customers', customers);
    await insertInBatches(trx, 'customer_contact_points', contactPoints);
    await insertInBatches(trx, 'agent_state', agentStates);
    return true;
  });
}

function demoCustomers(prng: Prng, agentIds: string[], createdAt: string) {
  const customers: Array<Insertable<SeatDatabase['customers']>> = [];
  const contactPoints: Array<Insertable<SeatDatabase['customer_contact_points']>> = [];
  const usedValues = new Set<string>();
  const unique = (make: () => string) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const value = make();
      if (!usedValues.has(value)) {
        usedValues.add(value);
        return value;
      }
    }
    throw new Error('demo seed could not find a unique contact value');
  };

  for (let i = 1; i <= customerCount; i++) {
    const id = `demo-customer-${pad(i, 4)}`;
    const who = person(prng);
    const roll = prng.next();
    const tier = roll < 0.05 ? 'vip' : roll < 0.25 ? 'gold' : 'normal';
    const managed = tier === 'vip' || (tier === 'gold' && prng.chance(0.4));
    const blacklistRoll = prng.next();
    customers.push({
      id,
      tenant_id: demoTenantId,
      name: who.display,
      tier,
      account_manager_agent_id: managed ? prng.pick(agentIds) : null,
      blacklist_status: blacklistRoll < 0.01 ? 'confirmed' : blacklistRoll < 0.02 ? 'proposed' : 'none',
      consent_marketing: prng.chance(0.6) ? 1 : 0,
      consent_recording: prng.chance(0.9) ? 1 : 0,
      notes: prng.chance(0.2) ? prng.pick(customerNotes) : '',
      created_at: createdAt,
    });

    const phone = () =>
      who.chinese
        ? `+86${prng.pick(['138', '139', '150', '186', '135'])}${pad(prng.int(0, 99999999), 8)}`
        : `+447${pad(prng.int(100000000, 999999999), 9)}`;
    const kinds: Array<'phone' | 'email' | 'social' | 'chat'> = ['phone'];
    const more = prng.int(0, 2);
    const optional: Array<'email' | 'social' | 'chat'> = ['email', 'social', 'chat'];
    for (let k = 0; k < more; k++) kinds.push(k === 0 ? 'email' : prng.pick(optional.slice(1)));
    kinds.forEach((kind, n) => {
      const value = unique(() => {
        switch (kind) {
          case 'phone':
            return phone();
          case 'email':
            return `${who.emailLocal}${prng.int(1, 999)}@${who.chinese ? 'example.cn' : 'example.com'}`;
          case 'social':
            return `@${who.emailLocal.replace('.', '_')}${prng.int(1, 9999)}`;
          case 'chat':
            return `chat-${pad(prng.int(0, 999999), 6)}`;
        }
      });
      contactPoints.push({ id: `${id}-cp${n + 1}`, tenant_id: demoTenantId, customer_id: id, kind, value });
    });
  }
  return { customers, contactPoints };
}
