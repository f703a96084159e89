import {
  emailMessageSchema,
  emailReplyRequestSchema,
  emailReplyResponseSchema,
  emailThreadSchema,
  type EmailMessage,
  type EmailThread,
} from '@contract/email';
import { SeatError } from '@contract/errors';
import type { Interaction } from '@contract/routing';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { callerOf, defineRoute } from '../../http/route';
import type { InteractionService } from '../../interactions/interactionService';
import { composeReply } from './composeReply';
import type { EmailSender } from './emailSender';
import { mailboxInputSchema } from './mailboxConfig';
import type { MailboxStore } from './mailboxStore';
import type { MessageRecord, MessageStore, ThreadRecord } from './messageStore';
import { createSafeHtml } from './safeHtml';
import { summaryOf } from './threadRouting';

// The seat's e-mail API: read a thread and its messages (HTML sanitised once on the server and kept,
// see safeHtml.ts; the seat sanitises again with DOMPurify), download attachments, and reply / reply-all / forward. Agents read the
// threads they hold or held; leads and admins read any of their tenant. Only the agent who owns the
// interaction (or a team lead) sends.

const idSchema = z.string().min(1).max(128);
const threadParams = z.object({ id: idSchema }).strict();
const attachmentParams = z.object({ id: idSchema, attachmentId: idSchema }).strict();
const ownedStates = new Set<Interaction['state']>(['active', 'held', 'wrapup']);
const readers = ['agent', 'team_lead', 'admin'] as const;

