import {
  maxChatAttachmentBytes,
  startChatResponseSchema,
  uploadChatAttachmentResponseSchema,
  webchatServerFrameSchema,
  type ChatAttachment,
  type StartChatRequest,
  type StartChatResponse,
  type WebchatClientFrame,
} from '@contract/webchat';
import { errorBodySchema } from '@contract/errors';
import {
  applyServerFrame,
  initialChatState,
  retryPending,
  type ChatViewState,
  type PendingMessage,
} from './chatState';

// The page's side of the chat: the pre-chat form over HTTP, then one socket that is opened again
// after any drop with `after=<last seq>` (so nothing said meanwhile is lost) and that resends what
// the server has not confirmed (it keeps one message per client id, so nothing doubles). The
// queuing result's token is used at once to join the agent the router picked.

/** Where the chat's credentials are kept so a reload finds the chat again. */
export const chatStorageKey = 'seat.webchat';

/** What the connection needs from the page (injected so tests run it against fakes). */
export interface ChatConnectionDeps {
  origin: string;
  tenant: string;
  fetch: typeof fetch;
  createSocket(url: string): WebSocket;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  newClientId(): string;
}

/** The chat as the view drives it. */
export interface ChatConnection {
  readonly state: ChatViewState;
  /** The chat's id and key once started (for attachment links). */
  readonly chat: StartChatResponse | null;
  subscribe(listener: (state: ChatViewState) => void): () => void;
  start(form: Omit<StartChatRequest, 'tenantId'>): Promise<void>;
  /** Opens the stored chat of this tab again (after a reload); false when there is none. */
  resume(): boolean;
  send(text: string, attachment?: ChatAttachment): void;
  /** Sends a message the server refused (rate limit, …) again; the customer chose to. */
  retry(clientId: string): void;
  /** Drops a refused message the customer gives up on. */
  discard(clientId: string): void;
  typing(active: boolean): void;
  markRead(seq: number): void;
  end(emailTranscript: boolean): void;
  upload(file: File): Promise<ChatAttachment>;
  dispose(): void;
}

const maxBackoffMs = 10_000;
/** WebSocket.OPEN, spelled out so the module does not need a global WebSocket to load. */
const openState = 1;

/** Reads the catalogue error of a failed reply, or a generic sentence. */
async function failureText(reply: Response): Promise<string> {
  try {
    const body = errorBodySchema.safeParse(await reply.json());
    if (body.success) return body.data.error.message;
  } catch {
    // Not JSON (a proxy's page): fall through to the status line.
  }
  return `The server answered ${reply.status}.`;
}

