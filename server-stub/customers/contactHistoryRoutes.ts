import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { roles } from '@contract/auth';
import { SeatError } from '@contract/errors';
import { customerContactsQuerySchema, customerContactsResponseSchema } from '@contract/http/contacts';
import { customerParamsSchema } from '@contract/http/customers';
import { callerOf, defineRoute } from '../http/route';
import { decodeCursor } from './contactCursor';
import type { ContactHistory } from './contactHistory';

/**
 * GET /api/customers/:id/contacts: the customer's calls, chats and e-mail threads in one list,
 * for everyone who may open the customer (the seat's customer view), within the caller's tenant.
 */
export function registerContactHistoryRoute(
  app: FastifyInstance,
  history: ContactHistory,
  sqlite: Database,
): void {
  const customer = sqlite.prepare('SELECT 1 FROM customers WHERE tenant_id = ? AND id = ?');

  defineRoute(app, {
    method: 'GET',
    url: '/api/customers/:id/contacts',
    access: roles,
    summary: "The customer's contacts on every channel (calls, chats, e-mail threads), newest first",
    tags: ['customers'],
    params: customerParamsSchema,
    querystring: customerContactsQuerySchema,
    response: { 200: customerContactsResponseSchema },
    handler: async ({ params, query, request }) => {
      const { tenantId } = callerOf(request).user;
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      if (!customer.get(tenantId, params.id)) throw new SeatError('NOT_FOUND', `No customer ${params.id}.`);
      return history(tenantId, params.id, after, query.limit);
    },
  });
}
