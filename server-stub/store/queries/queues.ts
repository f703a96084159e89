import { channelSchema } from '@contract/agent';
import type { QueueSummary, ReasonCode } from '@contract/http/queues';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SeatDatabase } from '../schema';

// The JSON column is read through a schema: a bad row is reported, never passed on half-understood.
const queueConfigSchema = z.object({
  channels: z.array(channelSchema).default([]),
  priority: z.number().int().default(0),
});

/** Every queue of the tenant with its required skills, by name. */
export async function listQueues(db: Kysely<SeatDatabase>, tenantId: string): Promise<QueueSummary[]> {
  const queues = await db
    .selectFrom('queues')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const skills = await db
    .selectFrom('queue_skills')
    .innerJoin('queues', 'queues.id', 'queue_skills.queue_id')
    .innerJoin('skills', 'skills.id', 'queue_skills.skill_id')
    .select(['queue_skills.queue_id', 'skills.name', 'queue_skills.min_proficiency'])
    .where('queues.tenant_id', '=', tenantId)
    .orderBy('skills.name')
    .execute();
  return queues.map((q) => {
    const config = queueConfigSchema.parse(JSON.parse(q.config));
    return {
      id: q.id,
      name: q.name,
      serviceLevelSeconds: q.service_level_seconds,
      channels: config.channels,
      priority: config.priority,
      requiredSkills: skills
        .filter((s) => s.queue_id === q.id)
        .map((s) => ({ skill: s.name, minProficiency: s.min_proficiency })),
    };
  });
}

/** The tenant's not-ready reasons, by code. */
export async function listReasonCodes(db: Kysely<SeatDatabase>, tenantId: string): Promise<ReasonCode[]> {
  return db
    .selectFrom('reason_codes')
    .select(['code', 'label'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}
