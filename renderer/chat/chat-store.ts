import { BehaviorSubject, Observable, Subject } from 'rxjs';
import type { ChatAttachment } from '@contract/webchat';
import { outOfViewReason, type ServerMessage } from '@contract/ws';
import type { Timers } from '../api/timers';
import type { ConversationSocket } from '../conversations/pane-props';
import { lastCustomerSeq, newSession, withMessages } from './chat-session';
import type { ChatAlert, ChatSession } from './chat-session';
import { checkJoin } from './join-check';

// A customer's "typing" that is never followed by "stopped" (page closed) fades after this long.
const typingFadesMs = 15_000;

/** What the chat store is built from. */
export interface ChatStoreOptions {
  socket: ConversationSocket;
  timers: Timers;
  now: () => number;
  /** A fresh client message id (the server recognises a resend by it). */
  newClientId: () => string;
  /** Turns a failed request into the text shown beside an unsent message. */
  describeError: (error: unknown) => string;
}

/** A security alert about one chat, for the agent whatever tab is shown. */
export interface ChatAlertEvent {
  interactionId: string;
  customer: string | null;
  alert: ChatAlert;
}

/** Every web chat this seat is offered or serves: notices, joins, transcripts, receipts, and what the agent does. */
export interface ChatStore {
  session(interactionId: string): ChatSession | undefined;
  /** The session's every change (undefined until the server says anything about it). */
  session$(interactionId: string): Observable<ChatSession | undefined>;
  /** Joins refused by the server or by this seat's notice check. */
  readonly alerts$: Observable<ChatAlertEvent>;
  /** Whether the interaction is a web chat this seat has a notice for (its Accept goes through the join check). */
  hasNotice(interactionId: string): boolean;
  /** Accepts the customer's verified join; if it has not arrived yet, accepts it once it matches. */
  accept(interactionId: string): Promise<'accepted' | 'waiting'>;
  send(interactionId: string, text: string, attachment?: ChatAttachment | null): Promise<void>;
  /** Sends a failed message again with the same client id. */
  retry(interactionId: string, clientId: string): Promise<void>;
  typing(interactionId: string, active: boolean): void;
  /** Tells the server the agent has seen every customer message so far. */
  markRead(interactionId: string): void;
  /** Asks the server for the whole transcript again. */
  history(interactionId: string): Promise<void>;
  /** Starts following frames; returns the disposer. */
  start(): () => void;
}

