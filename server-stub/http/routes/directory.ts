import { roles } from '@contract/auth';
import { SeatError } from '@contract/errors';
import {
  agentListResponseSchema,
  agentRosterResponseSchema,
  agentSelfResponseSchema,
} from '@contract/http/agents';
import { adminUserListResponseSchema } from '@contract/http/admin';
import {
  customerParamsSchema,
  customerResponseSchema,
  customerSearchQuerySchema,
  customerSearchResponseSchema,
} from '@contract/http/customers';
import { queueListResponseSchema, reasonCodeListResponseSchema } from '@contract/http/queues';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SeatDatabase } from '../../store/schema';
import { listAgents } from '../../store/queries/agents';
import { getCustomer, searchCustomers } from '../../store/queries/customers';
import { listQueues, listReasonCodes } from '../../store/queries/queues';
import { listUsers } from '../../store/queries/users';
import { callerOf, defineRoute } from '../route';

const noQuery = z.object({}).strict();

/** Read routes the seat shell needs now; each is scoped to the caller's tenant. */
export function registerDirectoryRoutes(app: FastifyInstance, db: Kysely<SeatDatabase>): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/queues',
    access: roles,
    summary: 'Queues of the tenant with their required skills',
    tags: ['directory'],
    querystring: noQuery,
    response: { 200: queueListResponseSchema },
    handler: async ({ request }) => ({ queues: await listQueues(db, callerOf(request).user.tenantId) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/reason-codes',
    access: roles,
    summary: 'Not-ready reasons an agent can pick',
    tags: ['directory'],
    querystring: noQuery,
    response: { 200: reasonCodeListResponseSchema },
    handler: async ({ request }) => ({
      reasonCodes: await listReasonCodes(db, callerOf(request).user.tenantId),
    }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/agents',
    access: ['team_lead', 'admin'],
    summary: 'Agents of the tenant with team, skills, capacities and state',
    tags: ['directory'],
    querystring: noQuery,
    response: { 200: agentListResponseSchema },
    handler: async ({ request }) => ({ agents: await listAgents(db, callerOf(request).user.tenantId) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/agents/roster',
    access: roles,
    summary: 'Colleagues with team and state (no skills or capacities): transfer targets for any seat',
    tags: ['directory'],
    querystring: noQuery,
    response: { 200: agentRosterResponseSchema },
    handler: async ({ request }) => ({
      agents: (await listAgents(db, callerOf(request).user.tenantId)).map((a) => ({
        id: a.id,
        displayName: a.displayName,
        team: a.team,
        state: a.status.state,
      })),
    }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/agents/me',
    access: ['agent', 'team_lead'],
    summary: "The signed-in user's own agent record: team, skills, channel capacities and state",
    tags: ['directory'],
    querystring: noQuery,
    response: { 200: agentSelfResponseSchema },
    handler: async ({ request }) => {
      const { user } = callerOf(request);
      const agent = user.agentId
        ? (await listAgents(db, user.tenantId)).find((a) => a.id === user.agentId)
        : undefined;
      if (!agent) throw new SeatError('NOT_FOUND', 'This account has no agent record.');
      return { agent };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/customers',
    access: roles,
    summary: 'Search customers by name or contact point',
    tags: ['customers'],
    querystring: customerSearchQuerySchema,
    response: { 200: customerSearchResponseSchema },
    handler: async ({ query, request }) => ({
      customers: await searchCustomers(db, callerOf(request).user.tenantId, query.q, query.limit),
    }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/customers/:id',
    access: roles,
    summary: 'One customer with contact points, tier, consent and account manager',
    tags: ['customers'],
    params: customerParamsSchema,
    querystring: noQuery,
    response: { 200: customerResponseSchema },
    handler: async ({ params, request }) => {
      const customer = await getCustomer(db, callerOf(request).user.tenantId, params.id);
      if (!customer) throw new SeatError('NOT_FOUND', 'There is no such customer.');
      return { customer };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/admin/users',
    access: ['admin'],
    summary: 'Accounts of the tenant (no password hashes)',
    tags: ['admin'],
    querystring: noQuery,
    response: { 200: adminUserListResponseSchema },
    handler: async ({ request }) => ({ users: await listUsers(db, callerOf(request).user.tenantId) }),
  });
}
