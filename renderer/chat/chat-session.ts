import type { ChatAttachment, ChatMessage } from '@contract/webchat';
import type { ChatNotice, JoinMismatch } from './join-check';

/** A message the agent sent that the server has not stored yet. */
export interface OutgoingMessage {
  clientId: string;
  text: string;
  attachment: ChatAttachment | null;
  state: 'sending' | 'failed';
  /** The failure, already translated, when state is failed. */
  error: string | null;
}

/** Something the agent must be told about the chat's security (a refused or mismatched join). */
export interface ChatAlert {
  kind: 'mismatch' | 'refused';
  /** Mismatch: which check failed; refused: the server's error code. */
  code: Exclude<JoinMismatch, null> | string;
  at: number;
}

/** Where the customer's join stands: none yet, verified against the notice, or refused. */
export type JoinState = 'waiting' | 'verified' | 'accepting' | 'accepted' | 'rejected';

/** One web chat as this seat knows it. */
export interface ChatSession {
  interactionId: string;
  chatId: string | null;
  notice: ChatNotice | null;
  join: JoinState;
  /** The token of the verified join, sent back with chat.accept. */
  joinToken: string | null;
  /** The agent pressed Accept before the customer's join arrived: accept it once it matches. */
  acceptWanted: boolean;
  /** Stored messages in seq order. */
  messages: readonly ChatMessage[];
  outgoing: readonly OutgoingMessage[];
  customerTyping: boolean;
  /** The customer's page got / the customer saw every agent message up to these seqs. */
  delivered: number;
  read: number;
  /** Highest customer seq this seat told the server it has read. */
  readSent: number;
  customerLeft: boolean;
  alerts: readonly ChatAlert[];
}

/** A session with nothing known yet. */
export function newSession(interactionId: string): ChatSession {
  return {
    interactionId,
    chatId: null,
    notice: null,
    join: 'waiting',
    joinToken: null,
    acceptWanted: false,
    messages: [],
    outgoing: [],
    customerTyping: false,
    delivered: 0,
    read: 0,
    readSent: 0,
    customerLeft: false,
    alerts: [],
  };
}

/** Adds stored messages, dropping duplicates by seq and the outgoing copies they confirm. */
export function withMessages(session: ChatSession, incoming: readonly ChatMessage[]): ChatSession {
  const bySeq = new Map(session.messages.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const confirmed = new Set(incoming.map((m) => m.clientId).filter((id): id is string => id !== null));
  const outgoing = session.outgoing.filter((o) => !confirmed.has(o.clientId));
  return { ...session, messages, outgoing };
}

/** The highest seq of a customer message, 0 when none. */
export function lastCustomerSeq(session: ChatSession): number {
  for (let i = session.messages.length - 1; i >= 0; i--) {
    const m = session.messages[i];
    if (m?.author === 'customer') return m.seq;
  }
  return 0;
}

/** Customer messages after what the seat last marked read: the tab's unseen count. */
export function unreadCount(session: ChatSession): number {
  return session.messages.filter((m) => m.author === 'customer' && m.seq > session.readSent).length;
}

/** The receipt an agent message shows: read, delivered, or just stored (sent). */
export function receiptOf(session: ChatSession, message: ChatMessage): 'read' | 'delivered' | 'sent' {
  if (message.seq <= session.read) return 'read';
  if (message.seq <= session.delivered) return 'delivered';
  return 'sent';
}
