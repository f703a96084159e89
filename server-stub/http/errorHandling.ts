import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SeatError } from '@contract/errors';
import { toSeatError } from './errorMapping';

/** Serves what the API does not: the web seat's files, or null to answer NOT_FOUND. */
export type FallbackHandler = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

/**
 * The one error handler and the one not-found handler: every error reply is an ErrorBody with a
 * catalogue code. Server faults are logged with their stack; the caller only sees INTERNAL.
 */
export function registerErrorHandling(app: FastifyInstance, fallback: FallbackHandler): void {
  app.setErrorHandler((error, request, reply) => {
    const seatError = toSeatError(error);
    if (seatError.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: seatError.code }, 'request refused');
    if (seatError.status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.status(seatError.status).type('application/json; charset=utf-8').send(seatError.toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    const served = fallback(request, reply);
    if (served) return served;
    throw new SeatError('NOT_FOUND', `There is no ${request.method} ${request.url.split('?')[0]}.`);
  });
}
