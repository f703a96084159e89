import type { Migration } from 'kysely';
import { migration001Tenants } from './001_tenants';
import { migration002Organisation } from './002_organisation';
import { migration003Accounts } from './003_accounts';
import { migration004Queues } from './004_queues';
import { migration005Customers } from './005_customers';
import { migration006AgentState } from './006_agent_state';
import { migration007InteractionLog } from './007_interaction_log';
import { migration008Email } from './008_email';
import { migration009SipCredentials } from './009_sip_credentials';
import { migration010CallRecords } from './010_call_records';
import { migration011Webchat } from './011_webchat';
import { migration012CannedResponses } from './012_canned_responses';
import { migration013InteractionPriority } from './013_interaction_priority';
import { migration014ContactHistory } from './014_contact_history';
import { migration015EmailSafeHtml } from './015_email_safe_html';

/**
 * Every migration, in order. To change the schema add a file `NNN_what.ts` beside these and one
 * line here; never edit a migration that has shipped. Names sort lexically, hence the padding.
 */
export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['001_tenants', migration001Tenants],
  ['002_organisation', migration002Organisation],
  ['003_accounts', migration003Accounts],
  ['004_queues', migration004Queues],
  ['005_customers', migration005Customers],
  ['006_agent_state', migration006AgentState],
  ['007_interaction_log', migration007InteractionLog],
  ['008_email', migration008Email],
  ['009_sip_credentials', migration009SipCredentials],
  ['010_call_records', migration010CallRecords],
  ['011_webchat', migration011Webchat],
  ['012_canned_responses', migration012CannedResponses],
  ['013_interaction_priority', migration013InteractionPriority],
  ['014_contact_history', migration014ContactHistory],
  ['015_email_safe_html', migration015EmailSafeHtml],
];
