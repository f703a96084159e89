import type { Database } from 'better-sqlite3';
import type { EmailAddress } from '@contract/email';
import { afterClause } from './contactCursor';
import type { ContactSource } from './contactSource';
import { firstLines } from './contactText';

// E-mail threads in the history: the subject is the summary and the first lines of the first
// message the preview, so the history reads without opening a thread the agent may not be
// assigned. "Answered" is the first reply an agent sent (an automatic acknowledgement is not one);
// the end is when the thread's interaction closed.

interface ThreadRow {
  id: string;
  interaction_id: string | null;
  customer_id: string | null;
  subject: string;
  last_agent_id: string | null;
  created_at: number;
  mailbox: string;
  queue_id: string | null;
  state: string | null;
  updated_at: number | null;
  disposition: string | null;
}

interface FirstMessage {
  direction: 'inbound' | 'outbound';
  from_json: string | null;
  to_json: string;
  text_body: string;
}

const closedStates = new Set(['ended', 'abandoned', 'overflowed', 'released', 'callback']);
const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const addressOf = (json: string | null) => (json ? (JSON.parse(json) as EmailAddress | null)?.address : null);

/** The customer's e-mail threads. */
export function emailContacts(sqlite: Database): ContactSource {
  const first = sqlite.prepare(
    'SELECT direction, from_json, to_json, text_body FROM email_messages WHERE thread_id = ? ORDER BY received_at, id LIMIT 1',
  );
  const replies = sqlite.prepare(
    `SELECT received_at, sent_by FROM email_messages
     WHERE thread_id = ? AND direction = 'outbound' AND source = 'seat' ORDER BY received_at, id`,
  );
  return (tenantId, customerId, after, limit) => {
    const clause = afterClause(after, 'email', 't.created_at', 't.id', (ms) => ms);
    const rows = sqlite
      .prepare(
        `SELECT t.id, t.interaction_id, t.customer_id, t.subject, t.last_agent_id, t.created_at,
           mb.address AS mailbox, COALESCE(i.queue_id, mb.queue_id) AS queue_id, i.state, i.updated_at, i.disposition
         FROM email_threads t
         JOIN email_mailboxes mb ON mb.id = t.mailbox_id
         LEFT JOIN interactions i ON i.tenant_id = t.tenant_id AND i.id = t.interaction_id
         WHERE t.tenant_id = ? AND t.customer_id = ? AND ${clause.sql}
         ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
      )
      .all(tenantId, customerId, ...clause.args, limit) as ThreadRow[];
    return rows.map((row) => {
      const message = first.get(row.id) as FirstMessage | undefined;
      const sent = replies.all(row.id) as Array<{ received_at: number; sent_by: string | null }>;
      const agentIds = [
        ...new Set([
          ...sent.flatMap((r) => (r.sent_by ? [r.sent_by] : [])),
          ...(row.last_agent_id ? [row.last_agent_id] : []),
        ]),
      ];
      const inbound = message?.direction !== 'outbound';
      const recipient = message ? (JSON.parse(message.to_json) as EmailAddress[])[0]?.address : undefined;
      return {
        channel: 'email' as const,
        id: row.id,
        interactionId: row.interaction_id,
        direction: inbound ? ('inbound' as const) : ('outbound' as const),
        from: (inbound ? addressOf(message?.from_json ?? null) : row.mailbox) ?? '',
        to: (inbound ? row.mailbox : recipient) ?? '',
        customerId: row.customer_id,
        callerAgentId: null,
        agentIds,
        queueId: row.queue_id,
        startedAt: iso(row.created_at) as string,
        answeredAt: iso(sent[0]?.received_at ?? null),
        endedAt: row.state && closedStates.has(row.state) ? iso(row.updated_at) : null,
        endReason: null,
        disposition: row.disposition,
        summary: row.subject,
        preview: firstLines(message?.text_body),
      };
    });
  };
}
