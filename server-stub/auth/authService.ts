import { createHash } from 'node:crypto';
import { loginRequestSchema, type LoginResponse, type User } from '@contract/auth';
import { parseOrThrow, SeatError } from '@contract/errors';
import type { Kysely } from 'kysely';
import type { SeatDatabase } from '../store/schema';
import type { LoginRateLimiter } from './loginRateLimiter';
import { hashPassword, verifyPassword, type ScryptParams } from './password';

/** Who is calling: the signed-in user and the session they hold. */
export interface AuthContext {
  user: User;
  sessionId: string;
  expiresAt: string;
}

/** Sign-in, token checks and sign-out; the only code that reads the users and sessions tables. */
export interface AuthService {
  /** Validates the body, checks the password and opens a session. */
  login(body: unknown, clientAddress: string): Promise<LoginResponse>;
  /** Resolves a bearer token; throws UNAUTHENTICATED, TOKEN_INVALID or TOKEN_EXPIRED. */
  authenticate(token: string | undefined | null): Promise<AuthContext>;
  /** Revokes the session and tells the listeners (open sockets close). */
  logout(context: AuthContext): Promise<void>;
  /** Called with the id of every session that ends by logout. Returns the unsubscribe. */
  onSessionRevoked(listener: (sessionId: string) => void): () => void;
}

/** What the auth service needs from outside. */
export interface AuthServiceDeps {
  db: Kysely<SeatDatabase>;
  now: () => number;
  generateId: () => string;
  generateToken: () => string;
  sessionTtlMs: number;
  rateLimiter: LoginRateLimiter;
  scrypt?: ScryptParams;
  /** How many signed-in sessions the token check keeps in memory (default 10,000). */
  sessionCacheSize?: number;
}

/** Only a digest of the token is stored, so a copy of the database cannot be used to sign in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Creates the auth service over the store. */
export function createAuthService(deps: AuthServiceDeps): AuthService {
  const listeners = new Set<(sessionId: string) => void>();
  // Verifying against a throwaway hash when the user does not exist keeps both failures equally slow,
  // so response time does not reveal which user names exist.
  let decoyHash: Promise<string> | null = null;
  const decoy = () => (decoyHash ??= hashPassword('decoy-password-never-used', deps.scrypt));
  // Every HTTP request and socket upgrade checks its token; a query per check was a large share of
  // the server's cost under load. Sessions found valid are kept here by token digest (bounded,
  // oldest out first), expiry is still checked against the clock on every use, and logout drops the
  // entry before it answers. This holds because this process is the only writer of sessions today:
  // with several server nodes sharing the store, a revocation on one node would not reach the
  // others' caches, so that setup needs a shared revocation signal (or no cache).
  const cacheLimit = deps.sessionCacheSize ?? 10_000;
  const sessionCache = new Map<string, AuthContext>();
  const forgetSession = (sessionId: string) => {
    for (const [digest, context] of sessionCache)
      if (context.sessionId === sessionId) sessionCache.delete(digest);
  };

  return {
    async login(body, clientAddress) {
      const input = parseOrThrow(loginRequestSchema, body);
      const limitKey = `${input.tenant}\u0000${input.username.toLowerCase()}\u0000${clientAddress}`;
      deps.rateLimiter.assertAllowed(limitKey);

      const row = await deps.db
        .selectFrom('users')
        .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
        .select([
          'users.id',
          'users.tenant_id',
          'users.username',
          'users.display_name',
          'users.role',
          'users.agent_id',
          'users.password_hash',
        ])
        .where('tenants.slug', '=', input.tenant)
        .where('users.username', '=', input.username)
        .executeTakeFirst();
      const ok = await verifyPassword(input.password, row?.password_hash ?? (await decoy()));
      if (!row || !ok) {
        deps.rateLimiter.recordFailure(limitKey);
        throw new SeatError('BAD_CREDENTIALS');
      }
      deps.rateLimiter.reset(limitKey);

      const token = deps.generateToken();
      const createdAt = deps.now();
      const expiresAt = iso(createdAt + deps.sessionTtlMs);
      await deps.db
        .insertInto('sessions')
        .values({
          id: deps.generateId(),
          tenant_id: row.tenant_id,
          user_id: row.id,
          token_hash: hashToken(token),
          created_at: iso(createdAt),
          expires_at: expiresAt,
          revoked_at: null,
        })
        .execute();
      return {
        token,
        expiresAt,
        user: {
          id: row.id,
          tenantId: row.tenant_id,
          username: row.username,
          displayName: row.display_name,
          role: row.role,
          agentId: row.agent_id,
        },
      };
    },

    async authenticate(token) {
      if (!token) throw new SeatError('UNAUTHENTICATED');
      // Tokens we issue are short; anything long is not ours and is not worth hashing.
      if (token.length > 512) throw new SeatError('TOKEN_INVALID');
      const digest = hashToken(token);
      const cached = sessionCache.get(digest);
      if (cached) {
        if (Date.parse(cached.expiresAt) <= deps.now()) {
          sessionCache.delete(digest);
          throw new SeatError('TOKEN_EXPIRED');
        }
        return cached;
      }
      const row = await deps.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id as session_id',
          'sessions.expires_at',
          'sessions.revoked_at',
          'users.id',
          'users.tenant_id',
          'users.username',
          'users.display_name',
          'users.role',
          'users.agent_id',
        ])
        .where('sessions.token_hash', '=', digest)
        .executeTakeFirst();
      if (!row || row.revoked_at !== null) throw new SeatError('TOKEN_INVALID');
      if (Date.parse(row.expires_at) <= deps.now()) throw new SeatError('TOKEN_EXPIRED');
      const context: AuthContext = {
        sessionId: row.session_id,
        expiresAt: row.expires_at,
        user: {
          id: row.id,
          tenantId: row.tenant_id,
          username: row.username,
          displayName: row.display_name,
          role: row.role,
          agentId: row.agent_id,
        },
      };
      sessionCache.set(digest, context);
      if (sessionCache.size > cacheLimit) sessionCache.delete(sessionCache.keys().next().value as string);
      return context;
    },

    async logout(context) {
      forgetSession(context.sessionId);
      await deps.db
        .updateTable('sessions')
        .set({ revoked_at: iso(deps.now()) })
        .where('id', '=', context.sessionId)
        .where('revoked_at', 'is', null)
        .execute();
      // A check that read the row while the update was pending may have cached it again.
      forgetSession(context.sessionId);
      for (const listener of listeners) listener(context.sessionId);
    },

    onSessionRevoked(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
