import { SeatError } from '@contract/errors';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AuthService } from '../auth/authService';
import { registerAccessControl } from './accessControl';
import { registerErrorHandling } from './errorHandling';

const user = {
  id: 'u',
  tenantId: 't',
  username: 'agent01',
  displayName: 'A',
  role: 'agent' as const,
  agentId: 'a',
};
const fakeAuth: AuthService = {
  login: () => Promise.reject(new Error('not used')),
  authenticate: async (token) => {
    if (!token) throw new SeatError('UNAUTHENTICATED');
    if (token !== 'good') throw new SeatError('TOKEN_INVALID');
    return { user, sessionId: 's', expiresAt: '2030-01-01T00:00:00.000Z' };
  },
  logout: async () => undefined,
  onSessionRevoked: () => () => undefined,
};

function build() {
  const app = Fastify();
  registerAccessControl(app, fakeAuth);
  registerErrorHandling(app, () => null);
  return app;
}

describe('access control', () => {
  it('refuses to register an /api or /ws route that declares no access', () => {
    const app = build();
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/must declare config.access/);
    expect(() => app.get('/ws', async () => ({}))).toThrow(/must declare config.access/);
    expect(() => app.get('/elsewhere', async () => ({}))).not.toThrow();
  });

  it('admits a role the route names and refuses others with FORBIDDEN', async () => {
    const app = build();
    app.get('/api/agents-only', { config: { access: ['agent'] } }, async (request) => ({
      who: request.seatAuth?.user.username,
    }));
    app.get('/api/admins-only', { config: { access: ['admin'] } }, async () => ({ secret: true }));
    const ok = await app.inject({ url: '/api/agents-only', headers: { authorization: 'Bearer good' } });
    expect(ok.json()).toEqual({ who: 'agent01' });
    const refused = await app.inject({ url: '/api/admins-only', headers: { authorization: 'Bearer good' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('secret');
  });

  it('reads the token from the query only on routes that say so', async () => {
    const app = build();
    app.get('/ws', { config: { access: ['agent'], tokenFromQuery: true } }, async () => ({ ok: true }));
    app.get('/api/x', { config: { access: ['agent'] } }, async () => ({ ok: true }));
    expect((await app.inject({ url: '/ws?token=good' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/x?token=good' })).statusCode).toBe(401);
  });
});
