import type { Database } from 'better-sqlite3';
import { afterClause } from './contactCursor';
import type { ContactSource } from './contactSource';
import { firstLine } from './contactText';

// Web chats in the history: the chat row, what the customer wrote first (the summary), when an
// agent first wrote (answered), and the disposition of the chat's interaction once wrapped up.

interface Row {
  id: string;
  interaction_id: string;
  customer_id: string | null;
  contact: string;
  topic: string;
  queue_id: string;
  agent_ids_json: string;
  created_at: number;
  ended_at: number | null;
  ended_by: string | null;
  first_text: string | null;
  first_reply: number | null;
  disposition: string | null;
  interaction_agent: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Who served the chat: those who joined it, and the agent its interaction was routed to last. */
function agentsOf(row: Row): string[] {
  const joined = JSON.parse(row.agent_ids_json) as string[];
  const routed = row.interaction_agent;
  return routed && !joined.includes(routed) ? [...joined, routed] : joined;
}

/** The customer's web chats. */
export function chatContacts(sqlite: Database): ContactSource {
  return (tenantId, customerId, after, limit) => {
    const clause = afterClause(after, 'im', 'c.created_at', 'c.id', (ms) => ms);
    const rows = sqlite
      .prepare(
        `SELECT c.id, c.interaction_id, c.customer_id, c.contact, c.topic, c.queue_id, c.agent_ids_json,
           c.created_at, c.ended_at, c.ended_by, i.disposition, i.agent_id AS interaction_agent,
           (SELECT m.text FROM webchat_messages m WHERE m.chat_id = c.id AND m.author = 'customer' AND m.text <> ''
             ORDER BY m.seq LIMIT 1) AS first_text,
           (SELECT MIN(m.created_at) FROM webchat_messages m WHERE m.chat_id = c.id AND m.author = 'agent') AS first_reply
         FROM webchat_chats c
         LEFT JOIN interactions i ON i.tenant_id = c.tenant_id AND i.id = c.interaction_id
         WHERE c.tenant_id = ? AND c.customer_id = ? AND ${clause.sql}
         ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
      )
      .all(tenantId, customerId, ...clause.args, limit) as Row[];
    return rows.map((row) => ({
      channel: 'im' as const,
      id: row.id,
      interactionId: row.interaction_id,
      direction: 'inbound' as const,
      from: row.contact,
      to: row.topic,
      customerId: row.customer_id,
      callerAgentId: null,
      agentIds: agentsOf(row),
      queueId: row.queue_id,
      startedAt: iso(row.created_at) as string,
      answeredAt: iso(row.first_reply),
      endedAt: iso(row.ended_at),
      endReason: row.ended_by,
      disposition: row.disposition,
      summary: firstLine(row.first_text),
      preview: null,
    }));
  };
}
