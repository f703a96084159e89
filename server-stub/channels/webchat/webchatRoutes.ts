import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { SeatError } from '@contract/errors';
import { idSchema } from '@contract/routing';
import {
  chatIdSchema,
  chatKeySchema,
  chatTopicsResponseSchema,
  chatTranscriptResponseSchema,
  customerChatsResponseSchema,
  maxChatAttachmentBytes,
  startChatRequestSchema,
  startChatResponseSchema,
  uploadChatAttachmentRequestSchema,
  uploadChatAttachmentResponseSchema,
} from '@contract/webchat';
import { callerOf, defineRoute } from '../../http/route';
import type { InteractionService } from '../../interactions/interactionService';
import { contentDisposition } from '../email/emailRoutes';
import type { ChatStore } from './chatStore';
import type { RateLimiter } from './rateLimiter';
import type { WebchatService } from './webchatService';

// HTTP of the web chat. Public, for the customer's page: topics, start a chat (the pre-chat form),
// upload and download attachments with the chat key. Signed in, for the seat: a chat's transcript,
// the customer's chats (their history), attachments of the chats the agent serves.

/** What the routes need. */
export interface WebchatRouteDeps {
  service: WebchatService;
  chats: ChatStore;
  routing: Pick<InteractionService, 'get'>;
  /** Limits new chats per client address. */
  startLimiter: RateLimiter;
  /** Limits customer uploads per client address, across its chats. */
  uploadAddressLimiter: RateLimiter;
  topicsOf(tenantId: string): Array<{ id: string; label: string; queueId: string }>;
}

const readers = ['agent', 'team_lead', 'admin'] as const;
const writers = ['agent', 'team_lead'] as const;
const chatParams = z.object({ chatId: chatIdSchema }).strict();
const attachmentParams = z.object({ chatId: chatIdSchema, attachmentId: idSchema }).strict();
const uploadLimit = Math.ceil((maxChatAttachmentBytes * 4) / 3) + 64 * 1024;

