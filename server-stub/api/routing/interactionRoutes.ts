import { roles } from '@contract/auth';
import { SeatError, parseOrThrow } from '@contract/errors';
import {
  createInteractionRequestSchema,
  createInteractionResponseSchema,
  emptyRequestSchema,
  idempotencyKeySchema,
  interactionSchema,
  interactionStateSchema,
  rejectRequestSchema,
  transferRequestSchema,
  wrapupRequestSchema,
} from '@contract/routing';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { callerOf, defineRoute } from '../../http/route';
import type { InteractionService } from '../../interactions/interactionService';
import { notACall, ownedBy } from '../../seat-events/routingSocket';

// The door every channel adapter uses (create, cancel), and the agent's actions on its work over
// HTTP (the seat socket offers the same actions as frames). Channel adapters sign in as admins:
// service accounts of the tenant.

const idParams = z.object({ id: z.string().min(1).max(128) }).strict();
const listQuery = z
  .object({
    state: z
      .string()
      .default('queued,offered,active,wrapup')
      .transform((s) => s.split(','))
      .pipe(z.array(interactionStateSchema).min(1).max(10)),
    // A lead's inbox loads its whole view once and then follows frames, so the page is large.
    limit: z.coerce.number().int().min(1).max(10_000).default(100),
  })
  .strict();
const handlers = ['agent', 'team_lead'] as const;

/** The agent the caller acts as; admins have none. */
function agentOf(request: FastifyRequest): { tenantId: string; agentId: string } {
  const { user } = callerOf(request);
  if (!user.agentId) throw new SeatError('FORBIDDEN', 'Only users with an agent record handle interactions.');
  return { tenantId: user.tenantId, agentId: user.agentId };
}

/** Registers /api/interactions and its actions. */
/**
 * A channel that takes an agent's accept itself (the web chat accepts only once the customer's join
 * passed the token check); null when no channel claims the interaction and the router accepts it.
 */
export type ChannelAccept = (
  tenantId: string,
  interactionId: string,
  agentId: string,
) => Promise<void> | null;

export function registerInteractionRoutes(
  app: FastifyInstance,
  service: InteractionService,
  channelAccept: ChannelAccept = () => null,
): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/interactions',
    access: ['admin'],
    summary:
      'Create an interaction (channel adapters). Needs an Idempotency-Key header or body field: a retry returns the original with 200.',
    tags: ['routing'],
    body: createInteractionRequestSchema,
    response: { 201: createInteractionResponseSchema, 200: createInteractionResponseSchema },
    handler: async ({ body, request }, reply) => {
      const header = request.headers['idempotency-key'];
      const fromHeader =
        header === undefined
          ? undefined
          : parseOrThrow(idempotencyKeySchema, Array.isArray(header) ? header[0] : header);
      if (fromHeader && body.idempotencyKey && fromHeader !== body.idempotencyKey) {
        throw new SeatError(
          'VALIDATION_FAILED',
          'The Idempotency-Key header and the idempotencyKey field differ.',
        );
      }
      const key = fromHeader ?? body.idempotencyKey;
      if (!key)
        throw new SeatError(
          'VALIDATION_FAILED',
          'Send an Idempotency-Key header (or idempotencyKey field) so a retry cannot queue twice.',
        );
      const result = await service.batched.create(callerOf(request).user.tenantId, body, key);
      reply.code(result.created ? 201 : 200);
      return result;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/interactions',
    access: ['team_lead', 'admin'],
    summary:
      "Interactions in the given states (comma separated), newest first: an admin's whole tenant; a team lead's view, i.e. the tenant's queued work and what is offered to or held by the agents of the lead's team",
    tags: ['routing'],
    querystring: listQuery,
    response: { 200: z.object({ interactions: z.array(interactionSchema) }) },
    handler: async ({ query, request }) => {
      const { user } = callerOf(request);
      // The same view the lead's seat socket follows (seat-events/leadInteractionFeed.ts).
      const team =
        user.role === 'admin' || user.agentId === null ? null : service.teamOf(user.tenantId, user.agentId);
      const agents =
        user.role === 'admin' ? undefined : team === null ? [] : service.teamAgents(user.tenantId, team);
      return { interactions: service.list(user.tenantId, query.state, query.limit, agents) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/interactions/:id',
    access: roles,
    summary: 'One interaction with its position and estimated wait while queued (agents see only their own)',
    tags: ['routing'],
    params: idParams,
    response: { 200: z.object({ interaction: interactionSchema }) },
    handler: async ({ params, request }) => {
      const { user } = callerOf(request);
      const interaction = service.get(user.tenantId, params.id);
      if (user.role === 'agent' && interaction.agentId !== user.agentId)
        throw new SeatError('NOT_FOUND', `There is no interaction ${params.id}.`);
      return { interaction };
    },
  });

  const action = <B extends z.ZodType>(
    name: string,
    summary: string,
    body: B,
    run: (tenantId: string, agentId: string, id: string, body: z.output<B>) => Promise<unknown>,
  ) =>
    defineRoute(app, {
      method: 'POST',
      url: `/api/interactions/:id/${name}`,
      access: handlers,
      summary,
      tags: ['routing'],
      params: idParams,
      body,
      response: { 200: z.object({ interaction: interactionSchema }) },
      handler: async ({ params, body: input, request }) => {
        const { tenantId, agentId } = agentOf(request);
        await run(tenantId, agentId, params.id, input);
        return { interaction: service.get(tenantId, params.id) };
      },
    });

  action(
    'accept',
    'Accept the interaction offered to you (not a call: a call is taken by answering it on the phone)',
    emptyRequestSchema,
    (t, a, id) => {
      notACall(service, t, id);
      // The same path as the seat socket's accept: no channel's own check is skipped over HTTP.
      return channelAccept(t, id, a) ?? service.batched.accept(t, id, a);
    },
  );
  action(
    'reject',
    'Reject the interaction offered to you (it goes back to the head of its queue)',
    rejectRequestSchema,
    (t, a, id) => service.batched.reject(t, id, a),
  );
  action('end', 'End the interaction you handle; wrap-up starts', emptyRequestSchema, (t, a, id) => {
    ownedBy(service, t, id, a);
    return service.batched.end(t, id, a);
  });
  action('wrapup', 'Finish wrap-up with a disposition code', wrapupRequestSchema, (t, a, id, body) =>
    service.batched.wrapup(t, id, a, body.disposition),
  );
  action(
    'transfer',
    'Transfer the interaction you handle to a queue or an agent; attached data travels with it',
    transferRequestSchema,
    (t, a, id, body) => service.batched.transfer(t, id, a, body.to),
  );

  defineRoute(app, {
    method: 'POST',
    url: '/api/interactions/:id/cancel',
    access: ['admin'],
    summary: 'The customer left (hung up, closed the chat) while waiting or being offered (channel adapters)',
    tags: ['routing'],
    params: idParams,
    body: emptyRequestSchema,
    response: { 200: z.object({ interaction: interactionSchema }) },
    handler: async ({ params, request }) => {
      const { user } = callerOf(request);
      return { interaction: await service.batched.cancel(user.tenantId, params.id, user.id) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/interactions/:id/hangup',
    access: ['admin'],
    summary: 'The customer hung up during the conversation (channel adapters): the agent goes to wrap-up',
    tags: ['routing'],
    params: idParams,
    body: emptyRequestSchema,
    response: { 200: z.object({ interaction: interactionSchema }) },
    handler: async ({ params, request }) => {
      const { user } = callerOf(request);
      return { interaction: await service.batched.end(user.tenantId, params.id, 'customer') };
    },
  });
}
