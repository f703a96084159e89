import { errorBodySchema, parseOrThrow } from '@contract/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Access } from './fastifyTypes';

/** What a handler receives: validated input and the caller. */
export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  request: FastifyRequest;
}

/** One HTTP route: who may call it, the zod schemas of its input and output, and its handler. */
export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  body?: B;
  querystring?: Q;
  params?: P;
  /** Largest body this route reads, when it needs more than the server's default (e.g. attachments). */
  bodyLimit?: number;
  /** Replies by status; null means an empty reply (204). */
  response: Record<number, z.ZodType | null>;
  handler: (
    input: RouteInput<z.output<B>, z.output<Q>, z.output<P>>,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

/**
 * Registers a route whose input is checked with zod (strict schemas: unknown fields are errors)
 * and whose OpenAPI description comes from the same schemas, so the docs cannot drift.
 */
export function defineRoute<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(app: FastifyInstance, spec: RouteSpec<B, Q, P>): void {
  const response: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(spec.response)) {
    response[status] = schema ? jsonSchema(schema, 'output') : { type: 'null', description: 'No content' };
  }
  response['4xx'] = jsonSchema(errorBodySchema, 'output');
  app.route({
    method: spec.method,
    url: spec.url,
    config: { access: spec.access },
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.access === 'public'
        ? {}
        : { security: [{ bearerAuth: [] }], description: `Roles: ${spec.access.join(', ')}.` }),
      ...(spec.body ? { body: jsonSchema(spec.body, 'input') } : {}),
      ...(spec.querystring ? { querystring: jsonSchema(spec.querystring, 'input') } : {}),
      ...(spec.params ? { params: jsonSchema(spec.params, 'input') } : {}),
      response,
    },
    handler: async (request, reply) => {
      const input = {
        body: spec.body ? parseOrThrow(spec.body, request.body) : request.body,
        query: spec.querystring ? parseOrThrow(spec.querystring, request.query) : request.query,
        params: spec.params ? parseOrThrow(spec.params, request.params) : request.params,
        request,
      } as RouteInput<z.output<B>, z.output<Q>, z.output<P>>;
      return spec.handler(input, reply);
    },
  });
}

/** The signed-in caller of a non-public route; the access hook guarantees it is set. */
export function callerOf(request: FastifyRequest) {
  if (!request.seatAuth) throw new Error('callerOf used on a route without access control');
  return request.seatAuth;
}
