import { loginRequestSchema, loginResponseSchema, meResponseSchema, roles } from '@contract/auth';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthService } from '../../auth/authService';
import { callerOf, defineRoute } from '../route';

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
export function registerAuthRoutes(app: FastifyInstance, auth: AuthService): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    summary: 'Sign in and get a session token',
    tags: ['auth'],
    body: loginRequestSchema,
    response: { 200: loginResponseSchema },
    handler: async ({ body, request }) => auth.login(body, request.ip),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    access: roles,
    summary: 'Sign out: the token stops working and open sockets close',
    tags: ['auth'],
    body: z.object({}).strict().optional(),
    response: { 204: null },
    handler: async ({ request }, reply) => {
      await auth.logout(callerOf(request));
      return reply.status(204).send();
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/me',
    access: roles,
    summary: 'The signed-in user and when the session expires',
    tags: ['auth'],
    response: { 200: meResponseSchema },
    handler: async ({ request }) => {
      const { user, expiresAt } = callerOf(request);
      return { user, expiresAt };
    },
  });
}
