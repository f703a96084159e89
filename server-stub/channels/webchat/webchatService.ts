import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SeatError, type ErrorCode } from '@contract/errors';
import type { Interaction } from '@contract/routing';
import type {
  ChatAttachment,
  ChatMessage,
  StartChatRequest,
  UploadChatAttachmentRequest,
  WebchatClientFrame,
  WebchatServerFrame,
} from '@contract/webchat';
import { maxChatMessageChars, startChatRequestSchema } from '@contract/webchat';
import type { ClientMessage, ServerMessage } from '@contract/ws';
import { parseOrThrow } from '@contract/errors';
import type { InteractionService } from '../../interactions/interactionService';
import { checkAttachment } from './attachmentCheck';
import type { ChatRecord, ChatStore } from './chatStore';
import type { JoinTokens } from './joinTokens';
import type { RateLimiter } from './rateLimiter';
import type { TranscriptMailer } from './transcriptMail';

// The web chat's behaviour, after the web-access patent: a chat is queued as an `im` interaction;
// when the router offers it to an agent, the seat gets the begin-of-service notice (customer's chat
// identity + one-time token) and the customer's page the same token as its queuing result; the
// page joins with it; the server checks the token (single use, bound to agent + chat + interaction,
// unexpired) and only then passes the join to the seat, which compares it with its notice and
// accepts; only that acceptance makes the agent serve the chat (capacity counted by the router).
// Everything said is stored first, then relayed; pages and seats resume from stored sequence numbers.

/** A customer's open socket, as the service writes to it. */
export interface CustomerLink {
  send(frame: WebchatServerFrame): void;
  close(code: number, reason: string): void;
}

/** The seat side of one socket, as the service sees it. */
export interface SeatSide {
  tenantId: string;
  agentId: string | null;
  send(frame: ServerMessage): void;
}

/** Chat frames the seat sends. */
export type SeatChatFrame = Extract<ClientMessage, { type: `chat.${string}` }>;

/** What the service needs from the server. */
export interface WebchatServiceDeps {
  chats: ChatStore;
  routing: Pick<InteractionService, 'create' | 'get' | 'cancel' | 'end' | 'actions' | 'queueLive'>;
  tokens: JoinTokens;
  /** One bucket per chat for the customer, one per agent and chat for the seat. */
  customerLimiter: RateLimiter;
  agentLimiter: RateLimiter;
  mailer: TranscriptMailer;
  /** The tenant id of an id or slug (the widget's link names the slug), else null. */
  resolveTenant(idOrSlug: string): string | null;
  /** Queues of the tenant that take chats (topic id = queue id). */
  topicsOf(tenantId: string): Array<{ id: string; label: string; queueId: string }>;
  /** Sends to every socket of the agent; returns how many got it. */
  sendToAgent(tenantId: string, agentId: string, frame: ServerMessage): number;
  now: () => number;
  generateId: () => string;
  onError(error: unknown, where: string): void;
}

/** The web chat channel's operations. */
export interface WebchatService {
  /** The pre-chat form: stores the chat and queues it as an `im` interaction. */
  start(input: StartChatRequest): { chat: ChatRecord; chatKey: string };
  /** The chat whose key this is; throws UNAUTHENTICATED / NOT_FOUND otherwise. */
  authenticate(chatId: string, key: string): ChatRecord;
  /** A customer's socket opened: greets it, replays messages after `after`, tells where the chat stands. Returns the disposer. */
  connect(chatId: string, link: CustomerLink, after: number): () => void;
  /** One frame from the customer's page; refusals are thrown as SeatErrors, changing nothing. */
  customerFrame(chatId: string, frame: WebchatClientFrame): Promise<void>;
  /** One chat frame from a seat; throws SeatErrors for refusals. */
  seatFrame(frame: SeatChatFrame, seat: SeatSide): Promise<void>;
  /** Whether the seat's `interaction.accept` is about a web chat (then `acceptFromInbox` answers it). */
  isChat(tenantId: string, interactionId: string): boolean;
  /**
   * `interaction.accept` of a web chat (the inbox's Accept): accepted at once when the customer's join
   * already passed the token check, else held until it does; never on the seat's word alone.
   */
  acceptFromInbox(tenantId: string, interactionId: string, agentId: string): Promise<void>;
  /** A routing frame on its way to a seat (offer, update, revoked): the chat follows it. */
  agentFrame(tenantId: string, agentId: string, frame: ServerMessage): void;
  /** A seat socket opened: notices of its offered chats and transcripts of its active ones. */
  seatOpened(seat: SeatSide): void;
  /** Stores an attachment of the chat (customer or agent); the type is sniffed, the size limited. */
  upload(chatId: string, by: string, body: UploadChatAttachmentRequest): ChatAttachment;
  /** Sends queue position and estimated wait to waiting pages whose figures changed. */
  tick(): void;
}

