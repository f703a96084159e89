import { SeatError } from '@contract/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatStore } from '../store/database';
import { createSeededStore, testScrypt } from '../testing/seededStore';
import { createAuthService, hashToken, type AuthService } from './authService';
import { createLoginRateLimiter } from './loginRateLimiter';

let clock = Date.parse('2026-03-02T09:00:00Z');
const now = () => clock;
let store: SeatStore;
let dispose: () => Promise<void>;
let auth: AuthService;
let counter = 0;

beforeAll(async () => {
  ({ store, dispose } = await createSeededStore(now));
  auth = createAuthService({
    db: store.db,
    now,
    generateId: () => `session-${++counter}`,
    generateToken: () => `token-${counter}-${'x'.repeat(20)}`,
    sessionTtlMs: 60 * 60 * 1000,
    rateLimiter: createLoginRateLimiter(now, { maxFailures: 3, windowMs: 60_000 }),
    scrypt: testScrypt,
  });
});
afterAll(() => dispose());

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (e) {
    return e instanceof SeatError ? e.code : `unexpected: ${String(e)}`;
  }
}

const sessionCount = async () =>
  Number(
    (
      await store.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('auth service', () => {
  it('signs in with the right password and returns the user with an agent id', async () => {
    const reply = await auth.login({ username: 'agent01', password: 'seat-demo' }, '127.0.0.1');
    expect(reply.user).toMatchObject({ username: 'agent01', role: 'agent', agentId: 'demo-agent-agent01' });
    expect(reply.expiresAt).toBe('2026-03-02T10:00:00.000Z');
    const ctx = await auth.authenticate(reply.token);
    expect(ctx.user.id).toBe(reply.user.id);
  });

  it('stores only a digest of the token, never the token itself', async () => {
    const reply = await auth.login({ username: 'agent02', password: 'seat-demo' }, '127.0.0.1');
    const rows = await store.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(reply.token));
    expect(rows.map((r) => r.token_hash)).not.toContain(reply.token);
  });

  it('answers a wrong password and an unknown user the same way, and opens no session', async () => {
    const before = await sessionCount();
    const wrong = await auth
      .login({ username: 'agent03', password: 'nope' }, '10.0.0.1')
      .catch((e: SeatError) => e);
    const unknown = await auth
      .login({ username: 'nobody', password: 'nope' }, '10.0.0.1')
      .catch((e: SeatError) => e);
    expect(wrong).toBeInstanceOf(SeatError);
    expect(unknown).toBeInstanceOf(SeatError);
    expect((wrong as SeatError).toBody()).toEqual((unknown as SeatError).toBody());
    expect((wrong as SeatError).code).toBe('BAD_CREDENTIALS');
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a body with an unknown field before looking at the password', async () => {
    const before = await sessionCount();
    expect(
      await codeOf(auth.login({ username: 'agent01', password: 'seat-demo', admin: true }, '127.0.0.1')),
    ).toBe('VALIDATION_FAILED');
    expect(await sessionCount()).toBe(before);
  });

  it('rate-limits repeated failures for one user name and address, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await codeOf(auth.login({ username: 'agent04', password: 'bad' }, '10.9.9.9'))).toBe(
        'BAD_CREDENTIALS',
      );
    }
    expect(await codeOf(auth.login({ username: 'agent04', password: 'seat-demo' }, '10.9.9.9'))).toBe(
      'RATE_LIMITED',
    );
    expect(await codeOf(auth.login({ username: 'agent04', password: 'seat-demo' }, '10.9.9.8'))).toBeNull();
  });

  it('tells a missing, an unknown and an expired token apart', async () => {
    expect(await codeOf(auth.authenticate(undefined))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth.authenticate('made-up'))).toBe('TOKEN_INVALID');
    const reply = await auth.login({ username: 'agent05', password: 'seat-demo' }, '127.0.0.1');
    clock += 60 * 60 * 1000;
    expect(await codeOf(auth.authenticate(reply.token))).toBe('TOKEN_EXPIRED');
  });

  it('revokes the session on logout and tells the listeners', async () => {
    const reply = await auth.login({ username: 'lead01', password: 'seat-demo' }, '127.0.0.1');
    const ctx = await auth.authenticate(reply.token);
    const revoked: string[] = [];
    const stop = auth.onSessionRevoked((id) => revoked.push(id));
    await auth.logout(ctx);
    stop();
    expect(revoked).toEqual([ctx.sessionId]);
    expect(await codeOf(auth.authenticate(reply.token))).toBe('TOKEN_INVALID');
  });

  it('still expires a session it has already checked once (the clock is asked on every check)', async () => {
    const reply = await auth.login({ username: 'agent06', password: 'seat-demo' }, '127.0.0.1');
    expect((await auth.authenticate(reply.token)).user.username).toBe('agent06');
    clock += 60 * 60 * 1000;
    expect(await codeOf(auth.authenticate(reply.token))).toBe('TOKEN_EXPIRED');
  });

  it('keeps answering correctly when more sessions are signed in than it keeps in memory', async () => {
    const small = createAuthService({
      db: store.db,
      now,
      generateId: () => `session-${++counter}`,
      generateToken: () => `token-${counter}-${'y'.repeat(20)}`,
      sessionTtlMs: 60 * 60 * 1000,
      rateLimiter: createLoginRateLimiter(now, { maxFailures: 3, windowMs: 60_000 }),
      scrypt: testScrypt,
      sessionCacheSize: 1,
    });
    const first = await small.login({ username: 'agent07', password: 'seat-demo' }, '127.0.0.1');
    const second = await small.login({ username: 'agent08', password: 'seat-demo' }, '127.0.0.1');
    for (let round = 0; round < 2; round++) {
      expect((await small.authenticate(first.token)).user.username).toBe('agent07');
      expect((await small.authenticate(second.token)).user.username).toBe('agent08');
    }
    await small.logout(await small.authenticate(first.token));
    expect(await codeOf(small.authenticate(first.token))).toBe('TOKEN_INVALID');
    expect((await small.authenticate(second.token)).user.username).toBe('agent08');
  });
});