/** What the routes need. */
export interface EmailRouteDeps {
  messages: MessageStore;
  mailboxes: MailboxStore;
  service: InteractionService;
  sender: EmailSender;
  maxReplyBytes: number;
  maxMessageBytes: number;
  now: () => number;
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Registers /api/email routes. */
export function registerEmailRoutes(app: FastifyInstance, deps: EmailRouteDeps): void {
  const { messages, mailboxes, service } = deps;
  const safeHtmlOf = createSafeHtml(messages);

  const interactionOf = (thread: ThreadRecord): Interaction | null => {
    if (!thread.interactionId) return null;
    try {
      return service.get(thread.tenantId, thread.interactionId);
    } catch (error) {
      if (error instanceof SeatError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  };

  /** The thread, if the caller may read it; NOT_FOUND otherwise (no hint that it exists). */
  const readableThread = (request: FastifyRequest, threadId: string): ThreadRecord => {
    const { user } = callerOf(request);
    const thread = messages.thread(user.tenantId, threadId);
    if (!thread) throw new SeatError('NOT_FOUND', 'There is no such e-mail thread.');
    if (user.role === 'agent') {
      const current = interactionOf(thread);
      const involved =
        (current?.agentId && current.agentId === user.agentId) ||
        (thread.lastAgentId && thread.lastAgentId === user.agentId);
      if (!involved) throw new SeatError('NOT_FOUND', 'There is no such e-mail thread.');
    }
    return thread;
  };

  const readableMessage = (
    request: FastifyRequest,
    messageRowId: string,
  ): { message: MessageRecord; thread: ThreadRecord } => {
    const message = messages.message(callerOf(request).user.tenantId, messageRowId);
    if (!message) throw new SeatError('NOT_FOUND', 'There is no such e-mail message.');
    return { message, thread: readableThread(request, message.threadId) };
  };

  const threadView = (thread: ThreadRecord): EmailThread => {
    const mailbox = mailboxes.byId(thread.tenantId, thread.mailboxId);
    return {
      id: thread.id,
      mailboxId: thread.mailboxId,
      mailboxAddress: mailbox?.address ?? '',
      subject: thread.subject,
      customerId: thread.customerId,
      interactionId: thread.interactionId,
      createdAt: new Date(thread.createdAt).toISOString(),
      updatedAt: new Date(thread.updatedAt).toISOString(),
      messages: messages.messages(thread.id).map(summaryOf),
    };
  };

  const messageView = (message: MessageRecord): EmailMessage => {
    const attachments = messages.attachments(message.id, false);
    const sanitised = safeHtmlOf(message);
    return {
      ...summaryOf(message),
      text: message.text,
      html: sanitised?.html ?? null,
      htmlNotes: {
        removedActiveContent: sanitised?.removedActiveContent ?? false,
        blockedRemoteImages: sanitised?.blockedRemoteImages ?? 0,
      },
      inReplyTo: message.inReplyTo,
      references: message.references,
      replyTo: message.replyTo,
      attachments: attachments.map(({ messageRowId: _m, content: _c, ...a }) => a),
      error: message.error,
    };
  };

  defineRoute(app, {
    method: 'GET',
    url: '/api/email/threads/:id',
    access: readers,
    summary: 'An e-mail thread with its messages (without bodies)',
    tags: ['email'],
    params: threadParams,
    response: { 200: emailThreadSchema },
    handler: async ({ params, request }) => threadView(readableThread(request, params.id)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/email/interactions/:id/thread',
    access: readers,
    summary: 'The e-mail thread an interaction belongs to',
    tags: ['email'],
    params: threadParams,
    response: { 200: emailThreadSchema },
    handler: async ({ params, request }) => {
      const thread = messages.threadOfInteraction(callerOf(request).user.tenantId, params.id);
      if (!thread) throw new SeatError('NOT_FOUND', 'This interaction has no e-mail thread.');
      return threadView(readableThread(request, thread.id));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/email/messages/:id',
    access: readers,
    summary: 'One e-mail message with text, sanitised HTML (remote images parked) and attachment list',
    tags: ['email'],
    params: threadParams,
    response: { 200: emailMessageSchema },
    handler: async ({ params, request }) => messageView(readableMessage(request, params.id).message),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/email/messages/:id/attachments/:attachmentId',
    access: readers,
    summary: 'Download one attachment (always as an attachment, never rendered inline)',
    tags: ['email'],
    params: attachmentParams,
    response: { 200: null },
    handler: async ({ params, request }, reply) => {
      const { message } = readableMessage(request, params.id);
      const attachment = messages.attachment(message.tenantId, message.id, params.attachmentId);
      if (!attachment?.content) throw new SeatError('NOT_FOUND', 'There is no such attachment.');
      // The customer chose the type: it is sent as a download, unsniffed and sandboxed if opened anyway.
      reply
        .header('content-type', attachment.contentType)
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store');
      return reply.send(attachment.content);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/email/messages/:id/raw',
    access: ['team_lead', 'admin'],
    summary: 'The message exactly as received or sent (message/rfc822 download)',
    tags: ['email'],
    params: threadParams,
    response: { 200: null },
    handler: async ({ params, request }, reply) => {
      const { message } = readableMessage(request, params.id);
      const raw = messages.raw(message.tenantId, message.id);
      if (!raw) throw new SeatError('NOT_FOUND', 'The raw source is not stored.');
      reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', contentDisposition(`${message.id}.eml`))
        .header('x-content-type-options', 'nosniff');
      return reply.send(raw);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/email/messages/:id/reply',
    access: ['agent', 'team_lead'],
    summary:
      'Reply, reply to all or forward a message through the mailbox relay, with quoting and attachments',
    tags: ['email'],
    params: threadParams,
    body: emailReplyRequestSchema,
    bodyLimit: deps.maxReplyBytes,
    response: { 201: emailReplyResponseSchema },
    handler: async ({ params, body, request }, reply) => {
      const { user } = callerOf(request);
      const { message: original, thread } = readableMessage(request, params.id);
      const current = interactionOf(thread);
      const owns =
        current && user.agentId && current.agentId === user.agentId && ownedStates.has(current.state);
      if (!owns && user.role !== 'team_lead')
        throw new SeatError('FORBIDDEN', 'Only the agent handling this e-mail can answer it.');
      const mailbox = mailboxes.byId(thread.tenantId, thread.mailboxId);
      if (!mailbox) throw new SeatError('NOT_FOUND', 'The mailbox of this thread is gone.');
      const added = body.attachments.reduce(
        (sum, a) => sum + Math.floor((a.contentBase64.length * 3) / 4),
        0,
      );
      if (added > deps.maxMessageBytes)
        throw new SeatError(
          'BODY_TOO_LARGE',
          `Attachments larger than ${deps.maxMessageBytes} bytes cannot be sent.`,
        );
      const composed = composeReply({
        mailbox,
        original,
        originalAttachments:
          body.mode === 'forward' && body.includeOriginalAttachments
            ? messages.attachments(original.id, true)
            : [],
        request: body,
        safeHtmlOf,
      });
      const sent = await deps.sender.send({
        mailbox,
        threadId: thread.id,
        composed,
        source: 'seat',
        sentBy: user.agentId ?? user.id,
      });
      if (user.agentId) messages.setThreadLastAgent(thread.id, user.agentId);
      reply.code(201);
      return { message: messageView(sent) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/email/mailboxes',
    access: ['admin'],
    summary: 'Mailboxes of the tenant (passwords never returned)',
    tags: ['email'],
    response: { 200: z.object({ mailboxes: z.array(z.record(z.string(), z.unknown())) }) },
    handler: async ({ request }) => ({
      mailboxes: mailboxes.list(callerOf(request).user.tenantId).map((m) => ({
        ...m,
        settings: {
          ...m.settings,
          imap: m.settings.imap ? { ...m.settings.imap, password: '********' } : null,
          relay: m.settings.relay
            ? { ...m.settings.relay, ...(m.settings.relay.password ? { password: '********' } : {}) }
            : null,
        },
      })),
    }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/email/mailboxes/:id',
    access: ['admin'],
    summary: 'Create or replace a mailbox (address, queue, IMAP, relay, auto-acknowledgement)',
    tags: ['email'],
    params: threadParams,
    body: mailboxInputSchema.omit({ id: true }),
    response: { 200: z.object({ id: z.string(), address: z.string(), queueId: z.string() }) },
    handler: async ({ params, body, request }) => {
      const saved = mailboxes.save(callerOf(request).user.tenantId, { ...body, id: params.id }, deps.now());
      return { id: saved.id, address: saved.address, queueId: saved.queueId };
    },
  });
}
