import type { ChatMessage, WebchatServerFrame } from '@contract/webchat';

// The customer's chat as the page shows it, folded from the server's frames. Pure, so the whole
// behaviour (ordering, de-duplication after a reconnect, receipts, pending messages) is unit-tested.

/** Where the chat stands for the customer (`data-state` of the status element). */
export type ChatPhase = 'idle' | 'queued' | 'connecting' | 'active' | 'ended' | 'failed';

/** A message the page sent that the server has not yet confirmed as stored. */
export interface PendingMessage {
  clientId: string;
  text: string;
  attachmentId: string | null;
  attachmentName: string | null;
  /** Why the server refused it (shown beside it); a failed message is not resent until the customer retries. */
  failed: string | null;
}

/** The page's chat state. */
export interface ChatViewState {
  phase: ChatPhase;
  /** Stored messages by seq, in order, each once. */
  messages: ChatMessage[];
  /** Sent but not confirmed; resent after a reconnect (the server keeps one per client id) unless refused. */
  pending: PendingMessage[];
  lastSeq: number;
  agentName: string | null;
  position: number | null;
  estimatedWaitSeconds: number | null;
  agentTyping: boolean;
  /** Highest seq of the customer's messages the agent's seat got / the agent read. */
  deliveredSeq: number;
  readSeq: number;
  /** The join token of the current queuing result, until it is used. */
  token: string | null;
  /** The last refusal or problem, shown to the customer. */
  notice: string | null;
  connected: boolean;
  transcriptEmailed: boolean;
}

/** A fresh chat before the form is sent. */
export const initialChatState = (): ChatViewState => ({
  phase: 'idle',
  messages: [],
  pending: [],
  lastSeq: 0,
  agentName: null,
  position: null,
  estimatedWaitSeconds: null,
  agentTyping: false,
  deliveredSeq: 0,
  readSeq: 0,
  token: null,
  notice: null,
  connected: false,
  transcriptEmailed: false,
});

const withMessage = (messages: ChatMessage[], message: ChatMessage): ChatMessage[] => {
  if (messages.some((m) => m.seq === message.seq)) return messages;
  const next = [...messages, message];
  next.sort((a, b) => a.seq - b.seq);
  return next;
};

/** Folds one server frame into the state. */
export function applyServerFrame(state: ChatViewState, frame: WebchatServerFrame): ChatViewState {
  switch (frame.type) {
    case 'welcome':
      return {
        ...state,
        phase: frame.state,
        agentName: frame.agentName,
        connected: true,
        notice: null,
      };
    case 'pong':
      return state;
    case 'queue':
      return {
        ...state,
        phase: 'queued',
        position: frame.position,
        estimatedWaitSeconds: frame.estimatedWaitSeconds,
      };
    case 'assigned':
      return { ...state, phase: 'connecting', agentName: frame.agentName, token: frame.token };
    case 'active':
      return { ...state, phase: 'active', agentName: frame.agentName, token: null, notice: null };
    case 'requeued':
      return { ...state, phase: 'queued', token: null, agentTyping: false, notice: frame.reason };
    case 'message': {
      const messages = withMessage(state.messages, frame.message);
      return {
        ...state,
        messages,
        lastSeq: Math.max(state.lastSeq, frame.message.seq),
        pending: frame.message.clientId
          ? state.pending.filter(
              (p) => !(frame.message.author === 'customer' && p.clientId === frame.message.clientId),
            )
          : state.pending,
        agentTyping: frame.message.author === 'agent' ? false : state.agentTyping,
      };
    }
    case 'stored':
      return { ...state, pending: state.pending.filter((p) => p.clientId !== frame.clientId) };
    case 'receipt':
      return frame.kind === 'delivered'
        ? { ...state, deliveredSeq: Math.max(state.deliveredSeq, frame.seq) }
        : {
            ...state,
            readSeq: Math.max(state.readSeq, frame.seq),
            deliveredSeq: Math.max(state.deliveredSeq, frame.seq),
          };
    case 'typing':
      return { ...state, agentTyping: frame.active };
    case 'ended':
      return {
        ...state,
        phase: 'ended',
        agentTyping: false,
        token: null,
        transcriptEmailed: frame.transcriptEmailed,
      };
    case 'error':
      return {
        ...state,
        notice: frame.error.message,
        pending: frame.clientId
          ? state.pending.map((p) =>
              p.clientId === frame.clientId ? { ...p, failed: frame.error.message } : p,
            )
          : state.pending,
      };
  }
}

/** The customer asks to send a refused message again: it is pending once more (same client id, so never stored twice). */
export function retryPending(state: ChatViewState, clientId: string): ChatViewState {
  return {
    ...state,
    notice: null,
    pending: state.pending.map((p) => (p.clientId === clientId ? { ...p, failed: null } : p)),
  };
}

/** How a customer message stands: sent (stored), delivered to the seat, or read by the agent. */
export function receiptOf(state: ChatViewState, message: ChatMessage): 'sent' | 'delivered' | 'read' | null {
  if (message.author !== 'customer') return null;
  if (state.readSeq >= message.seq) return 'read';
  if (state.deliveredSeq >= message.seq) return 'delivered';
  return 'sent';
}

/** "About 2 minutes" style wait text; null when unknown. */
export function waitText(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'about 1 minute' : `about ${minutes} minutes`;
}
