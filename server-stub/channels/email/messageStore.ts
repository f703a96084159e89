import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { EmailAddress, EmailAttachment, EmailMessageSummary } from '@contract/email';
import type { Mailbox } from './mailboxConfig';
import type { ParsedAttachment, ParsedEmail } from './parseEmail';
import type { SanitisedHtml } from './sanitizeHtml';

// Threads, messages, raw sources and attachment bytes in SQLite. An inbound message is written whole
// (thread, message, raw source, attachments) in one transaction, so once `storeInbound` returns it
// survives a crash; the SMTP receiver answers 250 only after that.

/** A stored thread. */
export interface ThreadRecord {
  id: string;
  tenantId: string;
  mailboxId: string;
  subject: string;
  customerId: string | null;
  interactionId: string | null;
  lastAgentId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A stored message with its bodies. */
export interface MessageRecord {
  id: string;
  tenantId: string;
  mailboxId: string;
  threadId: string;
  direction: 'inbound' | 'outbound';
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: EmailAddress | null;
  /** Where replies go when the sender asked (Reply-To); null means the sender. */
  replyTo: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  date: number;
  receivedAt: number;
  text: string;
  html: string | null;
  source: 'smtp' | 'imap' | 'seat' | 'auto';
  status: EmailMessageSummary['status'];
  error: string | null;
  parseProblem: string | null;
  sentBy: string | null;
  routed: boolean;
  attachmentCount: number;
}

/** An attachment's metadata and, when asked for, its bytes. */
export interface AttachmentRecord extends EmailAttachment {
  messageRowId: string;
  content?: Buffer;
}

/** What storing an inbound message did. */
export interface StoreInboundResult {
  /** The same Message-ID was already stored for this mailbox: nothing was written. */
  duplicate: boolean;
  message: MessageRecord;
  thread: ThreadRecord;
  newThread: boolean;
}

/** An outbound message about to be sent. */
export interface OutboundDraft {
  tenantId: string;
  mailboxId: string;
  threadId: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: EmailAddress;
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  text: string;
  html: string | null;
  raw: Buffer;
  attachments: ParsedAttachment[];
  source: 'seat' | 'auto';
  sentBy: string | null;
}

/** Storage of the e-mail channel. */
export interface MessageStore {
  storeInbound(input: {
    mailbox: Mailbox;
    parsed: ParsedEmail;
    raw: Buffer;
    source: 'smtp' | 'imap';
    customerId: string | null;
    receivedAt: number;
  }): StoreInboundResult;
  storeOutbound(draft: OutboundDraft, at: number): MessageRecord;
  setOutboundStatus(messageRowId: string, status: 'sent' | 'failed', error: string | null): void;
  markRouted(messageRowId: string): void;
  /** Inbound messages whose routing step has not run (a crash between store and route), oldest first. */
  unrouted(limit: number): MessageRecord[];
  setThreadInteraction(threadId: string, interactionId: string): void;
  setThreadLastAgent(threadId: string, agentId: string): void;
  thread(tenantId: string, threadId: string): ThreadRecord | undefined;
  threadOfInteraction(tenantId: string, interactionId: string): ThreadRecord | undefined;
  messages(threadId: string): MessageRecord[];
  message(tenantId: string, messageRowId: string): MessageRecord | undefined;
  attachments(messageRowId: string, withContent: boolean): AttachmentRecord[];
  attachment(tenantId: string, messageRowId: string, attachmentId: string): AttachmentRecord | undefined;
  raw(tenantId: string, messageRowId: string): Buffer | undefined;
  /** The customer whose e-mail contact point is `address` (case-insensitive); null when none or ambiguous. */
  customerByEmail(tenantId: string, address: string): string | null;
  /** The message's HTML as sanitised for display, or null when not computed yet. */
  safeHtml(messageRowId: string): SanitisedHtml | null;
  /** Keeps the sanitised HTML of a message (computed once; a message's HTML never changes). */
  setSafeHtml(messageRowId: string, safe: SanitisedHtml): void;
}

interface ThreadRow {
  id: string;
  tenant_id: string;
  mailbox_id: string;
  subject: string;
  customer_id: string | null;
  interaction_id: string | null;
  last_agent_id: string | null;
  created_at: number;
  updated_at: number;
}

interface MessageRow {
  id: string;
  tenant_id: string;
  mailbox_id: string;
  thread_id: string;
  direction: 'inbound' | 'outbound';
  message_id: string;
  in_reply_to: string | null;
  references_json: string;
  from_json: string | null;
  reply_to_json: string | null;
  to_json: string;
  cc_json: string;
  subject: string;
  date: number;
  received_at: number;
  text_body: string;
  html_body: string | null;
  source: MessageRecord['source'];
  status: MessageRecord['status'];
  error: string | null;
  parse_problem: string | null;
  sent_by: string | null;
  routed: number;
  attachment_count: number;
}

interface AttachmentRow {
  id: string;
  message_row_id: string;
  filename: string;
  content_type: string;
  size: number;
  content_id: string | null;
  inline: number;
  content?: Buffer;
}

const toThread = (r: ThreadRow): ThreadRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  mailboxId: r.mailbox_id,
  subject: r.subject,
  customerId: r.customer_id,
  interactionId: r.interaction_id,
  lastAgentId: r.last_agent_id,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const toMessage = (r: MessageRow): MessageRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  mailboxId: r.mailbox_id,
  threadId: r.thread_id,
  direction: r.direction,
  messageId: r.message_id,
  inReplyTo: r.in_reply_to,
  references: JSON.parse(r.references_json) as string[],
  from: r.from_json ? (JSON.parse(r.from_json) as EmailAddress) : null,
  replyTo: r.reply_to_json ? (JSON.parse(r.reply_to_json) as EmailAddress) : null,
  to: JSON.parse(r.to_json) as EmailAddress[],
  cc: JSON.parse(r.cc_json) as EmailAddress[],
  subject: r.subject,
  date: Number(r.date),
  receivedAt: Number(r.received_at),
  text: r.text_body,
  html: r.html_body,
  source: r.source,
  status: r.status,
  error: r.error,
  parseProblem: r.parse_problem,
  sentBy: r.sent_by,
  routed: r.routed === 1,
  attachmentCount: r.attachment_count,
});

