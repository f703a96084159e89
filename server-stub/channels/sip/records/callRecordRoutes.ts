import type { FastifyInstance } from 'fastify';
import { callListQuerySchema, callListResponseSchema } from '@contract/http/calls';
import { callerOf, defineRoute } from '../../../http/route';
import type { CallRecordStore } from './callRecordStore';

/**
 * Every call of the tenant over HTTP, filtered, for leads and admins. A customer's calls are read
 * with their other contacts (server-stub/customers/, GET /api/customers/:id/contacts).
 */
export function registerCallRecordRoutes(app: FastifyInstance, records: CallRecordStore): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/calls',
    access: ['team_lead', 'admin'],
    summary: 'Calls of the tenant by customer, agent, queue, interaction, direction and time, newest first',
    tags: ['calls'],
    querystring: callListQuerySchema,
    response: { 200: callListResponseSchema },
    handler: async ({ query, request }) => ({ calls: records.list(callerOf(request).user.tenantId, query) }),
  });
}
