import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type {
  ChatAttachment,
  ChatAttachmentType,
  ChatAuthor,
  ChatMessage,
  ChatState,
  ChatTranscript,
} from '@contract/webchat';

// Chats, their messages, attachment bytes and transcript e-mails in SQLite. A message is stored
// (with its seq) before anyone hears of it, and a resend with the same client id returns the stored
// one, so a reconnecting page can resend what it is unsure about without making twins.

/** A stored chat. */
export interface ChatRecord {
  id: string;
  tenantId: string;
  interactionId: string;
  customerId: string | null;
  name: string;
  contact: string;
  topic: string;
  queueId: string;
  keySha256: string;
  state: ChatState;
  emailTranscript: boolean;
  agentIds: string[];
  lastSeq: number;
  customerDeliveredSeq: number;
  customerReadSeq: number;
  agentDeliveredSeq: number;
  agentReadSeq: number;
  createdAt: number;
  endedAt: number | null;
  endedBy: string | null;
}

/** A message about to be stored. */
export interface NewChatMessage {
  chatId: string;
  author: ChatAuthor;
  agentId: string | null;
  authorName: string | null;
  text: string;
  attachmentId: string | null;
  clientId: string | null;
  at: number;
}

/** Which receipt mark moves: what the customer's page got or read, what the agent's seat got or read. */
export type ReceiptMark = 'customer_delivered' | 'customer_read' | 'agent_delivered' | 'agent_read';

/** Storage of the web chat. */
export interface ChatStore {
  create(
    input: Omit<
      ChatRecord,
      | 'agentIds'
      | 'lastSeq'
      | 'customerDeliveredSeq'
      | 'customerReadSeq'
      | 'agentDeliveredSeq'
      | 'agentReadSeq'
      | 'endedAt'
      | 'endedBy'
      | 'state'
    >,
  ): ChatRecord;
  chat(chatId: string): ChatRecord | undefined;
  chatOfInteraction(tenantId: string, interactionId: string): ChatRecord | undefined;
  /** Chats of the tenant that have not ended (a reconnecting seat's work is among them). */
  openChats(tenantId: string): ChatRecord[];
  setState(chatId: string, state: ChatState): void;
  /** Adds an agent to those who served the chat (once). */
  addAgent(chatId: string, agentId: string): void;
  setEmailTranscript(chatId: string, on: boolean): void;
  /** Stores a message with the next seq; a known (author, clientId) returns the stored one with `duplicate`. */
  append(message: NewChatMessage): { message: ChatMessage; duplicate: boolean };
  /** The message `author` already stored under `clientId` in the chat, if any (a resend). */
  byClientId(chatId: string, author: ChatAuthor, clientId: string): ChatMessage | undefined;
  /** Messages with seq > `after`, in order. */
  messages(chatId: string, after?: number): ChatMessage[];
  /**
   * Moves a receipt mark forward (never back, never past the last message); returns the mark now.
   * Marks are advisory, so they are held in memory and written with the chat's next message or its
   * end rather than costing a durable commit of their own on every message.
   */
  mark(chatId: string, which: ReceiptMark, seq: number): number;
  end(chatId: string, by: string, at: number): void;
  saveAttachment(input: {
    id: string;
    tenantId: string;
    chatId: string;
    filename: string;
    contentType: ChatAttachmentType;
    bytes: Buffer;
    uploadedBy: string;
    at: number;
  }): ChatAttachment;
  attachment(chatId: string, attachmentId: string): (ChatAttachment & { content: Buffer }) | undefined;
  /** How many files and bytes the chat holds already (its storage quota). */
  attachmentUsage(chatId: string): { count: number; bytes: number };
  /** The customer's chats with their transcripts, newest first. */
  chatsOfCustomer(tenantId: string, customerId: string, limit: number): ChatTranscript[];
  transcript(chat: ChatRecord): ChatTranscript;
  /** The only customer whose e-mail or phone contact point is `contact`, else null. */
  customerByContact(tenantId: string, contact: string): string | null;
  /** Display name of an agent. */
  agentName(tenantId: string, agentId: string): string | null;
  recordMail(input: {
    id: string;
    chatId: string;
    messageId: string;
    to: string;
    raw: Buffer;
    at: number;
  }): void;
  setMailStatus(id: string, status: 'sent' | 'failed', error: string | null): void;
  mails(chatId: string): Array<{ id: string; to: string; status: string; error: string | null }>;
}

