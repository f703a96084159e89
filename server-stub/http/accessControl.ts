import { SeatError } from '@contract/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/authService';
import './fastifyTypes';

/** Paths whose routes must declare `config.access`; registering one without it fails at start-up. */
const guardedPrefixes = ['/api', '/ws'];

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) {
    if (!request.routeOptions.config.tokenFromQuery) return null;
    const token = (request.query as Record<string, unknown> | undefined)?.['token'];
    return typeof token === 'string' && token.length > 0 ? token : null;
  }
  const match = /^Bearer ([^\s]+)$/i.exec(header);
  if (!match?.[1])
    throw new SeatError('UNAUTHENTICATED', 'Send the session token as "Authorization: Bearer <token>".');
  return match[1];
}

/**
 * One hook decides access for every route: public routes pass, the others need a valid session
 * whose role the route admits. Routes under /api and /ws that forget to declare access are
 * refused when registered, so none can be left open by mistake.
 */
export function registerAccessControl(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('seatAuth', null);

  app.addHook('onRoute', (route) => {
    const guarded = guardedPrefixes.some((p) => route.url === p || route.url.startsWith(`${p}/`));
    if (guarded && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const context = await auth.authenticate(bearerToken(request));
    if (!access.includes(context.user.role)) throw new SeatError('FORBIDDEN');
    request.seatAuth = context;
  });
}
