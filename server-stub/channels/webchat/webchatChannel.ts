import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServerMessage } from '@contract/ws';
import type { InteractionService } from '../../interactions/interactionService';
import type { SeatStore } from '../../store/database';
import type { SeatSocketExtension } from '../../ws/seatSocketRoute';
import type { Mailbox, Relay } from '../email/mailboxConfig';
import { createChatStore, type ChatStore } from './chatStore';
import { registerCustomerSocket } from './customerSocket';
import { createJoinTokens } from './joinTokens';
import { createRateLimiter } from './rateLimiter';
import { createSeatChatExtension } from './seatChatExtension';
import { createTranscriptMailer } from './transcriptMail';
import { registerWebchatRoutes } from './webchatRoutes';
import { createWebchatService, type WebchatService } from './webchatService';
import { webchatOptionsSchema, type WebchatOptions } from './webchatOptions';

// The composition root of the web chat: store, tokens, limits, transcript mailer, the service, the
// customer socket, the HTTP routes and the seat socket extension. The server builds it once.

/** What the channel needs from the server. */
export interface WebchatChannelDeps {
  store: SeatStore;
  service: InteractionService;
  sendToAgent: (tenantId: string, agentId: string, frame: ServerMessage) => number;
  mailboxesOf: (tenantId: string) => Mailbox[];
  relayOf: (mailbox: Mailbox) => Relay | null;
  options?: WebchatOptions;
  now: () => number;
  generateId: () => string;
  onError(error: unknown, where: string): void;
}

/** The web chat channel, built and ready to start. */
export interface WebchatChannel {
  chats: ChatStore;
  service: WebchatService;
  socketExtension: SeatSocketExtension;
  /** Every routing frame on its way to a seat; the chat follows offers, withdrawals and updates. */
  agentFrame(tenantId: string, agentId: string, frame: ServerMessage): void;
  registerRoutes(app: FastifyInstance): void;
  /** Starts the queue-figure and token-sweep timers; returns the stop function. */
  start(): () => void;
}

/** Builds the channel. */
export function createWebchatChannel(deps: WebchatChannelDeps): WebchatChannel {
  const options = webchatOptionsSchema.parse(deps.options ?? {});
  const { now, generateId } = deps;
  const chats = createChatStore(deps.store.sqlite);
  const tokens = createJoinTokens({ now, randomToken: () => randomBytes(32).toString('base64url') });
  const tenantLookup = deps.store.sqlite.prepare('SELECT id FROM tenants WHERE id = ? OR slug = ?');
  const resolveTenant = (idOrSlug: string) =>
    (tenantLookup.get(idOrSlug, idOrSlug) as { id: string } | undefined)?.id ?? null;
  const queueTopics = deps.store.sqlite.prepare(
    'SELECT id, name, config FROM queues WHERE tenant_id = ? ORDER BY name',
  );
  const topicsOf = (tenant: string) =>
    (queueTopics.all(resolveTenant(tenant) ?? '') as Array<{ id: string; name: string; config: string }>)
      .filter((q) => {
        try {
          const config = JSON.parse(q.config) as { channels?: unknown };
          return Array.isArray(config.channels) && config.channels.includes('im');
        } catch (error) {
          deps.onError(error, `queue ${q.id} config`);
          return false;
        }
      })
      .map((q) => ({ id: q.id, label: q.name, queueId: q.id }));
  const limiter = (burst: number, perSecond: number) => createRateLimiter({ now, burst, perSecond });
  const limiters = {
    customerLimiter: limiter(options.customerBurst, options.customerPerSecond),
    agentLimiter: limiter(options.agentBurst, options.agentPerSecond),
    typingLimiter: limiter(options.typingBurst, options.typingPerSecond),
    agentTypingLimiter: limiter(options.agentTypingBurst, options.agentTypingPerSecond),
    joinLimiter: limiter(options.joinBurst, options.joinPerSecond),
    uploadLimiter: limiter(options.uploadBurst, options.uploadPerSecond),
  };
  const startLimiter = limiter(options.startsPerMinute, options.startsPerMinute / 60);
  const uploadAddressLimiter = limiter(options.uploadsPerMinute, options.uploadsPerMinute / 60);
  const service = createWebchatService({
    chats,
    routing: deps.service,
    tokens,
    ...limiters,
    attachmentQuota: { files: options.maxAttachmentsPerChat, bytes: options.maxAttachmentBytesPerChat },
    mailer: createTranscriptMailer({
      chats,
      mailboxesOf: deps.mailboxesOf,
      relayOf: deps.relayOf,
      now,
      newId: generateId,
    }),
    resolveTenant,
    topicsOf,
    sendToAgent: deps.sendToAgent,
    now,
    generateId,
    onError: deps.onError,
  });
  let stopSocket: () => void = () => {};

  return {
    chats,
    service,
    socketExtension: createSeatChatExtension(service),
    agentFrame: (tenantId, agentId, frame) => service.agentFrame(tenantId, agentId, frame),
    registerRoutes(app) {
      registerWebchatRoutes(app, {
        service,
        chats,
        routing: deps.service,
        startLimiter,
        uploadAddressLimiter,
        topicsOf,
      });
      stopSocket = registerCustomerSocket(app, { service, heartbeatMs: options.heartbeatMs });
    },
    start() {
      const ticker = setInterval(() => {
        try {
          service.tick();
          tokens.sweep();
          // Buckets of chats and addresses gone quiet are full again: forgetting them keeps memory flat.
          for (const l of [...Object.values(limiters), startLimiter, uploadAddressLimiter]) l.sweep();
        } catch (error) {
          deps.onError(error, 'web chat queue figures');
        }
      }, options.queueUpdateMs);
      ticker.unref();
      return () => {
        clearInterval(ticker);
        stopSocket();
      };
    },
  };
}