interface ChatRow {
  id: string;
  tenant_id: string;
  interaction_id: string;
  customer_id: string | null;
  name: string;
  contact: string;
  topic: string;
  queue_id: string;
  key_sha256: string;
  state: ChatState;
  email_transcript: number;
  agent_ids_json: string;
  last_seq: number;
  customer_delivered_seq: number;
  customer_read_seq: number;
  agent_delivered_seq: number;
  agent_read_seq: number;
  created_at: number;
  ended_at: number | null;
  ended_by: string | null;
}

interface MessageRow {
  seq: number;
  author: ChatAuthor;
  agent_id: string | null;
  author_name: string | null;
  text: string;
  client_id: string | null;
  created_at: number;
  attachment_id: string | null;
  filename: string | null;
  content_type: ChatAttachmentType | null;
  size: number | null;
}

const toChat = (row: ChatRow): ChatRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  interactionId: row.interaction_id,
  customerId: row.customer_id,
  name: row.name,
  contact: row.contact,
  topic: row.topic,
  queueId: row.queue_id,
  keySha256: row.key_sha256,
  state: row.state,
  emailTranscript: row.email_transcript === 1,
  agentIds: JSON.parse(row.agent_ids_json) as string[],
  lastSeq: row.last_seq,
  customerDeliveredSeq: row.customer_delivered_seq,
  customerReadSeq: row.customer_read_seq,
  agentDeliveredSeq: row.agent_delivered_seq,
  agentReadSeq: row.agent_read_seq,
  createdAt: Number(row.created_at),
  endedAt: row.ended_at === null ? null : Number(row.ended_at),
  endedBy: row.ended_by,
});

const toMessage = (row: MessageRow): ChatMessage => ({
  seq: row.seq,
  author: row.author,
  agentId: row.agent_id,
  authorName: row.author_name,
  text: row.text,
  attachment:
    row.attachment_id && row.filename && row.content_type && row.size !== null
      ? { id: row.attachment_id, filename: row.filename, contentType: row.content_type, size: row.size }
      : null,
  clientId: row.client_id,
  sentAt: new Date(Number(row.created_at)).toISOString(),
});

const messageColumns =
  'm.seq, m.author, m.agent_id, m.author_name, m.text, m.client_id, m.created_at, m.attachment_id, a.filename, a.content_type, a.size';

