import type { Generated } from 'kysely';

// Row shapes of every table, as Kysely sees them. Timestamps are ISO-8601 UTC strings (they sort as
// text and map to TEXT in SQLite and PostgreSQL alike); flags are 0/1 integers for the same reason.

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface TeamsTable {
  id: string;
  tenant_id: string;
  name: string;
}

export interface SkillsTable {
  id: string;
  tenant_id: string;
  name: string;
}

export interface AgentsTable {
  id: string;
  tenant_id: string;
  team_id: string | null;
  display_name: string;
  capacity_voice: Generated<number>;
  capacity_im: Generated<number>;
  capacity_email: Generated<number>;
  capacity_sms: Generated<number>;
  capacity_social: Generated<number>;
  capacity_fax: Generated<number>;
}

export interface AgentSkillsTable {
  agent_id: string;
  skill_id: string;
  proficiency: number;
}

export interface ReasonCodesTable {
  id: string;
  tenant_id: string;
  code: string;
  label: string;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  role: 'agent' | 'team_lead' | 'admin';
  /** `scrypt$N$r$p$salt$hash`: parameters and per-user salt travel with the hash. */
  password_hash: string;
  agent_id: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  /** SHA-256 of the token, hex; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface QueuesTable {
  id: string;
  tenant_id: string;
  name: string;
  service_level_seconds: number;
  /** JSON: channels served, priority, overflow settings; read through a zod schema. */
  config: string;
}

export interface QueueSkillsTable {
  queue_id: string;
  skill_id: string;
  min_proficiency: number;
}

export interface CustomersTable {
  id: string;
  tenant_id: string;
  name: string;
  tier: 'vip' | 'gold' | 'normal';
  account_manager_agent_id: string | null;
  blacklist_status: 'none' | 'proposed' | 'confirmed';
  consent_marketing: number;
  consent_recording: number;
  notes: string;
  created_at: string;
}

export interface CustomerContactPointsTable {
  id: string;
  tenant_id: string;
  customer_id: string;
  kind: 'phone' | 'email' | 'social' | 'chat';
  value: string;
}

export interface AgentStateTable {
  agent_id: string;
  tenant_id: string;
  state: 'logged_out' | 'ready' | 'not_ready' | 'reserved' | 'busy' | 'wrapup';
  reason: string | null;
  since: string;
}

/** SIP digest HA1 per user, derived when the password is set (the scrypt hash cannot give one). */
export interface SipCredentialsTable {
  user_id: string;
  tenant_id: string;
  realm: string;
  ha1_md5: string;
  ha1_sha256: string;
}

/** Every table of the store; later migrations add theirs here. */
export interface SeatDatabase {
  tenants: TenantsTable;
  teams: TeamsTable;
  skills: SkillsTable;
  agents: AgentsTable;
  agent_skills: AgentSkillsTable;
  reason_codes: ReasonCodesTable;
  users: UsersTable;
  sessions: SessionsTable;
  queues: QueuesTable;
  queue_skills: QueueSkillsTable;
  customers: CustomersTable;
  customer_contact_points: CustomerContactPointsTable;
  agent_state: AgentStateTable;
  sip_credentials: SipCredentialsTable;
}
