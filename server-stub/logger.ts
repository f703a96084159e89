import type { FastifyServerOptions } from 'fastify';
import type { Writable } from 'node:stream';

/** Replaces the value of a `token` query parameter, so WebSocket URLs can be logged safely. */
export function redactTokenInUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

/** pino options for Fastify: JSON lines, secrets redacted (Authorization, cookies, passwords, tokens). */
export function loggerOptions(level: string, stream?: Writable): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        '*.password',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; url: string; ip?: string; id?: string }) {
        return {
          id: request.id,
          method: request.method,
          url: redactTokenInUrl(request.url),
          remoteAddress: request.ip,
        };
      },
    },
  };
}