/** Builds the store over the server's SQLite connection. */
export function createChatStore(sqlite: Database): ChatStore {
  const insertChat = sqlite.prepare(
    `INSERT INTO webchat_chats (id, tenant_id, interaction_id, customer_id, name, contact, topic, queue_id, key_sha256, state, email_transcript, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
  );
  const selectChat = sqlite.prepare('SELECT * FROM webchat_chats WHERE id = ?');
  const selectByInteraction = sqlite.prepare(
    'SELECT * FROM webchat_chats WHERE tenant_id = ? AND interaction_id = ? ORDER BY created_at DESC LIMIT 1',
  );
  const selectOpen = sqlite.prepare(
    "SELECT * FROM webchat_chats WHERE tenant_id = ? AND state <> 'ended' ORDER BY created_at LIMIT 5000",
  );
  const updateState = sqlite.prepare('UPDATE webchat_chats SET state = ? WHERE id = ?');
  const updateAgents = sqlite.prepare('UPDATE webchat_chats SET agent_ids_json = ? WHERE id = ?');
  const updateEmail = sqlite.prepare('UPDATE webchat_chats SET email_transcript = ? WHERE id = ?');
  const bumpSeq = sqlite.prepare(
    'UPDATE webchat_chats SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq',
  );
  const insertMessage = sqlite.prepare(
    `INSERT INTO webchat_messages (chat_id, seq, author, agent_id, author_name, text, attachment_id, client_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectByClient = sqlite.prepare(
    `SELECT ${messageColumns} FROM webchat_messages m LEFT JOIN webchat_attachments a ON a.id = m.attachment_id
     WHERE m.chat_id = ? AND m.author = ? AND m.client_id = ?`,
  );
  const selectSeq = sqlite.prepare(
    `SELECT ${messageColumns} FROM webchat_messages m LEFT JOIN webchat_attachments a ON a.id = m.attachment_id
     WHERE m.chat_id = ? AND m.seq = ?`,
  );
  const selectMessages = sqlite.prepare(
    `SELECT ${messageColumns} FROM webchat_messages m LEFT JOIN webchat_attachments a ON a.id = m.attachment_id
     WHERE m.chat_id = ? AND m.seq > ? ORDER BY m.seq`,
  );
  const marks: Record<ReceiptMark, Statement<[number, string]>> = {
    customer_delivered: sqlite.prepare(
      'UPDATE webchat_chats SET customer_delivered_seq = MAX(customer_delivered_seq, MIN(?, last_seq)) WHERE id = ?',
    ),
    customer_read: sqlite.prepare(
      'UPDATE webchat_chats SET customer_read_seq = MAX(customer_read_seq, MIN(?, last_seq)) WHERE id = ?',
    ),
    agent_delivered: sqlite.prepare(
      'UPDATE webchat_chats SET agent_delivered_seq = MAX(agent_delivered_seq, MIN(?, last_seq)) WHERE id = ?',
    ),
    agent_read: sqlite.prepare(
      'UPDATE webchat_chats SET agent_read_seq = MAX(agent_read_seq, MIN(?, last_seq)) WHERE id = ?',
    ),
  };
  const updateEnd = sqlite.prepare(
    "UPDATE webchat_chats SET state = 'ended', ended_at = ?, ended_by = ? WHERE id = ? AND state <> 'ended'",
  );
  const insertAttachment = sqlite.prepare(
    `INSERT INTO webchat_attachments (id, tenant_id, chat_id, filename, content_type, size, sha256, content, uploaded_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectAttachment = sqlite.prepare(
    'SELECT id, filename, content_type, size, content FROM webchat_attachments WHERE chat_id = ? AND id = ?',
  );
  const selectAttachmentUsage = sqlite.prepare(
    'SELECT COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes FROM webchat_attachments WHERE chat_id = ?',
  );
  const selectCustomerChats = sqlite.prepare(
    'SELECT * FROM webchat_chats WHERE tenant_id = ? AND customer_id = ? ORDER BY created_at DESC LIMIT ?',
  );
  const selectContact = sqlite.prepare(
    "SELECT DISTINCT customer_id FROM customer_contact_points WHERE tenant_id = ? AND kind IN ('email', 'phone', 'chat') AND lower(trim(value)) = ? LIMIT 2",
  );
  const selectAgentName = sqlite.prepare('SELECT display_name FROM agents WHERE tenant_id = ? AND id = ?');
  const insertMail = sqlite.prepare(
    "INSERT INTO webchat_transcript_mails (id, chat_id, message_id, to_address, raw, status, created_at) VALUES (?, ?, ?, ?, ?, 'sending', ?)",
  );
  const updateMail = sqlite.prepare('UPDATE webchat_transcript_mails SET status = ?, error = ? WHERE id = ?');
  const selectMails = sqlite.prepare(
    'SELECT id, to_address AS "to", status, error FROM webchat_transcript_mails WHERE chat_id = ? ORDER BY created_at',
  );

  const held = new Map<string, Partial<Record<ReceiptMark, number>>>();
  const fieldOf: Record<
    ReceiptMark,
    'customerDeliveredSeq' | 'customerReadSeq' | 'agentDeliveredSeq' | 'agentReadSeq'
  > = {
    customer_delivered: 'customerDeliveredSeq',
    customer_read: 'customerReadSeq',
    agent_delivered: 'agentDeliveredSeq',
    agent_read: 'agentReadSeq',
  };
  const flushMarks = (chatId: string) => {
    const pending = held.get(chatId);
    if (!pending) return;
    for (const [which, seq] of Object.entries(pending) as Array<[ReceiptMark, number]>)
      marks[which].run(seq, chatId);
    held.delete(chatId);
  };

  const chat = (chatId: string) => {
    const row = selectChat.get(chatId) as ChatRow | undefined;
    if (!row) return undefined;
    const record = toChat(row);
    for (const [which, seq] of Object.entries(held.get(chatId) ?? {}) as Array<[ReceiptMark, number]>)
      record[fieldOf[which]] = Math.max(record[fieldOf[which]], seq);
    return record;
  };

  const append = sqlite.transaction((m: NewChatMessage): { message: ChatMessage; duplicate: boolean } => {
    if (m.clientId !== null) {
      const existing = selectByClient.get(m.chatId, m.author, m.clientId) as MessageRow | undefined;
      if (existing) return { message: toMessage(existing), duplicate: true };
    }
    const bumped = bumpSeq.get(m.chatId) as { last_seq: number } | undefined;
    if (!bumped) throw new Error(`no chat ${m.chatId}`);
    insertMessage.run(
      m.chatId,
      bumped.last_seq,
      m.author,
      m.agentId,
      m.authorName,
      m.text,
      m.attachmentId,
      m.clientId,
      m.at,
    );
    flushMarks(m.chatId);
    return { message: toMessage(selectSeq.get(m.chatId, bumped.last_seq) as MessageRow), duplicate: false };
  });

  const messages = (chatId: string, after = 0) =>
    (selectMessages.all(chatId, after) as MessageRow[]).map(toMessage);

  const transcript = (record: ChatRecord): ChatTranscript => ({
    chatId: record.id,
    interactionId: record.interactionId,
    customerId: record.customerId,
    name: record.name,
    contact: record.contact,
    topic: record.topic,
    queueId: record.queueId,
    state: record.state,
    startedAt: new Date(record.createdAt).toISOString(),
    endedAt: record.endedAt === null ? null : new Date(record.endedAt).toISOString(),
    agentIds: record.agentIds,
    messages: messages(record.id),
  });

  return {
    create(input) {
      insertChat.run(
        input.id,
        input.tenantId,
        input.interactionId,
        input.customerId,
        input.name,
        input.contact,
        input.topic,
        input.queueId,
        input.keySha256,
        input.emailTranscript ? 1 : 0,
        input.createdAt,
      );
      return chat(input.id)!;
    },
    chat,
    chatOfInteraction(tenantId, interactionId) {
      const row = selectByInteraction.get(tenantId, interactionId) as ChatRow | undefined;
      return row ? toChat(row) : undefined;
    },
    openChats(tenantId) {
      return (selectOpen.all(tenantId) as ChatRow[]).map(toChat);
    },
    setState(chatId, state) {
      updateState.run(state, chatId);
    },
    addAgent(chatId, agentId) {
      const record = chat(chatId);
      if (!record || record.agentIds.includes(agentId)) return;
      updateAgents.run(JSON.stringify([...record.agentIds, agentId]), chatId);
    },
    setEmailTranscript(chatId, on) {
      updateEmail.run(on ? 1 : 0, chatId);
    },
    append: (message) => append(message),
    byClientId(chatId, author, clientId) {
      const row = selectByClient.get(chatId, author, clientId) as MessageRow | undefined;
      return row ? toMessage(row) : undefined;
    },
    messages,
    mark(chatId, which, seq) {
      const record = chat(chatId);
      if (!record) return 0;
      const next = Math.max(record[fieldOf[which]], Math.min(seq, record.lastSeq));
      if (next > record[fieldOf[which]]) held.set(chatId, { ...held.get(chatId), [which]: next });
      return next;
    },
    end(chatId, by, at) {
      flushMarks(chatId);
      updateEnd.run(at, by, chatId);
    },
    saveAttachment(input) {
      const sha = createHash('sha256').update(input.bytes).digest('hex');
      insertAttachment.run(
        input.id,
        input.tenantId,
        input.chatId,
        input.filename,
        input.contentType,
        input.bytes.length,
        sha,
        input.bytes,
        input.uploadedBy,
        input.at,
      );
      return {
        id: input.id,
        filename: input.filename,
        contentType: input.contentType,
        size: input.bytes.length,
      };
    },
    attachmentUsage(chatId) {
      return selectAttachmentUsage.get(chatId) as { count: number; bytes: number };
    },
    attachment(chatId, attachmentId) {
      const row = selectAttachment.get(chatId, attachmentId) as
        | { id: string; filename: string; content_type: ChatAttachmentType; size: number; content: Buffer }
        | undefined;
      return row
        ? {
            id: row.id,
            filename: row.filename,
            contentType: row.content_type,
            size: row.size,
            content: row.content,
          }
        : undefined;
    },
    chatsOfCustomer(tenantId, customerId, limit) {
      return (selectCustomerChats.all(tenantId, customerId, limit) as ChatRow[]).map((row) =>
        transcript(toChat(row)),
      );
    },
    transcript,
    customerByContact(tenantId, contact) {
      const rows = selectContact.all(tenantId, contact.trim().toLowerCase()) as Array<{
        customer_id: string;
      }>;
      return rows.length === 1 ? (rows[0]?.customer_id ?? null) : null;
    },
    agentName(tenantId, agentId) {
      const row = selectAgentName.get(tenantId, agentId) as { display_name: string } | undefined;
      return row?.display_name ?? null;
    },
    recordMail(input) {
      insertMail.run(input.id, input.chatId, input.messageId, input.to, input.raw, input.at);
    },
    setMailStatus(id, status, error) {
      updateMail.run(status, error, id);
    },
    mails(chatId) {
      return selectMails.all(chatId) as Array<{
        id: string;
        to: string;
        status: string;
        error: string | null;
      }>;
    },
  };
}
