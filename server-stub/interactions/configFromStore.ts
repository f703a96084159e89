import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { RouterEvent } from '../routing/events';
import { queueConfigSchema } from '../routing/events';
import type { SeatDatabase } from '../store/schema';
import type { RouterCommand } from './tenantRouter';

// The routing configuration lives in the store (queues, skills, agents, teams, reason codes); the
// engine learns it through config events that are logged like any other, so a replay meets each
// change exactly where it happened. At start the store is read and only what differs from the
// last logged config is submitted again.

type ConfigEventInput = Extract<
  RouterCommand,
  { type: 'skill_upsert' | 'reason_codes_set' | 'team_upsert' | 'queue_upsert' | 'agent_upsert' }
>;

/** The part of a queue's `config` JSON the router reads: `routing` holds engine settings. */
const storedQueueConfigSchema = z.looseObject({
  routing: queueConfigSchema.omit({ queueId: true }).partial().optional(),
});

/** Reads one tenant's routing configuration from the store as config events, in dependency order. */
export async function loadConfigEvents(
  db: Kysely<SeatDatabase>,
  tenantId: string,
): Promise<ConfigEventInput[]> {
  const [skills, reasons, teams, queues, queueSkills, agents, agentSkills] = await Promise.all([
    db.selectFrom('skills').select('id').where('tenant_id', '=', tenantId).orderBy('id').execute(),
    db.selectFrom('reason_codes').select('code').where('tenant_id', '=', tenantId).orderBy('code').execute(),
    db.selectFrom('teams').select('id').where('tenant_id', '=', tenantId).orderBy('id').execute(),
    db
      .selectFrom('queues')
      .select(['id', 'config'])
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('queue_skills')
      .innerJoin('queues', 'queues.id', 'queue_skills.queue_id')
      .select(['queue_skills.queue_id', 'queue_skills.skill_id', 'queue_skills.min_proficiency'])
      .where('queues.tenant_id', '=', tenantId)
      .orderBy('queue_skills.skill_id')
      .execute(),
    db.selectFrom('agents').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    db
      .selectFrom('agent_skills')
      .innerJoin('agents', 'agents.id', 'agent_skills.agent_id')
      .select(['agent_skills.agent_id', 'agent_skills.skill_id', 'agent_skills.proficiency'])
      .where('agents.tenant_id', '=', tenantId)
      .orderBy('agent_skills.skill_id')
      .execute(),
  ]);

  const events: ConfigEventInput[] = [];
  for (const s of skills) events.push({ type: 'skill_upsert', skillId: s.id });
  // `missed` is the engine's own reason for an unanswered offer; the store lists it for display only.
  events.push({
    type: 'reason_codes_set',
    codes: reasons.map((r) => r.code).filter((code) => code !== 'missed'),
  });
  for (const t of teams) events.push({ type: 'team_upsert', teamId: t.id, capacity: {} });
  for (const q of queues) {
    const stored = storedQueueConfigSchema.safeParse(JSON.parse(q.config));
    const routing = stored.success ? (stored.data.routing ?? {}) : {};
    const skillsOfQueue = queueSkills
      .filter((s) => s.queue_id === q.id)
      .map((s) => ({ skillId: s.skill_id, minProficiency: s.min_proficiency }));
    events.push({
      type: 'queue_upsert',
      queue: { rings: [{ afterSeconds: 0, skills: skillsOfQueue }], ...routing, queueId: q.id },
    });
  }
  for (const a of agents) {
    const skillsOfAgent = Object.fromEntries(
      agentSkills.filter((s) => s.agent_id === a.id).map((s) => [s.skill_id, s.proficiency]),
    );
    events.push({
      type: 'agent_upsert',
      agent: {
        agentId: a.id,
        teamId: a.team_id,
        skills: skillsOfAgent,
        capacity: {
          voice: a.capacity_voice,
          im: a.capacity_im,
          email: a.capacity_email,
          sms: a.capacity_sms,
          social: a.capacity_social,
          fax: a.capacity_fax,
        },
      },
    });
  }
  return events;
}

/** The key a config event replaces: a later event with the same key supersedes it. */
export function configKey(event: RouterEvent | RouterCommand): string | null {
  switch (event.type) {
    case 'skill_upsert':
      return `skill:${event.skillId}`;
    case 'reason_codes_set':
      return 'reasons';
    case 'team_upsert':
      return `team:${event.teamId}`;
    case 'queue_upsert':
      return `queue:${event.queue.queueId}`;
    case 'agent_upsert':
      return `agent:${event.agent.agentId}`;
    default:
      return null;
  }
}

/** A comparable fingerprint of a parsed config event (its time left out). */
export function configFingerprint(event: RouterEvent): string {
  const { at: _at, ...rest } = event;
  return JSON.stringify(rest);
}
