import type { z } from 'zod';
import { errorBodySchema } from '@contract/errors';
import { ApiError } from './api-error';

/** The subset of fetch the client needs, so tests can pass their own. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** How to reach the server. */
export interface HttpClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  /** Returns the current session token, or null when signed out. */
  getToken: () => string | null;
  timeoutMs?: number;
}

/** One JSON request: method, path under the base URL, optional body, and the schema of the reply. */
export interface JsonRequest<T extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  schema: T;
}

/** Sends JSON requests to the Seat server and turns every failure into an ApiError. */
export interface HttpClient {
  request<T extends z.ZodType>(req: JsonRequest<T>): Promise<z.infer<T>>;
}

const defaultTimeoutMs = 10_000;

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;

  async function send(method: string, path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await options.fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (cause) {
      if (controller.signal.aborted)
        throw new ApiError('TIMEOUT', `No answer from the server within ${timeoutMs} ms.`);
      throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'The server cannot be reached.');
    } finally {
      clearTimeout(timer);
    }
  }

  async function readJson(response: Response): Promise<unknown> {
    const text = await response.text();
    if (text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // A proxy's HTML error page, or a truncated body: say so rather than pretend it was JSON.
      throw new ApiError(
        'BAD_RESPONSE',
        `The server answered ${response.status} with a body that is not JSON.`,
        response.status,
      );
    }
  }

  return {
    async request(req) {
      const response = await send(req.method, req.path, req.body);
      const json = await readJson(response);
      if (!response.ok) {
        const parsed = errorBodySchema.safeParse(json);
        if (parsed.success) {
          const { code, message, details } = parsed.data.error;
          throw new ApiError(code, message, response.status, details);
        }
        throw new ApiError(
          'BAD_RESPONSE',
          `The server answered ${response.status} without an error body.`,
          response.status,
        );
      }
      const parsed = req.schema.safeParse(json);
      if (!parsed.success) {
        throw new ApiError(
          'BAD_RESPONSE',
          `The reply to ${req.method} ${req.path} does not have the expected shape.`,
          response.status,
        );
      }
      return parsed.data;
    },
  };
}
