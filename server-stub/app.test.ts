import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorBodySchema } from '@contract/errors';
import { loginResponseSchema, meResponseSchema } from '@contract/auth';
import { queueListResponseSchema } from '@contract/http/queues';
import {
  agentListResponseSchema,
  agentRosterResponseSchema,
  agentSelfResponseSchema,
} from '@contract/http/agents';
import { customerSearchResponseSchema } from '@contract/http/customers';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeatServer } from './app';
import { startTestServer } from './testing/testServer';

let t: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.dispose());

const inject = (options: InjectOptions) => t.server.app.inject(options);
const errorCode = (body: string) => errorBodySchema.parse(JSON.parse(body)).error.code;
const sessionCount = async () =>
  Number(
    (
      await t.server.store.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('sign-in over HTTP', () => {
  it('returns a LoginResponse and /api/auth/me knows the user', async () => {
    const reply = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { tenant: 'demo', username: 'lead01', password: 'seat-demo' },
    });
    expect(reply.statusCode).toBe(200);
    const login = loginResponseSchema.parse(reply.json());
    expect(login.user.role).toBe('team_lead');
    const me = await inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${login.token}` },
    });
    expect(meResponseSchema.parse(me.json()).user.username).toBe('lead01');
  });

  it('answers a wrong password with 401 BAD_CREDENTIALS and no session', async () => {
    const before = await sessionCount();
    const reply = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent01', password: 'wrong' },
    });
    expect(reply.statusCode).toBe(401);
    expect(errorCode(reply.body)).toBe('BAD_CREDENTIALS');
    expect(await sessionCount()).toBe(before);
  });

  it('logs out with 204, after which the token is refused with TOKEN_INVALID', async () => {
    const token = await t.login('agent06');
    const out = await inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(204);
    const me = await inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(401);
    expect(errorCode(me.body)).toBe('TOKEN_INVALID');
  });

  it('refuses an expired token with TOKEN_EXPIRED', async () => {
    const token = await t.login('agent07');
    t.clock.now += t.server.options.sessionTtlMs;
    const me = await inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(401);
    expect(errorCode(me.body)).toBe('TOKEN_EXPIRED');
  });

  it('rate-limits repeated failures with 429 RATE_LIMITED', async () => {
    const attempt = () =>
      inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agent08', password: 'bad' } });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited.body)).toBe('RATE_LIMITED');
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  const login = (payload: string, contentType = 'application/json') =>
    inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': contentType }, payload });

  it.each([
    ['malformed JSON', '{"username": "agent01",', 'application/json', 400, 'BAD_JSON'],
    ['wrong types', '{"username": 1, "password": true}', 'application/json', 400, 'VALIDATION_FAILED'],
    [
      'an unknown field',
      '{"username":"agent01","password":"seat-demo","role":"admin"}',
      'application/json',
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a non-JSON content type',
      'username=agent01&password=seat-demo',
      'application/x-www-form-urlencoded',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['plain text', 'agent01 seat-demo', 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'an oversized body',
      JSON.stringify({ username: 'agent01', password: 'x'.repeat(70 * 1024) }),
      'application/json',
      413,
      'BODY_TOO_LARGE',
    ],
  ])('refuses %s', async (_what, payload, contentType, status, code) => {
    const before = await sessionCount();
    const reply = await login(payload, contentType);
    expect(reply.statusCode).toBe(status);
    expect(errorCode(reply.body)).toBe(code);
    expect(await sessionCount()).toBe(before);
  });

  it('lists every validation problem with its path', async () => {
    const reply = await login('{"username": 1, "extra": 2}');
    const paths = (reply.json() as { error: { details: Array<{ path: string }> } }).error.details.map(
      (d) => d.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['username', 'password', '(root)']));
  });

  it('answers a missing token with UNAUTHENTICATED and a made-up one with TOKEN_INVALID', async () => {
    const none = await inject({ method: 'GET', url: '/api/queues' });
    expect([none.statusCode, errorCode(none.body)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const bad = await inject({
      method: 'GET',
      url: '/api/queues',
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect([bad.statusCode, errorCode(bad.body)]).toEqual([401, 'TOKEN_INVALID']);
    const basic = await inject({
      method: 'GET',
      url: '/api/queues',
      headers: { authorization: 'Basic YWdlbnQwMTpzZWF0LWRlbW8=' },
    });
    expect([basic.statusCode, errorCode(basic.body)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('does not take a token from the query string on HTTP routes', async () => {
    const token = await t.login('agent09');
    const reply = await inject({ method: 'GET', url: `/api/queues?token=${token}` });
    expect(errorCode(reply.body)).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const reply = await inject({ method: 'GET', url: '/api/nothing-here' });
    expect([reply.statusCode, errorCode(reply.body)]).toEqual([404, 'NOT_FOUND']);
    const post = await inject({ method: 'POST', url: '/somewhere', payload: {} });
    expect([post.statusCode, errorCode(post.body)]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses unknown query parameters and a bad search', async () => {
    const token = await t.login('agent10');
    const headers = { authorization: `Bearer ${token}` };
    expect(errorCode((await inject({ method: 'GET', url: '/api/queues?debug=1', headers })).body)).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode((await inject({ method: 'GET', url: '/api/customers?q=', headers })).body)).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      errorCode((await inject({ method: 'GET', url: '/api/customers?q=li&limit=500', headers })).body),
    ).toBe('VALIDATION_FAILED');
  });

  it('answers a plain GET on the WebSocket endpoint with 426 UPGRADE_REQUIRED', async () => {
    const token = await t.login('agent11');
    const reply = await inject({ method: 'GET', url: '/ws', headers: { authorization: `Bearer ${token}` } });
    expect([reply.statusCode, errorCode(reply.body)]).toEqual([426, 'UPGRADE_REQUIRED']);
  });
});

describe('role checks', () => {
  const get = async (url: string, username: string) =>
    inject({ method: 'GET', url, headers: { authorization: `Bearer ${await t.login(username)}` } });

  it('lets any signed-in user list queues and reason codes', async () => {
    const queues = queueListResponseSchema.parse((await get('/api/queues', 'agent12')).json());
    expect(queues.queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['General', 'Billing', 'Technical Support', 'Sales', 'VIP', 'Mandarin']),
    );
    const reasons = (await get('/api/reason-codes', 'agent12')).json() as {
      reasonCodes: Array<{ code: string }>;
    };
    expect(reasons.reasonCodes.map((r) => r.code)).toEqual(
      expect.arrayContaining(['break', 'lunch', 'training', 'meeting']),
    );
  });

  it('keeps the agent list from agents (403 FORBIDDEN) and shows it to leads and admins', async () => {
    const agent = await get('/api/agents', 'agent12');
    expect([agent.statusCode, errorCode(agent.body)]).toEqual([403, 'FORBIDDEN']);
    const lead = agentListResponseSchema.parse((await get('/api/agents', 'lead02')).json());
    expect(lead.agents.length).toBeGreaterThanOrEqual(24);
    expect(lead.agents[0]?.skills.length).toBeGreaterThan(0);
    expect((await get('/api/agents', 'admin')).statusCode).toBe(200);
  });

  it('gives an agent their own record with channel capacities at /api/agents/me, refused to admins', async () => {
    const own = agentSelfResponseSchema.parse((await get('/api/agents/me', 'agent21')).json());
    expect(own.agent.username).toBe('agent21');
    expect(own.agent.capacity.im).toBeGreaterThan(0);
    const admin = await get('/api/agents/me', 'admin');
    expect([admin.statusCode, errorCode(admin.body)]).toEqual([403, 'FORBIDDEN']);
  });

  it('lets an agent read the roster of colleagues (transfer targets) without skills or capacities', async () => {
    const roster = agentRosterResponseSchema.parse((await get('/api/agents/roster', 'agent22')).json());
    expect(roster.agents.length).toBeGreaterThanOrEqual(24);
    expect(roster.agents[0]).not.toHaveProperty('skills');
    expect(roster.agents[0]).not.toHaveProperty('capacity');
  });

  it('shows the user list to admins only, without password hashes', async () => {
    expect((await get('/api/admin/users', 'lead01')).statusCode).toBe(403);
    const admin = await get('/api/admin/users', 'admin');
    expect(admin.statusCode).toBe(200);
    expect(admin.body).not.toContain('scrypt');
    expect((admin.json() as { users: unknown[] }).users).toHaveLength(27);
  });

  it('lets an agent search customers and open one; an unknown id is 404', async () => {
    const found = customerSearchResponseSchema.parse(
      (await get('/api/customers?q=%2B86&limit=5', 'agent13')).json(),
    );
    expect(found.customers).toHaveLength(5);
    const id = found.customers[0]?.id ?? '';
    expect((await get(`/api/customers/${id}`, 'agent13')).statusCode).toBe(200);
    const missing = await get('/api/customers/demo-customer-9999', 'agent13');
    expect([missing.statusCode, errorCode(missing.body)]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('health, docs and the web seat', () => {
  it('answers /healthz without a token and reports the database', async () => {
    const reply = await inject({ method: 'GET', url: '/healthz' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'ok', db: 'ok' });
  });

  it('serves the OpenAPI document describing the API and its bearer security', async () => {
    const reply = await inject({ method: 'GET', url: '/docs/json' });
    expect(reply.statusCode).toBe(200);
    const doc = reply.json() as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/queues',
        '/api/agents',
        '/api/customers',
        '/api/customers/{id}',
        '/api/admin/users',
        '/healthz',
      ]),
    );
    expect(doc.components.securitySchemes).toHaveProperty('bearerAuth');
    expect((await inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers / with 503 UNAVAILABLE naming the build command when the renderer is not built', async () => {
    const reply = await inject({ method: 'GET', url: '/' });
    expect(reply.statusCode).toBe(503);
    expect(errorCode(reply.body)).toBe('UNAVAILABLE');
    expect(reply.body).toContain('npm run build:renderer');
  });

  it('serves the built renderer with a strict CSP and falls back to index.html for app routes', async () => {
    const webRoot = path.join(t.dataDir, 'web');
    mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Seat</title>');
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    const web = await createSeatServer({
      ...t.server.options,
      webRoot,
      seedDemo: false,
      logStream: undefined,
    });
    try {
      const index = await web.app.inject({ method: 'GET', url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.headers['content-security-policy']).toMatch(
        /default-src 'self'.*object-src 'none'.*frame-ancestors 'none'/,
      );
      expect(index.headers['content-security-policy']).toContain("connect-src 'self' ws: wss:");
      const deep = await web.app.inject({ method: 'GET', url: '/inbox/123' });
      expect([deep.statusCode, deep.body]).toEqual([200, '<!doctype html><title>Seat</title>']);
      const asset = await web.app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-security-policy']).toBeUndefined();
      expect((await web.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
      expect((await web.app.inject({ method: 'GET', url: '/../../etc/passwd' })).body).not.toContain('root:');
      expect(errorCode((await web.app.inject({ method: 'GET', url: '/api/unknown' })).body)).toBe(
        'NOT_FOUND',
      );
    } finally {
      await web.close();
    }
  });

  it('serves the customer page at /widget/ apart from the seat, with the same strict CSP', async () => {
    const webRoot = path.join(t.dataDir, 'web2');
    const widgetRoot = path.join(t.dataDir, 'widget');
    mkdirSync(webRoot, { recursive: true });
    mkdirSync(path.join(widgetRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Seat</title>');
    writeFileSync(path.join(widgetRoot, 'index.html'), '<!doctype html><title>Contact us</title>');
    writeFileSync(path.join(widgetRoot, 'assets', 'widget.js'), 'console.log(2)');
    const web = await createSeatServer({
      ...t.server.options,
      webRoot,
      widgetRoot,
      seedDemo: false,
      logStream: undefined,
    });
    try {
      const bare = await web.app.inject({ method: 'GET', url: '/widget?tenant=demo' });
      expect([bare.statusCode, bare.headers.location]).toEqual([301, '/widget/']);
      const page = await web.app.inject({ method: 'GET', url: '/widget/?tenant=demo' });
      expect([page.statusCode, page.body]).toEqual([200, '<!doctype html><title>Contact us</title>']);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      const asset = await web.app.inject({ method: 'GET', url: '/widget/assets/widget.js' });
      expect([asset.statusCode, asset.body]).toEqual([200, 'console.log(2)']);
      expect((await web.app.inject({ method: 'GET', url: '/widget/assets/app.js' })).statusCode).toBe(404);
      const escape = await web.app.inject({ method: 'GET', url: '/widget/../index.html' });
      expect(escape.body).not.toContain('Contact us');
      expect((await web.app.inject({ method: 'GET', url: '/' })).body).toContain('<title>Seat</title>');
    } finally {
      await web.close();
    }
  });

  it('answers /widget/ with 503 naming the build command when the customer page is not built', async () => {
    const reply = await inject({ method: 'GET', url: '/widget/' });
    expect(reply.statusCode).toBe(503);
    expect(reply.body).toContain('npm run build:widget');
  });
});

describe('server options', () => {
  it('refuses bad options at construction with a clear message', async () => {
    await expect(createSeatServer({ dataDir: t.dataDir, port: 70000 })).rejects.toThrow(
      /Invalid Seat server options: port/,
    );
    await expect(createSeatServer({ dataDir: '' })).rejects.toThrow(/dataDir/);
    // @ts-expect-error an unknown option is a mistake worth reporting
    await expect(createSeatServer({ dataDir: t.dataDir, prot: 1 })).rejects.toThrow(
      /Invalid Seat server options/,
    );
  });
});

describe('logging', () => {
  it('writes JSON lines without tokens or passwords', async () => {
    const lines: string[] = [];
    const logStream = { write: (line: string) => lines.push(line) };
    const logged = await createSeatServer({
      ...t.server.options,
      seedDemo: false,
      logLevel: 'info',
      logStream: logStream as never,
    });
    try {
      const token = await t.login('agent23');
      await logged.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'agent23', password: 'seat-demo' },
      });
      await logged.app.inject({
        method: 'GET',
        url: '/api/queues',
        headers: { authorization: `Bearer ${token}` },
      });
      await logged.app.inject({ method: 'GET', url: `/ws?token=${token}` });
    } finally {
      await logged.close();
    }
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).toContain('token=[redacted]');
    expect(text).not.toContain('seat-demo');
    expect(text).not.toMatch(/tok-\d+-t{24}/);
  });
});
