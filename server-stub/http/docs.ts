import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Registers the OpenAPI document (`/docs/json`) and its UI (`/docs`); must precede the routes. */
export async function registerDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Seat routing server',
        version,
        description:
          'HTTP API of the Seat server. Sign in with POST /api/auth/login, then send the token as `Authorization: Bearer <token>`. ' +
          'The seat WebSocket is GET /ws?token=<token>; its frames are described in contract/ws.ts. Every error is an ErrorBody with a stable code.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
}
