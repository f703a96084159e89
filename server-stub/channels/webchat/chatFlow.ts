import { createHash, timingSafeEqual } from 'node:crypto';
import { SeatError } from '@contract/errors';
import type { Interaction } from '@contract/routing';
import type { ChatMessage, WebchatClientFrame, WebchatServerFrame } from '@contract/webchat';
import { maxChatMessageChars } from '@contract/webchat';
import type { ServerMessage } from '@contract/ws';
import type { ChatRecord } from './chatStore';
import type { CustomerLink, WebchatServiceDeps } from './webchatService';

// The steps of the web-access flow the service's operations are made of: the notice and token to
// the seat with the queuing result to the page, the checked join, the acceptance, relaying stored
// messages, going back to the queue and ending. It holds the in-memory side of live chats (open
// pages, joins waiting for the seat, tokens given to pages), which a restart rebuilds from the offer.

export const sha256hex = (text: string) => createHash('sha256').update(text).digest('hex');
export const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The flow's steps and live state, shared by the service's operations. */
export type ChatFlow = ReturnType<typeof createChatFlow>;

/** Builds the flow over the service's dependencies. */
export function createChatFlow(deps: WebchatServiceDeps) {
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
    const reached = deps.sendToAgent(tenantId, agentId, {
      type: 'chat.transcript',
      interactionId,
      chatId: chat.id,
      messages: chats.messages(chat.id),
    });
    // What the customer wrote while waiting reached the agent with the transcript.
    if (reached > 0 && fresh.lastSeq > 0) {
      const seq = chats.mark(chat.id, 'agent_delivered', fresh.lastSeq);
      if (seq > 0) toCustomer(chat.id, { type: 'receipt', kind: 'delivered', seq });
    }
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
    // A resend of a stored message (the page missed its `stored`) is confirmed, never rate-limited:
    // refusing it would show the customer as failed a message the agent already has.
    const known = chats.byClientId(chat.id, 'customer', frame.clientId);
    if (known) return toCustomer(chat.id, { type: 'stored', clientId: frame.clientId, seq: known.seq });
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
    links,
    joins,
    intents,
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
  };
}