/** Builds the connection. */
export function createChatConnection(deps: ChatConnectionDeps): ChatConnection {
  let state = initialChatState();
  let chat: StartChatResponse | null = null;
  let socket: WebSocket | null = null;
  let retries = 0;
  let retryTimer: unknown = null;
  let disposed = false;
  let readSent = 0;
  const listeners = new Set<(state: ChatViewState) => void>();

  const set = (next: ChatViewState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };
  const write = (frame: WebchatClientFrame) => {
    if (socket && socket.readyState === openState) socket.send(JSON.stringify(frame));
  };
  const fail = (notice: string) => set({ ...state, phase: 'failed', notice, connected: false });
  const writeMessage = (p: PendingMessage) =>
    write({
      type: 'message',
      clientId: p.clientId,
      text: p.text,
      ...(p.attachmentId ? { attachmentId: p.attachmentId } : {}),
    });

  const connect = () => {
    if (!chat || disposed) return;
    const url = new URL('/webchat/ws', deps.origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('chatId', chat.chatId);
    url.searchParams.set('key', chat.chatKey);
    url.searchParams.set('after', String(state.lastSeq));
    const opened = deps.createSocket(url.toString());
    socket = opened;
    let greeted = false;
    opened.onmessage = (event) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        // A frame that is not JSON is not from our server: ignore it rather than act on it.
        return;
      }
      const parsed = webchatServerFrameSchema.safeParse(data);
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.type === 'welcome') {
        greeted = true;
        retries = 0;
      }
      set(applyServerFrame(state, frame));
      // A refused message waits for the customer's retry: resending it by itself would be refused again.
      if (frame.type === 'welcome') for (const p of state.pending) if (p.failed === null) writeMessage(p);
      if (frame.type === 'assigned') write({ type: 'join', token: frame.token });
      if (frame.type === 'ended') deps.storage?.removeItem(chatStorageKey);
    };
    opened.onclose = () => {
      if (socket !== opened) return;
      socket = null;
      set({ ...state, connected: false, agentTyping: false });
      if (disposed || state.phase === 'ended' || state.phase === 'failed') return;
      if (!greeted && retries >= 5) {
        deps.storage?.removeItem(chatStorageKey);
        return fail('The chat could not be reached. Please start a new one.');
      }
      const delay = Math.min(maxBackoffMs, 500 * 2 ** retries);
      retries++;
      retryTimer = deps.setTimer(connect, delay);
    };
  };

  return {
    get state() {
      return state;
    },
    get chat() {
      return chat;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    async start(form) {
      set({ ...initialChatState(), phase: 'queued', notice: null });
      let reply: Response;
      try {
        reply = await deps.fetch(new URL('/webchat/chats', deps.origin), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...form, tenantId: deps.tenant }),
        });
      } catch {
        return fail('The chat service cannot be reached. Check your connection and try again.');
      }
      if (reply.status !== 201) return fail(await failureText(reply));
      const parsed = startChatResponseSchema.safeParse(await reply.json());
      if (!parsed.success) return fail('The server gave an answer this page does not understand.');
      chat = parsed.data;
      deps.storage?.setItem(chatStorageKey, JSON.stringify(chat));
      connect();
    },
    resume() {
      const raw = deps.storage?.getItem(chatStorageKey);
      if (!raw) return false;
      let stored: unknown;
      try {
        stored = JSON.parse(raw);
      } catch {
        deps.storage?.removeItem(chatStorageKey);
        return false;
      }
      const parsed = startChatResponseSchema.safeParse(stored);
      if (!parsed.success) return false;
      chat = parsed.data;
      set({ ...state, phase: 'connecting' });
      connect();
      return true;
    },
    send(text, attachment) {
      const trimmed = text.trim();
      if (!trimmed && !attachment) return;
      const pending: PendingMessage = {
        clientId: deps.newClientId(),
        text: trimmed,
        attachmentId: attachment?.id ?? null,
        attachmentName: attachment?.filename ?? null,
        failed: null,
      };
      set({ ...state, pending: [...state.pending, pending], notice: null });
      writeMessage(pending);
    },
    retry(clientId) {
      const refused = state.pending.find((p) => p.clientId === clientId && p.failed !== null);
      if (!refused) return;
      set(retryPending(state, clientId));
      writeMessage(refused);
    },
    discard(clientId) {
      set({ ...state, pending: state.pending.filter((p) => p.clientId !== clientId || p.failed === null) });
    },
    typing(active) {
      write({ type: 'typing', active });
    },
    markRead(seq) {
      if (seq <= readSent) return;
      readSent = seq;
      write({ type: 'read', seq });
    },
    end(emailTranscript) {
      write({ type: 'end', emailTranscript });
    },
    async upload(file) {
      if (!chat) throw new Error('Start the chat first.');
      if (file.size > maxChatAttachmentBytes)
        throw new Error(`The file is larger than ${Math.round(maxChatAttachmentBytes / 1024 / 1024)} MB.`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const reply = await deps.fetch(
        new URL(`/webchat/chats/${encodeURIComponent(chat.chatId)}/attachments`, deps.origin),
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-chat-key': chat.chatKey },
          body: JSON.stringify({
            filename: file.name,
            contentType: file.type || 'application/octet-stream',
            contentBase64: btoa(binary),
          }),
        },
      );
      if (reply.status !== 201) throw new Error(await failureText(reply));
      return uploadChatAttachmentResponseSchema.parse(await reply.json()).attachment;
    },
    dispose() {
      disposed = true;
      if (retryTimer !== null) deps.clearTimer(retryTimer);
      socket?.close();
      listeners.clear();
    },
  };
}

/** The attachment's download address for the customer. */
export function attachmentUrl(
  origin: string,
  chatId: string,
  chatKey: string,
  attachmentId: string,
  inline: boolean,
) {
  const url = new URL(
    `/webchat/chats/${encodeURIComponent(chatId)}/attachments/${encodeURIComponent(attachmentId)}`,
    origin,
  );
  url.searchParams.set('key', chatKey);
  if (inline) url.searchParams.set('inline', '1');
  return url.toString();
}