const sha256hex = (text: string) => createHash('sha256').update(text).digest('hex');
const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Builds the service. */
export function createWebchatService(deps: WebchatServiceDeps): WebchatService {
  const { chats, routing, tokens } = deps;
  const links = new Map<string, Set<CustomerLink>>();
  // A join that passed the server's token check and waits for the seat's answer: chat id → binding.
  const joins = new Map<string, { interactionId: string; agentId: string; token: string }>();
  const lastQueueFigures = new Map<string, string>();
  // The token last given to each chat's page, so a page that reconnects before joining gets it again.
  const assignedTokens = new Map<string, { token: string; agentId: string; expiresAt: number }>();
  // Agents who pressed Accept (inbox) before the customer's join arrived: accepted once the join passes the check.
  const intents = new Map<string, string>();
  // Offers made while `start` was still creating the interaction (its row not yet stored).
  const earlyOffers = new Map<string, { agentId: string; expiresAt: number }>();

  const toCustomer = (chatId: string, frame: WebchatServerFrame): number => {
    const set = links.get(chatId);
    if (!set) return 0;
    for (const link of set) link.send(frame);
    return set.size;
  };

  const chatOrThrow = (chatId: string) => {
    const chat = chats.chat(chatId);
    if (!chat) throw new SeatError('NOT_FOUND', 'There is no such chat.');
    return chat;
  };

  const interactionOf = (chat: ChatRecord): Interaction | undefined => {
    try {
      return routing.get(chat.tenantId, chat.interactionId);
    } catch (error) {
      deps.onError(error, `reading interaction ${chat.interactionId}`);
      return undefined;
    }
  };

  const agentName = (tenantId: string, agentId: string) => chats.agentName(tenantId, agentId) ?? 'an agent';

  const systemLine = (chat: ChatRecord, text: string) => {
    const { message } = chats.append({
      chatId: chat.id,
      author: 'system',
      agentId: null,
      authorName: null,
      text,
      attachmentId: null,
      clientId: null,
      at: deps.now(),
    });
    relay(chat, message);
  };

  /** Sends a stored message to the customer's pages and the serving (or offered) agent's seats. */
  const relay = (chat: ChatRecord, message: ChatMessage) => {
    const reachedCustomer = toCustomer(chat.id, { type: 'message', message });
    const interaction = interactionOf(chat);
    const agentId =
      interaction?.state === 'active' || interaction?.state === 'held' ? interaction.agentId : null;
    let reachedAgent = 0;
    if (agentId)
      reachedAgent = deps.sendToAgent(chat.tenantId, agentId, {
        type: 'chat.message',
        interactionId: chat.interactionId,
        chatId: chat.id,
        message,
      });
    // Delivered = it reached an open socket of the other side; read comes from that side.
    if (message.author === 'customer' && reachedAgent > 0) {
      const seq = chats.mark(chat.id, 'agent_delivered', message.seq);
      toCustomer(chat.id, { type: 'receipt', kind: 'delivered', seq });
    }
    if (message.author === 'agent' && reachedCustomer > 0 && agentId) {
      const seq = chats.mark(chat.id, 'customer_delivered', message.seq);
      deps.sendToAgent(chat.tenantId, agentId, {
        type: 'chat.receipt',
        interactionId: chat.interactionId,
        kind: 'delivered',
        seq,
      });
    }
  };

  const sendTranscript = (chat: ChatRecord, seat: { send(frame: ServerMessage): void }) =>
    seat.send({
      type: 'chat.transcript',
      interactionId: chat.interactionId,
      chatId: chat.id,
      messages: chats.messages(chat.id),
    });

  /** The begin-of-service notice: the customer's chat identity and the one-time token they will join with. */
  const beginFrame = (chat: ChatRecord, token: string, expiresAt: number): ServerMessage => ({
    type: 'chat.begin',
    interactionId: chat.interactionId,
    chatId: chat.id,
    customer: { name: chat.name, contact: chat.contact, topic: chat.topic, customerId: chat.customerId },
    token,
    expiresAt: new Date(expiresAt).toISOString(),
  });

  const notice = (chat: ChatRecord, agentId: string, expiresAt: number) => {
    const issued = tokens.issue(
      { tenantId: chat.tenantId, chatId: chat.id, interactionId: chat.interactionId, agentId },
      expiresAt,
    );
    joins.delete(chat.id);
    intents.delete(chat.id);
    chats.setState(chat.id, 'connecting');
    const frame: ServerMessage = beginFrame(chat, issued.token, expiresAt);
    return { issued, frame };
  };

  const offerTo = (chat: ChatRecord, agentId: string, expiresAt: number) => {
    if (chat.state === 'ended') return;
    const { issued, frame } = notice(chat, agentId, expiresAt);
    deps.sendToAgent(chat.tenantId, agentId, frame);
    assignedTokens.set(chat.id, { token: issued.token, agentId, expiresAt });
    sendAssigned(chat, chat.id);
  };

  const assignedFrame = (chat: ChatRecord, chatId: string): WebchatServerFrame | undefined => {
    const assigned = assignedTokens.get(chatId);
    if (!assigned) return undefined;
    return {
      type: 'assigned',
      agentName: agentName(chat.tenantId, assigned.agentId),
      token: assigned.token,
      expiresAt: new Date(assigned.expiresAt).toISOString(),
    };
  };
  const sendAssigned = (chat: ChatRecord, chatId: string) => {
    const frame = assignedFrame(chat, chatId);
    if (frame) toCustomer(chatId, frame);
  };

  const backToQueue = (chat: ChatRecord, reason: string) => {
    tokens.withdraw(chat.id);
    assignedTokens.delete(chat.id);
    joins.delete(chat.id);
    intents.delete(chat.id);
    if (chat.state === 'ended' || chat.state === 'queued') return;
    chats.setState(chat.id, 'queued');
    lastQueueFigures.delete(chat.id);
    toCustomer(chat.id, { type: 'requeued', reason });
    sendQueueFigures(chat.id);
  };

  const finish = (chat: ChatRecord, by: 'customer' | 'agent' | 'system', servingAgent: string | null) => {
    if (chat.state === 'ended') return;
    tokens.withdraw(chat.id);
    assignedTokens.delete(chat.id);
    joins.delete(chat.id);
    intents.delete(chat.id);
    systemLine(chat, by === 'customer' ? `${chat.name} left the chat.` : 'The chat has ended.');
    chats.end(chat.id, by, deps.now());
    const wantsMail = chat.emailTranscript;
    toCustomer(chat.id, { type: 'ended', by, transcriptEmailed: wantsMail });
    if (servingAgent)
      deps.sendToAgent(chat.tenantId, servingAgent, {
        type: 'chat.customerLeft',
        interactionId: chat.interactionId,
        chatId: chat.id,
      });
    deps.customerLimiter.forget(chat.id);
    if (wantsMail) {
      const ended = chats.chat(chat.id)!;
      deps.mailer
        .send(ended)
        .catch((error: unknown) => deps.onError(error, `transcript e-mail of chat ${chat.id}`));
    }
  };

  const sendQueueFigures = (chatId: string) => {
    const chat = chats.chat(chatId);
    if (!chat || chat.state !== 'queued') return;
    const interaction = interactionOf(chat);
    if (!interaction || interaction.state !== 'queued') return;
    let wait = interaction.estimatedWaitSeconds;
    if (wait === null) {
      try {
        wait = routing.queueLive(chat.tenantId, chat.queueId).estimatedWaitSeconds;
      } catch (error) {
        deps.onError(error, `queue figures of ${chat.queueId}`);
      }
    }
    const frame: WebchatServerFrame = {
      type: 'queue',
      position: interaction.position,
      estimatedWaitSeconds: wait === null ? null : Math.round(wait),
    };
    const key = JSON.stringify(frame);
    if (lastQueueFigures.get(chatId) === key) return;
    lastQueueFigures.set(chatId, key);
    toCustomer(chatId, frame);
  };

  /** The chat held by this agent as active work, or a refusal. */
  const heldBy = (tenantId: string, interactionId: string, agentId: string) => {
    const chat = chats.chatOfInteraction(tenantId, interactionId);
    if (!chat) throw new SeatError('UNKNOWN_INTERACTION', 'There is no web chat for this interaction.');
    if (chat.state === 'ended') throw new SeatError('CHAT_ENDED');
    const interaction = routing.get(tenantId, interactionId);
    if (interaction.agentId !== agentId || (interaction.state !== 'active' && interaction.state !== 'held'))
      throw new SeatError('CONFLICT', 'You can only write in a chat you are serving.');
    return chat;
  };

  const accept = async (tenantId: string, interactionId: string, agentId: string, token: string | null) => {
    const chat = chats.chatOfInteraction(tenantId, interactionId);
    if (!chat) throw new SeatError('UNKNOWN_INTERACTION', 'There is no web chat for this interaction.');
    if (chat.state === 'ended') throw new SeatError('CHAT_ENDED');
    const join = joins.get(chat.id);
    if ((!join || join.agentId !== agentId) && token === null) {
      const interaction = routing.get(tenantId, interactionId);
      if (interaction.state === 'offered' && interaction.agentId === agentId) {
        // The inbox's Accept came first: it takes effect when the customer's join passes the token check.
        intents.set(chat.id, agentId);
        return;
      }
    }
    if (!join || join.interactionId !== interactionId || join.agentId !== agentId)
      throw new SeatError(
        'CONFLICT',
        'The customer has not joined yet: a chat is accepted once their join matches the begin-of-service notice.',
      );
    // The seat compared the join with its notice; the server holds it to the same token it checked.
    if (token !== null && !sameText(token, join.token)) throw new SeatError('CHAT_TOKEN_INVALID');
    await routing.actions.accept(tenantId, interactionId, agentId);
    joins.delete(chat.id);
    chats.setState(chat.id, 'active');
    chats.addAgent(chat.id, agentId);
    const name = agentName(tenantId, agentId);
    toCustomer(chat.id, { type: 'active', agentName: name });
    const fresh = chats.chat(chat.id)!;
    deps.sendToAgent(tenantId, agentId, {
      type: 'chat.transcript',
      interactionId,
      chatId: chat.id,
      messages: chats.messages(chat.id),
    });
    systemLine(fresh, `${name} joined the chat.`);
  };

  const refuseJoin = (chat: ChatRecord, error: SeatError) => {
    // The alert goes to the agent the chat is offered to, if any; the refusal itself to the page (thrown).
    const live = tokens.live(chat.id);
    const interaction = interactionOf(chat);
    const agentId = live?.agentId ?? (interaction?.state === 'offered' ? interaction.agentId : null);
    if (agentId)
      deps.sendToAgent(chat.tenantId, agentId, {
        type: 'chat.joinRefused',
        interactionId: chat.interactionId,
        chatId: chat.id,
        code: error.code,
        reason: error.message,
      });
  };

  const join = (chat: ChatRecord, token: string) => {
    if (chat.state === 'ended') throw new SeatError('CHAT_ENDED');
    let binding;
    try {
      binding = tokens.consume(chat.id, token);
    } catch (error) {
      if (error instanceof SeatError) refuseJoin(chat, error);
      throw error;
    }
    const interaction = interactionOf(chat);
    if (
      binding.interactionId !== chat.interactionId ||
      !interaction ||
      interaction.state !== 'offered' ||
      interaction.agentId !== binding.agentId
    ) {
      const error = new SeatError(
        'CHAT_TOKEN_EXPIRED',
        'The agent this token was issued for is no longer offered the chat.',
      );
      refuseJoin(chat, error);
      throw error;
    }
    joins.set(chat.id, { interactionId: chat.interactionId, agentId: binding.agentId, token });
    deps.sendToAgent(chat.tenantId, binding.agentId, {
      type: 'chat.join',
      interactionId: chat.interactionId,
      chatId: chat.id,
      token,
    });
    if (intents.get(chat.id) === binding.agentId) {
      intents.delete(chat.id);
      accept(chat.tenantId, chat.interactionId, binding.agentId, token).catch((error: unknown) =>
        deps.onError(error, `accepting chat ${chat.id} on the agent's earlier Accept`),
      );
    }
  };

  const customerSays = (chat: ChatRecord, frame: Extract<WebchatClientFrame, { type: 'message' }>) => {
    if (chat.state === 'ended') throw new SeatError('CHAT_ENDED');
    const text = frame.text.trim();
    if (text.length === 0 && !frame.attachmentId)
      throw new SeatError('VALIDATION_FAILED', 'A message needs text or an attachment.');
    if (text.length > maxChatMessageChars) throw new SeatError('MESSAGE_TOO_LONG');
    if (frame.attachmentId && !chats.attachment(chat.id, frame.attachmentId))
      throw new SeatError('NOT_FOUND', 'There is no such attachment in this chat.');
    if (!deps.customerLimiter.take(chat.id))
      throw new SeatError('RATE_LIMITED', 'You are sending messages too fast; wait a moment.');
    const { message, duplicate } = chats.append({
      chatId: chat.id,
      author: 'customer',
      agentId: null,
      authorName: chat.name,
      text,
      attachmentId: frame.attachmentId ?? null,
      clientId: frame.clientId,
      at: deps.now(),
    });
    toCustomer(chat.id, { type: 'stored', clientId: frame.clientId, seq: message.seq });
    if (!duplicate) relay(chat, message);
  };

  return {
    start(input) {
      const parsed = parseOrThrow(startChatRequestSchema, input);
      const tenantId = deps.resolveTenant(parsed.tenantId);
      if (!tenantId) throw new SeatError('NOT_FOUND', 'There is no such contact centre.');
      const form = { ...parsed, tenantId };
      const topic = deps.topicsOf(form.tenantId).find((t) => t.id === form.topic);
      if (!topic) throw new SeatError('UNKNOWN_QUEUE', 'There is no such chat topic.');
      const chatId = `chat-${deps.generateId().replace(/[^A-Za-z0-9_-]/g, '')}`.slice(0, 64);
      const chatKey = randomBytes(24).toString('base64url');
      const customerId = chats.customerByContact(form.tenantId, form.contact);
      const { interaction } = routing.create(
        form.tenantId,
        {
          channel: 'im',
          queueId: topic.queueId,
          ...(customerId ? { customerId } : {}),
          attached: { webchat: { chatId, name: form.name, contact: form.contact, topic: topic.label } },
        },
        `webchat:${chatId}`,
      );
      const chat = chats.create({
        id: chatId,
        tenantId: form.tenantId,
        interactionId: interaction.id,
        customerId,
        name: form.name,
        contact: form.contact,
        topic: topic.id,
        queueId: topic.queueId,
        keySha256: sha256hex(chatKey),
        emailTranscript: form.emailTranscript,
        createdAt: deps.now(),
      });
      // The router may have offered it while creating it: that offer frame came before the row existed.
      const early = earlyOffers.get(interaction.id);
      earlyOffers.delete(interaction.id);
      if (early) offerTo(chat, early.agentId, early.expiresAt);
      return { chat: chats.chat(chatId)!, chatKey };
    },

    authenticate(chatId, key) {
      const chat = chats.chat(chatId);
      if (!chat || !sameText(chat.keySha256, sha256hex(key)))
        throw new SeatError('UNAUTHENTICATED', 'This chat does not exist or the chat key is wrong.');
      return chat;
    },

    connect(chatId, link, after) {
      const chat = chatOrThrow(chatId);
      const set = links.get(chatId) ?? new Set<CustomerLink>();
      links.set(chatId, set);
      set.add(link);
      const interaction = interactionOf(chat);
      const serving =
        interaction && (interaction.state === 'active' || interaction.state === 'held')
          ? interaction.agentId
          : null;
      link.send({
        type: 'welcome',
        chatId,
        state: chat.state,
        agentName: serving ? agentName(chat.tenantId, serving) : null,
        lastSeq: chat.lastSeq,
      });
      const missed = chats.messages(chatId, after);
      for (const message of missed) link.send({ type: 'message', message });
      if (serving && missed.some((m) => m.author === 'agent')) {
        const seq = chats.mark(chatId, 'customer_delivered', chat.lastSeq);
        deps.sendToAgent(chat.tenantId, serving, {
          type: 'chat.receipt',
          interactionId: chat.interactionId,
          kind: 'delivered',
          seq,
        });
      }
      if (chat.state === 'queued') {
        lastQueueFigures.delete(chatId);
        sendQueueFigures(chatId);
      } else if (chat.state === 'connecting' && interaction?.state === 'offered' && interaction.agentId) {
        // A page that lost its socket before joining gets its token again (a fresh one if it lapsed).
        const live = tokens.live(chatId);
        if (live && live.agentId === interaction.agentId && assignedTokens.has(chatId)) {
          if (!joins.has(chatId)) link.send(assignedFrame(chat, chatId)!);
        } else if (!joins.has(chatId)) offerTo(chat, interaction.agentId, deps.now() + 30_000);
      }
      return () => {
        set.delete(link);
        if (set.size === 0) links.delete(chatId);
        if (serving)
          deps.sendToAgent(chat.tenantId, serving, {
            type: 'chat.typing',
            interactionId: chat.interactionId,
            active: false,
          });
      };
    },

    async customerFrame(chatId, frame) {
      const chat = chatOrThrow(chatId);
      switch (frame.type) {
        case 'ping':
          toCustomer(chatId, { type: 'pong' });
          return;
        case 'join':
          join(chat, frame.token);
          return;
        case 'message':
          customerSays(chat, frame);
          return;
        case 'typing': {
          const interaction = interactionOf(chat);
          if (interaction?.agentId && (interaction.state === 'active' || interaction.state === 'held'))
            deps.sendToAgent(chat.tenantId, interaction.agentId, {
              type: 'chat.typing',
              interactionId: chat.interactionId,
              active: frame.active,
            });
          return;
        }
        case 'read': {
          const seq = chats.mark(chatId, 'customer_read', frame.seq);
          const interaction = interactionOf(chat);
          if (
            seq > 0 &&
            interaction?.agentId &&
            (interaction.state === 'active' || interaction.state === 'held')
          )
            deps.sendToAgent(chat.tenantId, interaction.agentId, {
              type: 'chat.receipt',
              interactionId: chat.interactionId,
              kind: 'read',
              seq,
            });
          return;
        }
        case 'end': {
          if (chat.state === 'ended') return;
          if (frame.emailTranscript !== undefined) chats.setEmailTranscript(chatId, frame.emailTranscript);
          const interaction = interactionOf(chat);
          const serving =
            interaction?.state === 'active' || interaction?.state === 'held' ? interaction.agentId : null;
          // The chat ends first: the router's wrap-up frame that follows then finds it already ended by the customer.
          finish(chats.chat(chatId)!, 'customer', serving);
          if (interaction?.state === 'queued' || interaction?.state === 'offered')
            routing.cancel(chat.tenantId, chat.interactionId, 'customer');
          else if (serving) routing.end(chat.tenantId, chat.interactionId, 'customer');
          return;
        }
      }
    },

    async seatFrame(frame, seat) {
      const { tenantId, agentId } = seat;
      if (!agentId) throw new SeatError('FORBIDDEN', 'Only agents and team leads with an agent record chat.');
      switch (frame.type) {
        case 'chat.accept':
          await accept(tenantId, frame.interactionId, agentId, frame.token);
          return;
        case 'chat.reject': {
          const chat = chats.chatOfInteraction(tenantId, frame.interactionId);
          if (!chat) throw new SeatError('UNKNOWN_INTERACTION', 'There is no web chat for this interaction.');
          await routing.actions.reject(tenantId, frame.interactionId, agentId);
          backToQueue(
            chats.chat(chat.id)!,
            'The agent could not take the chat; you are waiting for the next one.',
          );
          return;
        }
        case 'chat.send': {
          const chat = heldBy(tenantId, frame.interactionId, agentId);
          const text = frame.text.trim();
          if (text.length === 0 && !frame.attachmentId)
            throw new SeatError('VALIDATION_FAILED', 'A message needs text or an attachment.');
          if (frame.attachmentId && !chats.attachment(chat.id, frame.attachmentId))
            throw new SeatError('NOT_FOUND', 'There is no such attachment in this chat.');
          if (!deps.agentLimiter.take(`${agentId}:${chat.id}`))
            throw new SeatError('RATE_LIMITED', 'You are sending messages too fast; wait a moment.');
          const { message, duplicate } = chats.append({
            chatId: chat.id,
            author: 'agent',
            agentId,
            authorName: agentName(tenantId, agentId),
            text,
            attachmentId: frame.attachmentId ?? null,
            clientId: frame.clientId,
            at: deps.now(),
          });
          if (!duplicate) relay(chat, message);
          else
            seat.send({ type: 'chat.message', interactionId: chat.interactionId, chatId: chat.id, message });
          return;
        }
        case 'chat.typing': {
          const chat = heldBy(tenantId, frame.interactionId, agentId);
          toCustomer(chat.id, { type: 'typing', active: frame.active });
          return;
        }
        case 'chat.read': {
          const chat = heldBy(tenantId, frame.interactionId, agentId);
          const seq = chats.mark(chat.id, 'agent_read', frame.seq);
          if (seq > 0) toCustomer(chat.id, { type: 'receipt', kind: 'read', seq });
          return;
        }
        case 'chat.history': {
          const chat = chats.chatOfInteraction(tenantId, frame.interactionId);
          const interaction = chat ? interactionOf(chat) : undefined;
          // The serving agent, or the one it is offered to (who needs the history before accepting a transfer).
          if (!chat || !interaction || (interaction.agentId !== agentId && !chat.agentIds.includes(agentId)))
            throw new SeatError('UNKNOWN_INTERACTION', 'There is no web chat of yours with this id.');
          sendTranscript(chat, seat);
          return;
        }
      }
    },

    isChat(tenantId, interactionId) {
      return chats.chatOfInteraction(tenantId, interactionId) !== undefined;
    },

    acceptFromInbox(tenantId, interactionId, agentId) {
      return accept(tenantId, interactionId, agentId, null);
    },

    agentFrame(tenantId, agentId, frame) {
      try {
        if (frame.type === 'interaction.offer') {
          if (frame.interaction.channel !== 'im') return;
          const chat = chats.chatOfInteraction(tenantId, frame.interaction.id);
          if (!chat) {
            if (frame.interaction.attached['webchat'] !== undefined)
              earlyOffers.set(frame.interaction.id, { agentId, expiresAt: Date.parse(frame.expiresAt) });
            return;
          }
          if (chat.agentIds.length > 0 && chat.state === 'active')
            systemLine(chat, `The chat is being passed to ${agentName(tenantId, agentId)}.`);
          offerTo(chats.chat(chat.id)!, agentId, Date.parse(frame.expiresAt));
        } else if (frame.type === 'interaction.revoked') {
          const chat = chats.chatOfInteraction(tenantId, frame.interactionId);
          if (!chat || chat.state === 'ended') return;
          const live = tokens.live(chat.id);
          const pending = joins.get(chat.id);
          if ((live && live.agentId !== agentId) || (pending && pending.agentId !== agentId)) return;
          backToQueue(chat, 'The agent did not answer in time; you are waiting for the next one.');
        } else if (frame.type === 'interaction.update') {
          if (frame.interaction.channel !== 'im') return;
          const chat = chats.chatOfInteraction(tenantId, frame.interaction.id);
          if (!chat || chat.state === 'ended') return;
          const state = frame.interaction.state;
          if (state === 'wrapup' || state === 'ended' || state === 'abandoned' || state === 'released')
            finish(chat, 'agent', null);
          else if (state === 'queued' && chat.state === 'active') {
            systemLine(chat, 'The chat is being passed to another agent.');
            backToQueue(
              chats.chat(chat.id)!,
              'You are being passed to another agent; your messages are kept.',
            );
          }
        }
      } catch (error) {
        deps.onError(error, `web chat following ${frame.type}`);
      }
    },

    seatOpened(seat) {
      if (!seat.agentId) return;
      const agentId = seat.agentId;
      for (const interaction of openInteractionsOf(seat)) {
        const chat = chats.chatOfInteraction(seat.tenantId, interaction.id);
        if (!chat || chat.state === 'ended') continue;
        if (interaction.state === 'active' || interaction.state === 'held') sendTranscript(chat, seat);
        else if (interaction.state === 'offered' && interaction.agentId === agentId) {
          const pending = joins.get(chat.id);
          const live = tokens.live(chat.id);
          if (pending) {
            // The join already passed the check: the seat needs the notice and the join again.
            seat.send(beginFrame(chat, pending.token, live?.expiresAt ?? deps.now() + 30_000));
            seat.send({
              type: 'chat.join',
              interactionId: chat.interactionId,
              chatId: chat.id,
              token: pending.token,
            });
          } else {
            // A seat that (re)connects while the page holds a live token gets the same notice again,
            // so the page's token stays good; only a lapsed token is replaced.
            const assigned = assignedTokens.get(chat.id);
            if (live && live.agentId === agentId && assigned && assigned.agentId === agentId)
              seat.send(beginFrame(chat, assigned.token, assigned.expiresAt));
            else offerTo(chat, agentId, deps.now() + 30_000);
          }
        }
      }
    },

    upload(chatId, by, body) {
      const chat = chatOrThrow(chatId);
      if (chat.state === 'ended') throw new SeatError('CHAT_ENDED');
      const bytes = Buffer.from(body.contentBase64, 'base64');
      const contentType = checkAttachment({ filename: body.filename, contentType: body.contentType, bytes });
      return chats.saveAttachment({
        id: deps.generateId(),
        tenantId: chat.tenantId,
        chatId,
        filename: body.filename,
        contentType,
        bytes,
        uploadedBy: by,
        at: deps.now(),
      });
    },

    tick() {
      for (const chatId of links.keys()) sendQueueFigures(chatId);
    },
  };

  function openInteractionsOf(seat: SeatSide): Interaction[] {
    const found: Interaction[] = [];
    for (const chat of chats.openChats(seat.tenantId)) {
      const interaction = interactionOf(chat);
      if (interaction && interaction.agentId === seat.agentId) found.push(interaction);
    }
    return found;
  }
}

/** The error code of a refusal, for logs and tests. */
export const codeOf = (error: unknown): ErrorCode | null => (error instanceof SeatError ? error.code : null);
