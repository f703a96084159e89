import { SeatError } from '@contract/errors';
import { healthResponseSchema } from '@contract/http/health';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { SeatDatabase } from '../../store/schema';
import { defineRoute } from '../route';

/** GET /healthz: public, answers 200 only when the database answers too. */
export function registerHealthRoute(
  app: FastifyInstance,
  deps: { db: Kysely<SeatDatabase>; now: () => number; startedAt: number },
): void {
  defineRoute(app, {
    method: 'GET',
    url: '/healthz',
    access: 'public',
    summary: 'Liveness and database check',
    tags: ['health'],
    response: { 200: healthResponseSchema },
    handler: async () => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch (error) {
        throw new SeatError('UNAVAILABLE', 'The database does not answer.', [
          { path: 'db', message: String(error) },
        ]);
      }
      return {
        status: 'ok',
        db: 'ok',
        time: new Date(deps.now()).toISOString(),
        uptimeSeconds: Math.max(0, (deps.now() - deps.startedAt) / 1000),
      };
    },
  });
}
