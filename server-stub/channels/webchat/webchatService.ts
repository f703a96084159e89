import { randomBytes } from 'node:crypto';
import { SeatError } from '@contract/errors';
import type { Interaction } from '@contract/routing';
import type {
  ChatAttachment,
  StartChatRequest,
  UploadChatAttachmentRequest,
  WebchatClientFrame,
  WebchatServerFrame,
} from '@contract/webchat';
import { startChatRequestSchema } from '@contract/webchat';
import type { ClientMessage, ServerMessage } from '@contract/ws';
import { parseOrThrow } from '@contract/errors';
import type { InteractionService } from '../../interactions/interactionService';
import { checkAttachment } from './attachmentCheck';
import { createChatFlow, sameText, sha256hex } from './chatFlow';
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
  /** Customer typing signals, per chat. */
  typingLimiter: RateLimiter;
  /** Agent typing signals, per chat: a stuck or hostile seat must not flood the customer's page. */
  agentTypingLimiter: RateLimiter;
  /** Join attempts, per chat. */
  joinLimiter: RateLimiter;
  /** Attachment uploads, per uploader and chat. */
  uploadLimiter: RateLimiter;
  /** Files and bytes one chat may hold. */
  attachmentQuota: { files: number; bytes: number };
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

/** Builds the service. */
export function createWebchatService(deps: WebchatServiceDeps): WebchatService {
  const { chats, routing, tokens } = deps;
  const {
    links,
    joins,
    assignedTokens,
    earlyOffers,
    lastQueueFigures,
    toCustomer,
    chatOrThrow,
    interactionOf,
    agentName,
    systemLine,
    relay,
    sendTranscript,
    beginFrame,
    offerTo,
    assignedFrame,
    backToQueue,
    finish,
    sendQueueFigures,
    heldBy,
    accept,
    join,
    customerSays,
  } = createChatFlow(deps);

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
          if (!deps.joinLimiter.take(chatId))
            throw new SeatError('RATE_LIMITED', 'Too many attempts to join this chat; wait a few seconds.');
          join(chat, frame.token);
          return;
        case 'message':
          customerSays(chat, frame);
          return;
        case 'typing': {
          if (!deps.typingLimiter.take(chatId))
            throw new SeatError(
              'RATE_LIMITED',
              'Typing signals are coming too fast; they are ignored for a moment.',
            );
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
          if (!deps.agentTypingLimiter.take(chat.id))
            throw new SeatError(
              'RATE_LIMITED',
              'Typing signals are coming too fast; they are ignored for a moment.',
            );
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
      // Limited before the bytes are decoded and sniffed: the limit is there to cap that work too.
      if (!deps.uploadLimiter.take(`${by}:${chatId}`))
        throw new SeatError('RATE_LIMITED', 'Files are being sent too fast in this chat; wait a moment.');
      const bytes = Buffer.from(body.contentBase64, 'base64');
      const contentType = checkAttachment({ filename: body.filename, contentType: body.contentType, bytes });
      const usage = chats.attachmentUsage(chatId);
      const { files, bytes: quota } = deps.attachmentQuota;
      if (usage.count >= files || usage.bytes + bytes.length > quota)
        throw new SeatError(
          'CONFLICT',
          `This chat already holds ${usage.count} files (${Math.round(usage.bytes / 1024)} KB); no more can be added to it.`,
        );
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
