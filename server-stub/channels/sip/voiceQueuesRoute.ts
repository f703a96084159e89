import type { FastifyInstance } from 'fastify';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { SeatError } from '@contract/errors';
import { callableQueueListResponseSchema, callableQueueQuerySchema } from '@contract/http/voice';
import { defineRoute } from '../../http/route';
import { queueSlug } from './directory';

const configSchema = z.object({ channels: z.array(z.string()).default([]) });

/**
 * GET /api/voice/queues?tenant=demo: the queues a customer can call, for the widget's picker. Public
 * like /sip itself (callers are anonymous); it names queues the tenant already publishes as SIP addresses.
 */
export function registerVoiceQueuesRoute(app: FastifyInstance, sqlite: Database): void {
  const tenant = sqlite.prepare('SELECT id FROM tenants WHERE slug = ?');
  const queues = sqlite.prepare('SELECT name, config FROM queues WHERE tenant_id = ? ORDER BY name');
  defineRoute(app, {
    method: 'GET',
    url: '/api/voice/queues',
    access: 'public',
    summary: 'Queues a customer can call from the web widget (sip:<slug>@<tenant>)',
    tags: ['voice'],
    querystring: callableQueueQuerySchema,
    response: { 200: callableQueueListResponseSchema },
    handler: async ({ query }) => {
      const row = tenant.get(query.tenant) as { id: string } | undefined;
      if (!row) throw new SeatError('NOT_FOUND', `No tenant ${query.tenant}.`);
      const rows = queues.all(row.id) as Array<{ name: string; config: string }>;
      return {
        queues: rows
          .filter((q) => configSchema.safeParse(JSON.parse(q.config)).data?.channels.includes('voice'))
          .map((q) => ({ slug: queueSlug(q.name), name: q.name })),
      };
    },
  });
}
