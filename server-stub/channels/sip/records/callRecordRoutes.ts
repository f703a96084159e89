import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { roles } from '@contract/auth';
import { SeatError } from '@contract/errors';
import {
  callListQuerySchema,
  callListResponseSchema,
  customerContactsQuerySchema,
} from '@contract/http/calls';
import { customerParamsSchema } from '@contract/http/customers';
import { callerOf, defineRoute } from '../../../http/route';
import type { CallRecordStore } from './callRecordStore';

/**
 * Call records over HTTP: a customer's calls for everyone who may open the customer (the seat's
 * contact history), and every call of the tenant, filtered, for leads and admins.
 */
export function registerCallRecordRoutes(
  app: FastifyInstance,
  records: CallRecordStore,
  sqlite: Database,
): void {
  const customer = sqlite.prepare('SELECT 1 FROM customers WHERE tenant_id = ? AND id = ?');

  defineRoute(app, {
    method: 'GET',
    url: '/api/customers/:id/contacts',
    access: roles,
    summary: "The customer's calls (contact records), newest first",
    tags: ['calls'],
    params: customerParamsSchema,
    querystring: customerContactsQuerySchema,
    response: { 200: callListResponseSchema },
    handler: async ({ params, query, request }) => {
      const { tenantId } = callerOf(request).user;
      if (!customer.get(tenantId, params.id)) throw new SeatError('NOT_FOUND', `No customer ${params.id}.`);
      return { calls: records.list(tenantId, { customerId: params.id, limit: query.limit }) };
    },
  });

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