const toAttachment = (r: AttachmentRow): AttachmentRecord => ({
  id: r.id,
  messageRowId: r.message_row_id,
  filename: r.filename,
  contentType: r.content_type,
  size: r.size,
  contentId: r.content_id,
  inline: r.inline === 1,
  ...(r.content ? { content: r.content } : {}),
});

/** "Re: Re: AW: Fwd: Hello" → "Hello": the thread's subject without reply and forward prefixes. */
export function baseSubject(subject: string): string {
  let s = subject.trim();
  for (let i = 0; i < 20; i++) {
    const next = s.replace(/^(re|fw|fwd|aw|wg|sv|vs|antw|回复|答复|转发)\s*(\[\d+\])?\s*[:：]\s*/i, '');
    if (next === s) break;
    s = next;
  }
  return s.slice(0, 500);
}

const messageColumns = `m.*, (SELECT COUNT(*) FROM email_attachments a WHERE a.message_row_id = m.id) AS attachment_count`;

/** Builds the store; `newId` names threads, messages and attachments. */
export function createMessageStore(sqlite: Database, newId: () => string): MessageStore {
  const findByMessageId = sqlite.prepare(
    `SELECT ${messageColumns} FROM email_messages m WHERE m.mailbox_id = ? AND m.message_id = ?`,
  );
  const threadById = sqlite.prepare('SELECT * FROM email_threads WHERE id = ?');
  const threadForTenant = sqlite.prepare('SELECT * FROM email_threads WHERE tenant_id = ? AND id = ?');
  const threadOfInteraction = sqlite.prepare(
    'SELECT * FROM email_threads WHERE tenant_id = ? AND interaction_id = ? ORDER BY updated_at DESC LIMIT 1',
  );
  const insertThread = sqlite.prepare(
    'INSERT INTO email_threads (id, tenant_id, mailbox_id, subject, customer_id, interaction_id, last_agent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)',
  );
  const touchThread = sqlite.prepare(
    'UPDATE email_threads SET updated_at = ?, customer_id = COALESCE(customer_id, ?) WHERE id = ?',
  );
  const insertMessage = sqlite.prepare(
    `INSERT INTO email_messages (id, tenant_id, mailbox_id, thread_id, direction, message_id, in_reply_to, references_json, from_json, reply_to_json, to_json, cc_json,
       subject, date, received_at, text_body, html_body, headers_json, source, status, error, parse_problem, sent_by, routed)
     VALUES (@id, @tenant_id, @mailbox_id, @thread_id, @direction, @message_id, @in_reply_to, @references_json, @from_json, @reply_to_json, @to_json, @cc_json,
       @subject, @date, @received_at, @text_body, @html_body, @headers_json, @source, @status, NULL, @parse_problem, @sent_by, @routed)`,
  );
  const insertRaw = sqlite.prepare(
    'INSERT INTO email_raw (message_row_id, sha256, size, content) VALUES (?, ?, ?, ?)',
  );
  const insertAttachment = sqlite.prepare(
    'INSERT INTO email_attachments (id, message_row_id, position, filename, content_type, size, content_id, inline, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const messageById = sqlite.prepare(
    `SELECT ${messageColumns} FROM email_messages m WHERE m.tenant_id = ? AND m.id = ?`,
  );
  const messageByIdAny = sqlite.prepare(`SELECT ${messageColumns} FROM email_messages m WHERE m.id = ?`);
  const messagesOfThread = sqlite.prepare(
    `SELECT ${messageColumns} FROM email_messages m WHERE m.thread_id = ? ORDER BY m.received_at, m.rowid`,
  );
  const unrouted = sqlite.prepare(
    `SELECT ${messageColumns} FROM email_messages m WHERE m.direction = 'inbound' AND m.routed = 0 ORDER BY m.received_at, m.rowid LIMIT ?`,
  );
  const markRouted = sqlite.prepare('UPDATE email_messages SET routed = 1 WHERE id = ?');
  const setStatus = sqlite.prepare('UPDATE email_messages SET status = ?, error = ? WHERE id = ?');
  const setInteraction = sqlite.prepare('UPDATE email_threads SET interaction_id = ? WHERE id = ?');
  const setLastAgent = sqlite.prepare('UPDATE email_threads SET last_agent_id = ? WHERE id = ?');
  const attachmentsMeta = sqlite.prepare(
    'SELECT id, message_row_id, filename, content_type, size, content_id, inline FROM email_attachments WHERE message_row_id = ? ORDER BY position',
  );
  const attachmentsFull = sqlite.prepare(
    'SELECT * FROM email_attachments WHERE message_row_id = ? ORDER BY position',
  );
  const attachmentOne = sqlite.prepare(
    'SELECT a.* FROM email_attachments a JOIN email_messages m ON m.id = a.message_row_id WHERE m.tenant_id = ? AND a.message_row_id = ? AND a.id = ?',
  );
  const rawOf = sqlite.prepare(
    'SELECT r.content FROM email_raw r JOIN email_messages m ON m.id = r.message_row_id WHERE m.tenant_id = ? AND r.message_row_id = ?',
  );
  const safeHtmlOf = sqlite.prepare('SELECT safe_html, safe_html_notes FROM email_messages WHERE id = ?');
  const setSafeHtml = sqlite.prepare(
    'UPDATE email_messages SET safe_html = ?, safe_html_notes = ? WHERE id = ?',
  );
  const customerByEmail = sqlite.prepare(
    "SELECT DISTINCT customer_id FROM customer_contact_points WHERE tenant_id = ? AND kind = 'email' AND lower(trim(value)) = ? LIMIT 2",
  );

  const addParts = (rowId: string, raw: Buffer, attachments: ParsedAttachment[]) => {
    insertRaw.run(rowId, createHash('sha256').update(raw).digest('hex'), raw.length, raw);
    attachments.forEach((a, position) => {
      insertAttachment.run(
        newId(),
        rowId,
        position,
        a.filename,
        a.contentType,
        a.size,
        a.contentId,
        a.inline ? 1 : 0,
        a.sha256,
        a.content,
      );
    });
  };

  const parentThread = (mailboxId: string, parsed: ParsedEmail): ThreadRow | undefined => {
    // The direct parent first, then the references from the newest back.
    const candidates = [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...[...parsed.references].reverse()];
    for (const id of candidates) {
      const parent = findByMessageId.get(mailboxId, id) as MessageRow | undefined;
      if (parent) return threadById.get(parent.thread_id) as ThreadRow;
    }
    return undefined;
  };

  const storeInbound = sqlite.transaction(
    (input: Parameters<MessageStore['storeInbound']>[0]): StoreInboundResult => {
      const { mailbox, parsed, raw } = input;
      const existing = findByMessageId.get(mailbox.id, parsed.messageId) as MessageRow | undefined;
      if (existing) {
        return {
          duplicate: true,
          message: toMessage(existing),
          thread: toThread(threadById.get(existing.thread_id) as ThreadRow),
          newThread: false,
        };
      }
      let thread = parentThread(mailbox.id, parsed);
      const newThread = !thread;
      if (!thread) {
        const id = newId();
        insertThread.run(
          id,
          mailbox.tenantId,
          mailbox.id,
          baseSubject(parsed.subject),
          input.customerId,
          input.receivedAt,
          input.receivedAt,
        );
        thread = threadById.get(id) as ThreadRow;
      } else {
        touchThread.run(input.receivedAt, input.customerId, thread.id);
      }
      const id = newId();
      insertMessage.run({
        id,
        tenant_id: mailbox.tenantId,
        mailbox_id: mailbox.id,
        thread_id: thread.id,
        direction: 'inbound',
        message_id: parsed.messageId,
        in_reply_to: parsed.inReplyTo,
        references_json: JSON.stringify(parsed.references),
        from_json: parsed.from ? JSON.stringify(parsed.from) : null,
        reply_to_json: parsed.replyTo ? JSON.stringify(parsed.replyTo) : null,
        to_json: JSON.stringify(parsed.to),
        cc_json: JSON.stringify(parsed.cc),
        subject: parsed.subject,
        date: parsed.date ?? input.receivedAt,
        received_at: input.receivedAt,
        text_body: parsed.text,
        html_body: parsed.html,
        headers_json: JSON.stringify(parsed.headers),
        source: input.source,
        status: 'received',
        parse_problem: parsed.parseProblem,
        sent_by: null,
        routed: 0,
      });
      addParts(id, raw, parsed.attachments);
      return {
        duplicate: false,
        message: toMessage(messageByIdAny.get(id) as MessageRow),
        thread: toThread(threadById.get(thread.id) as ThreadRow),
        newThread,
      };
    },
  );

  const storeOutbound = sqlite.transaction((draft: OutboundDraft, at: number): MessageRecord => {
    const id = newId();
    insertMessage.run({
      id,
      tenant_id: draft.tenantId,
      mailbox_id: draft.mailboxId,
      thread_id: draft.threadId,
      direction: 'outbound',
      message_id: draft.messageId,
      in_reply_to: draft.inReplyTo,
      references_json: JSON.stringify(draft.references),
      from_json: JSON.stringify(draft.from),
      reply_to_json: null,
      to_json: JSON.stringify(draft.to),
      cc_json: JSON.stringify(draft.cc),
      subject: draft.subject,
      date: at,
      received_at: at,
      text_body: draft.text,
      html_body: draft.html,
      headers_json: '[]',
      source: draft.source,
      status: 'sending',
      parse_problem: null,
      sent_by: draft.sentBy,
      routed: 1,
    });
    addParts(id, draft.raw, draft.attachments);
    touchThread.run(at, null, draft.threadId);
    return toMessage(messageByIdAny.get(id) as MessageRow);
  });

  return {
    storeInbound: (input) => storeInbound(input),
    storeOutbound: (draft, at) => storeOutbound(draft, at),
    setOutboundStatus: (rowId, status, error) => void setStatus.run(status, error, rowId),
    markRouted: (rowId) => void markRouted.run(rowId),
    unrouted: (limit) => (unrouted.all(limit) as MessageRow[]).map(toMessage),
    setThreadInteraction: (threadId, interactionId) => void setInteraction.run(interactionId, threadId),
    setThreadLastAgent: (threadId, agentId) => void setLastAgent.run(agentId, threadId),
    thread(tenantId, threadId) {
      const row = threadForTenant.get(tenantId, threadId) as ThreadRow | undefined;
      return row ? toThread(row) : undefined;
    },
    threadOfInteraction(tenantId, interactionId) {
      const row = threadOfInteraction.get(tenantId, interactionId) as ThreadRow | undefined;
      return row ? toThread(row) : undefined;
    },
    messages: (threadId) => (messagesOfThread.all(threadId) as MessageRow[]).map(toMessage),
    message(tenantId, rowId) {
      const row = messageById.get(tenantId, rowId) as MessageRow | undefined;
      return row ? toMessage(row) : undefined;
    },
    attachments: (rowId, withContent) =>
      ((withContent ? attachmentsFull : attachmentsMeta).all(rowId) as AttachmentRow[]).map(toAttachment),
    attachment(tenantId, rowId, attachmentId) {
      const row = attachmentOne.get(tenantId, rowId, attachmentId) as AttachmentRow | undefined;
      return row ? toAttachment(row) : undefined;
    },
    raw(tenantId, rowId) {
      return (rawOf.get(tenantId, rowId) as { content: Buffer } | undefined)?.content;
    },
    customerByEmail(tenantId, address) {
      const rows = customerByEmail.all(tenantId, address.trim().toLowerCase()) as Array<{
        customer_id: string;
      }>;
      return rows.length === 1 ? (rows[0]?.customer_id ?? null) : null;
    },
    safeHtml(messageRowId) {
      const row = safeHtmlOf.get(messageRowId) as
        { safe_html: string | null; safe_html_notes: string | null } | undefined;
      if (!row || row.safe_html === null || row.safe_html_notes === null) return null;
      const notes = JSON.parse(row.safe_html_notes) as Omit<SanitisedHtml, 'html'>;
      return { html: row.safe_html, ...notes };
    },
    setSafeHtml(messageRowId, { html, ...notes }) {
      setSafeHtml.run(html, JSON.stringify(notes), messageRowId);
    },
  };
}
