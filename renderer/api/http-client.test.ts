import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error';
import { createHttpClient } from './http-client';
import type { FetchLike } from './http-client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function recordingFetch(reply: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return reply();
  };
  return { fetch, calls };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('http client', () => {
  it('sends JSON with the bearer token and returns the parsed reply', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, { n: 3 }));
    const http = createHttpClient({ baseUrl: 'http://seat.test/', fetch, getToken: () => 'tok-1' });
    const reply = await http.request({
      method: 'POST',
      path: '/api/x',
      body: { a: 1 },
      schema: z.object({ n: z.number() }),
    });
    expect(reply).toEqual({ n: 3 });
    expect(calls[0]?.url).toBe('http://seat.test/api/x');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok-1');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"a":1}');
  });

  it('leaves out the authorization header when signed out', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, {}));
    const http = createHttpClient({ baseUrl: 'http://seat.test', fetch, getToken: () => null });
    await http.request({ method: 'GET', path: '/api/y', schema: z.object({}) });
    expect(calls[0]?.init.headers).not.toHaveProperty('authorization');
  });

  it('turns a catalogue error body into an ApiError with its code, message and status', async () => {
    const { fetch } = recordingFetch(() =>
      json(401, { error: { code: 'BAD_CREDENTIALS', message: 'The user name or password is wrong.' } }),
    );
    const http = createHttpClient({ baseUrl: 'http://seat.test', fetch, getToken: () => null });
    const error = await failureOf(
      http.request({ method: 'POST', path: '/api/auth/login', body: {}, schema: z.unknown() }),
    );
    expect(error.code).toBe('BAD_CREDENTIALS');
    expect(error.message).toBe('The user name or password is wrong.');
    expect(error.status).toBe(401);
  });

  it('keeps validation details from the server', async () => {
    const details = [{ path: 'username', message: 'Too small' }];
    const { fetch } = recordingFetch(() =>
      json(400, { error: { code: 'VALIDATION_FAILED', message: 'bad', details } }),
    );
    const http = createHttpClient({ baseUrl: 'http://seat.test', fetch, getToken: () => null });
    const error = await failureOf(
      http.request({ method: 'POST', path: '/p', body: {}, schema: z.unknown() }),
    );
    expect(error.details).toEqual(details);
  });

  it('reports a failure without an error body as BAD_RESPONSE', async () => {
    const { fetch } = recordingFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const http = createHttpClient({ baseUrl: 'http://seat.test', fetch, getToken: () => null });
    const error = await failureOf(http.request({ method: 'GET', path: '/p', schema: z.unknown() }));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.status).toBe(502);
  });

  it('rejects a success reply that does not match the schema', async () => {
    const { fetch } = recordingFetch(() => json(200, { n: 'three' }));
    const http = createHttpClient({ baseUrl: 'http://seat.test', fetch, getToken: () => null });
    const error = await failureOf(
      http.request({ method: 'GET', path: '/p', schema: z.object({ n: z.number() }) }),
    );
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('reports an unreachable server as NETWORK', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const http = createHttpClient({ baseUrl: 'http://seat.test', fetch, getToken: () => null });
    const error = await failureOf(http.request({ method: 'GET', path: '/p', schema: z.unknown() }));
    expect(error.code).toBe('NETWORK');
    expect(error.status).toBeNull();
  });

  it('gives up with TIMEOUT when the server does not answer in time', async () => {
    // The fake server never answers; it only rejects once the client aborts.
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const http = createHttpClient({ baseUrl: 'http://seat.test', fetch, getToken: () => null, timeoutMs: 5 });
    const error = await failureOf(http.request({ method: 'GET', path: '/p', schema: z.unknown() }));
    expect(error.code).toBe('TIMEOUT');
  });
});