/** Sends attachment bytes: pictures may show inline, anything else only downloads; never sniffed, sandboxed. */
function sendAttachment(
  reply: FastifyReply,
  attachment: { filename: string; contentType: string; content: Buffer },
  inline: boolean,
) {
  const disposition = contentDisposition(attachment.filename);
  return reply
    .header('content-type', attachment.contentType)
    .header(
      'content-disposition',
      inline && attachment.contentType.startsWith('image/')
        ? disposition.replace(/^attachment/, 'inline')
        : disposition,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(attachment.content);
}

/** Registers the /webchat and /api/chats routes. */
export function registerWebchatRoutes(app: FastifyInstance, deps: WebchatRouteDeps): void {
  const { service, chats } = deps;

  const keyOf = (header: unknown, query: unknown) => {
    const raw = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
    const parsed = chatKeySchema.safeParse(raw);
    if (!parsed.success)
      throw new SeatError('UNAUTHENTICATED', 'Send the chat key (X-Chat-Key header or ?key=).');
    return parsed.data;
  };

  /** A chat of the caller's tenant that the caller may read. */
  const readable = (chatId: string, tenantId: string) => {
    const chat = chats.chat(chatId);
    if (!chat || chat.tenantId !== tenantId) throw new SeatError('NOT_FOUND', 'There is no such chat.');
    return chat;
  };

  defineRoute(app, {
    method: 'GET',
    url: '/webchat/topics',
    access: 'public',
    summary: 'Topics of the pre-chat form (each served by one queue)',
    tags: ['webchat'],
    querystring: z.object({ tenantId: idSchema.default('demo') }).strict(),
    response: { 200: chatTopicsResponseSchema },
    handler: async ({ query }) => ({ topics: deps.topicsOf(query.tenantId) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/webchat/chats',
    access: 'public',
    summary: 'Start a chat: the pre-chat form queues it as an im interaction',
    tags: ['webchat'],
    body: startChatRequestSchema,
    response: { 201: startChatResponseSchema },
    handler: async ({ body, request }, reply) => {
      if (!deps.startLimiter.take(request.ip))
        throw new SeatError('RATE_LIMITED', 'Too many chats started from here; wait a minute.');
      const { chat, chatKey } = service.start(body);
      return reply.code(201).send({
        chatId: chat.id,
        chatKey,
        interactionId: chat.interactionId,
        socketPath: '/webchat/ws',
      });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/webchat/chats/:chatId/attachments',
    access: 'public',
    summary: 'Customer uploads an attachment (X-Chat-Key); type sniffed from the bytes, size limited',
    tags: ['webchat'],
    params: chatParams,
    body: uploadChatAttachmentRequestSchema,
    bodyLimit: uploadLimit,
    response: { 201: uploadChatAttachmentResponseSchema },
    handler: async ({ params, body, request }, reply) => {
      service.authenticate(params.chatId, keyOf(request.headers['x-chat-key'], undefined));
      if (!deps.uploadAddressLimiter.take(request.ip))
        throw new SeatError('RATE_LIMITED', 'Too many files sent from here; wait a minute.');
      const attachment = service.upload(params.chatId, 'customer', body);
      return reply.code(201).send({ attachment });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/webchat/chats/:chatId/attachments/:attachmentId',
    access: 'public',
    summary: 'Customer downloads an attachment of their chat (?key=)',
    tags: ['webchat'],
    params: attachmentParams,
    querystring: z
      .object({ key: z.string().max(128).optional(), inline: z.enum(['0', '1']).optional() })
      .strict(),
    response: { 200: null },
    handler: async ({ params, query, request }, reply) => {
      service.authenticate(params.chatId, keyOf(request.headers['x-chat-key'], query.key));
      const attachment = chats.attachment(params.chatId, params.attachmentId);
      if (!attachment) throw new SeatError('NOT_FOUND', 'There is no such attachment.');
      return sendAttachment(reply, attachment, query.inline === '1');
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/chats/:chatId',
    access: readers,
    summary: 'One chat with its whole transcript',
    tags: ['webchat'],
    params: chatParams,
    response: { 200: chatTranscriptResponseSchema },
    handler: async ({ params, request }) => {
      const chat = readable(params.chatId, callerOf(request).user.tenantId);
      return { chat: chats.transcript(chat) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/customers/:id/chats',
    access: readers,
    summary: "The customer's chats with their transcripts, newest first (contact history)",
    tags: ['webchat', 'customers'],
    params: z.object({ id: idSchema }).strict(),
    querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) }).strict(),
    response: { 200: customerChatsResponseSchema },
    handler: async ({ params, query, request }) => ({
      chats: chats.chatsOfCustomer(callerOf(request).user.tenantId, params.id, query.limit),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/chats/:chatId/attachments',
    access: writers,
    summary: 'The serving agent uploads an attachment; type sniffed from the bytes, size limited',
    tags: ['webchat'],
    params: chatParams,
    body: uploadChatAttachmentRequestSchema,
    bodyLimit: uploadLimit,
    response: { 201: uploadChatAttachmentResponseSchema },
    handler: async ({ params, body, request }, reply) => {
      const { user } = callerOf(request);
      const chat = readable(params.chatId, user.tenantId);
      const interaction = deps.routing.get(chat.tenantId, chat.interactionId);
      if (!user.agentId || interaction.agentId !== user.agentId || interaction.state !== 'active')
        throw new SeatError('CONFLICT', 'Only the agent serving the chat can add files to it.');
      const attachment = service.upload(params.chatId, `agent:${user.agentId}`, body);
      return reply.code(201).send({ attachment });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/chats/:chatId/attachments/:attachmentId',
    access: readers,
    summary: 'Download an attachment of a chat of your tenant',
    tags: ['webchat'],
    params: attachmentParams,
    querystring: z.object({ inline: z.enum(['0', '1']).optional() }).strict(),
    response: { 200: null },
    handler: async ({ params, query, request }, reply) => {
      readable(params.chatId, callerOf(request).user.tenantId);
      const attachment = chats.attachment(params.chatId, params.attachmentId);
      if (!attachment) throw new SeatError('NOT_FOUND', 'There is no such attachment.');
      return sendAttachment(reply, attachment, query.inline === '1');
    },
  });
}
