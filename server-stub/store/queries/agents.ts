import type { AgentSummary } from '@contract/http/agents';
import type { Kysely } from 'kysely';
import type { SeatDatabase } from '../schema';

/** Every agent of the tenant with team, skills, capacities and current state, by display name. */
export async function listAgents(db: Kysely<SeatDatabase>, tenantId: string): Promise<AgentSummary[]> {
  const rows = await db
    .selectFrom('agents')
    .leftJoin('teams', 'teams.id', 'agents.team_id')
    .leftJoin('users', 'users.agent_id', 'agents.id')
    .leftJoin('agent_state', 'agent_state.agent_id', 'agents.id')
    .select([
      'agents.id',
      'agents.display_name',
      'users.username',
      'teams.id as team_id',
      'teams.name as team_name',
      'agents.capacity_voice',
      'agents.capacity_im',
      'agents.capacity_email',
      'agents.capacity_sms',
      'agents.capacity_social',
      'agents.capacity_fax',
      'agent_state.state',
      'agent_state.reason',
      'agent_state.since',
    ])
    .where('agents.tenant_id', '=', tenantId)
    .orderBy('users.username')
    .orderBy('agents.id')
    .execute();
  const skills = await db
    .selectFrom('agent_skills')
    .innerJoin('agents', 'agents.id', 'agent_skills.agent_id')
    .innerJoin('skills', 'skills.id', 'agent_skills.skill_id')
    .select(['agent_skills.agent_id', 'skills.name', 'agent_skills.proficiency'])
    .where('agents.tenant_id', '=', tenantId)
    .orderBy('skills.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    username: r.username,
    team: r.team_id && r.team_name ? { id: r.team_id, name: r.team_name } : null,
    skills: skills
      .filter((s) => s.agent_id === r.id)
      .map((s) => ({ skill: s.name, proficiency: s.proficiency })),
    capacity: {
      voice: r.capacity_voice,
      im: r.capacity_im,
      email: r.capacity_email,
      sms: r.capacity_sms,
      social: r.capacity_social,
      fax: r.capacity_fax,
    },
    status: {
      agentId: r.id,
      state: r.state ?? 'logged_out',
      reason: r.reason ?? null,
      since: r.since ?? new Date(0).toISOString(),
    },
  }));
}