/** Creates the seat's chat store; nothing is followed until start(). */
export function createChatStore(options: ChatStoreOptions): ChatStore {
  const { socket, timers, now } = options;
  const sessions = new BehaviorSubject<ReadonlyMap<string, ChatSession>>(new Map());
  const alerts = new Subject<ChatAlertEvent>();
  const typingFades = new Map<string, () => void>();

  const get = (id: string) => sessions.value.get(id);
  const put = (session: ChatSession) => {
    const next = new Map(sessions.value);
    next.set(session.interactionId, session);
    sessions.next(next);
  };
  const update = (id: string, change: (s: ChatSession) => ChatSession) =>
    put(change(get(id) ?? newSession(id)));
  const alert = (id: string, a: Omit<ChatAlert, 'at'>) => {
    const full: ChatAlert = { ...a, at: now() };
    update(id, (s) => ({ ...s, alerts: [...s.alerts, full] }));
    alerts.next({ interactionId: id, customer: get(id)?.notice?.customer.name ?? null, alert: full });
  };

  const sendAccept = async (id: string) => {
    const s = get(id);
    if (!s?.joinToken) throw new Error('no verified join to accept');
    update(id, (x) => ({ ...x, join: 'accepting', acceptWanted: false }));
    try {
      await socket.request({ type: 'chat.accept', interactionId: id, token: s.joinToken });
      update(id, (x) => ({ ...x, join: 'accepted' }));
    } catch (error) {
      update(id, (x) => (x.join === 'accepting' ? { ...x, join: 'verified' } : x));
      throw error;
    }
  };

  const onJoin = (frame: Extract<ServerMessage, { type: 'chat.join' }>) => {
    const id = frame.interactionId;
    const s = get(id);
    const mismatch = checkJoin(s?.notice ?? undefined, frame, now());
    if (mismatch) {
      update(id, (x) => ({ ...x, join: 'rejected', joinToken: null, acceptWanted: false }));
      alert(id, { kind: 'mismatch', code: mismatch });
      socket
        .request({ type: 'chat.reject', interactionId: id, reason: `join_${mismatch}` })
        .catch((error: unknown) => console.warn('[chat] reject of a mismatched join failed', error));
      return;
    }
    const wanted = s?.acceptWanted ?? false;
    update(id, (x) => ({ ...x, join: 'verified', joinToken: frame.token }));
    if (wanted)
      sendAccept(id).catch((error: unknown) =>
        alert(id, { kind: 'refused', code: options.describeError(error) }),
      );
  };

  const onTyping = (id: string, active: boolean) => {
    typingFades.get(id)?.();
    typingFades.delete(id);
    update(id, (s) => ({ ...s, customerTyping: active }));
    if (active)
      typingFades.set(
        id,
        timers.set(() => {
          typingFades.delete(id);
          update(id, (s) => ({ ...s, customerTyping: false }));
        }, typingFadesMs),
      );
  };

  const onFrame = (frame: ServerMessage) => {
    switch (frame.type) {
      case 'chat.begin':
        return update(frame.interactionId, (s) => ({
          ...s,
          chatId: frame.chatId,
          notice: {
            interactionId: frame.interactionId,
            chatId: frame.chatId,
            token: frame.token,
            expiresAt: frame.expiresAt,
            customer: frame.customer,
          },
          // A new notice (a new offer, or a transfer to this seat) starts a new join.
          join: 'waiting',
          joinToken: null,
          customerLeft: false,
        }));
      case 'chat.join':
        return onJoin(frame);
      case 'chat.joinRefused':
        return alert(frame.interactionId, { kind: 'refused', code: frame.code });
      case 'chat.transcript':
      case 'chat.message':
        return update(frame.interactionId, (s) =>
          withMessages(
            { ...s, chatId: frame.chatId },
            frame.type === 'chat.message' ? [frame.message] : frame.messages,
          ),
        );
      case 'chat.typing':
        return onTyping(frame.interactionId, frame.active);
      case 'chat.receipt':
        return update(frame.interactionId, (s) =>
          frame.kind === 'read'
            ? { ...s, read: Math.max(s.read, frame.seq), delivered: Math.max(s.delivered, frame.seq) }
            : { ...s, delivered: Math.max(s.delivered, frame.seq) },
        );
      case 'chat.customerLeft':
        return update(frame.interactionId, (s) => ({ ...s, customerLeft: true, customerTyping: false }));
      case 'interaction.revoked': {
        // A lead's list losing work from view says nothing about a chat this seat is offered or serves
        // (a lead may serve the very chat they transferred to another team).
        if (frame.reason === outOfViewReason) return;
        const s = get(frame.interactionId);
        if (s) put({ ...s, notice: null, join: 'waiting', joinToken: null, acceptWanted: false });
        return;
      }
      default:
        return;
    }
  };

  const deliver = async (id: string, clientId: string, text: string, attachment: ChatAttachment | null) => {
    try {
      await socket.request({
        type: 'chat.send',
        interactionId: id,
        clientId,
        text,
        ...(attachment ? { attachmentId: attachment.id } : {}),
      });
    } catch (error) {
      const why = options.describeError(error);
      update(id, (s) => ({
        ...s,
        outgoing: s.outgoing.map((o) =>
          o.clientId === clientId ? { ...o, state: 'failed', error: why } : o,
        ),
      }));
      throw error;
    }
  };

  return {
    session: get,
    session$(id) {
      return new Observable<ChatSession | undefined>((subscriber) => {
        let last: ChatSession | undefined | null = null;
        return sessions.subscribe((map) => {
          const s = map.get(id);
          if (s !== last) subscriber.next((last = s));
        });
      });
    },
    alerts$: alerts.asObservable(),
    hasNotice: (id) => get(id)?.notice != null,
    async accept(id) {
      const s = get(id);
      if (s?.join === 'verified') {
        await sendAccept(id);
        return 'accepted';
      }
      update(id, (x) => ({ ...x, acceptWanted: true }));
      return 'waiting';
    },
    send(id, text, attachment = null) {
      const clientId = options.newClientId();
      update(id, (s) => ({
        ...s,
        outgoing: [...s.outgoing, { clientId, text, attachment, state: 'sending', error: null }],
      }));
      return deliver(id, clientId, text, attachment);
    },
    retry(id, clientId) {
      const o = get(id)?.outgoing.find((x) => x.clientId === clientId);
      if (!o) return Promise.resolve();
      update(id, (s) => ({
        ...s,
        outgoing: s.outgoing.map((x) =>
          x.clientId === clientId ? { ...x, state: 'sending', error: null } : x,
        ),
      }));
      return deliver(id, clientId, o.text, o.attachment);
    },
    typing(id, active) {
      socket
        .request({ type: 'chat.typing', interactionId: id, active })
        .catch((error: unknown) => console.warn('[chat] typing signal failed', error));
    },
    markRead(id) {
      const s = get(id);
      if (!s) return;
      const seq = lastCustomerSeq(s);
      if (seq <= s.readSent) return;
      put({ ...s, readSent: seq });
      socket
        .request({ type: 'chat.read', interactionId: id, seq })
        .catch((error: unknown) => console.warn('[chat] read receipt failed', error));
    },
    history: (id) => socket.request({ type: 'chat.history', interactionId: id }),
    start() {
      const subscription = socket.messages$.subscribe(onFrame);
      return () => {
        subscription.unsubscribe();
        for (const cancel of typingFades.values()) cancel();
        typingFades.clear();
      };
    },
  };
}
