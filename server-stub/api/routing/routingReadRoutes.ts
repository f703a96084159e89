import { roles } from '@contract/auth';
import { SeatError } from '@contract/errors';
import { queueLiveSchema, setAgentStateRequestSchema } from '@contract/routing';
import { agentStatusSchema } from '@contract/ws';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf, defineRoute } from '../../http/route';
import type { InteractionService } from '../../interactions/interactionService';
import { queueConfigSchema } from '../../routing/events';
import type { StatsAggregator } from '../../stats/aggregator';

// Reads of the live routing state (queues with estimated wait, agents, statistics), the agent state
// change over HTTP (a lead can force one), a queue's routing settings, and the engine snapshot an
// operator compares before and after a restart.

const idParams = z.object({ id: z.string().min(1).max(128) }).strict();
const noQuery = z.object({}).strict();
/** Routing settings an admin may change; the skills stay in the directory (queue_skills). */
const queueRoutingSchema = queueConfigSchema.omit({ queueId: true, rings: true }).partial().strict();

/** Registers the routing read routes and settings. */
export function registerRoutingReadRoutes(
  app: FastifyInstance,
  service: InteractionService,
  now: () => number,
  stats: StatsAggregator,
): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/queues/:id/live',
    access: roles,
    summary:
      'The queue now: waiting, staffed and available agents, longest wait, estimated wait of a new arrival',
    tags: ['routing'],
    params: idParams,
    querystring: noQuery,
    response: { 200: z.object({ queue: queueLiveSchema }) },
    handler: async ({ params, request }) => ({
      queue: service.queueLive(callerOf(request).user.tenantId, params.id),
    }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/queues/:id/routing',
    access: ['admin'],
    summary:
      'Change how a queue routes: strategy, offer timeout, wrap-up time and dispositions, overflow, announcements, priorities',
    tags: ['routing'],
    params: idParams,
    body: queueRoutingSchema,
    response: { 204: null },
    handler: async ({ params, body, request }, reply) => {
      await service.batched.updateQueueRouting(callerOf(request).user.tenantId, params.id, body);
      reply.code(204);
      return null;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/routing/agents',
    access: ['team_lead', 'admin'],
    summary: 'Every agent state as the router holds it (with since)',
    tags: ['routing'],
    querystring: noQuery,
    response: { 200: z.object({ agents: z.array(agentStatusSchema) }) },
    handler: async ({ request }) => ({ agents: service.agents(callerOf(request).user.tenantId) }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/agents/:id/state',
    access: roles,
    summary:
      'Set an agent state: agents their own, team leads and admins any agent of the tenant (forced, attributed to them)',
    tags: ['routing'],
    params: idParams,
    body: setAgentStateRequestSchema,
    response: { 200: z.object({ status: agentStatusSchema }) },
    handler: async ({ params, body, request }) => {
      const { user } = callerOf(request);
      if (user.role === 'agent' && user.agentId !== params.id)
        throw new SeatError('FORBIDDEN', 'Agents set only their own state.');
      if (body.state === 'not_ready' && !body.reason)
        throw new SeatError('VALIDATION_FAILED', 'Not ready needs a reason code.');
      if (body.state !== 'not_ready' && body.reason)
        throw new SeatError('VALIDATION_FAILED', 'A reason code goes only with not_ready.');
      return {
        status: await service.batched.setAgentState(
          user.tenantId,
          params.id,
          body.state,
          body.reason ?? null,
          user.id,
        ),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/stats',
    access: ['team_lead', 'admin'],
    summary:
      'Live statistics of the tenant: per queue (current quarter hour and today, SL and SL2) and per agent',
    tags: ['routing'],
    querystring: z.object({ intervals: z.enum(['true', 'false']).default('false') }).strict(),
    response: {
      200: z.looseObject({
        tenantId: z.string(),
        at: z.number(),
        queues: z.array(z.unknown()),
        agents: z.array(z.unknown()),
      }),
    },
    handler: async ({ query, request }) =>
      stats.snapshot(callerOf(request).user.tenantId, now(), { intervals: query.intervals === 'true' }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/admin/routing/snapshot',
    access: ['admin'],
    summary: 'The routing engine snapshot and log position (to check a restart rebuilt the same state)',
    tags: ['routing'],
    querystring: noQuery,
    response: { 200: z.object({ lastSeq: z.number(), events: z.number(), engine: z.unknown() }) },
    handler: async ({ request }) => service.snapshot(callerOf(request).user.tenantId),
  });
}
