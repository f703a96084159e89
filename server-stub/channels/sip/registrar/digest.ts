import { createHmac, timingSafeEqual } from 'node:crypto';
import { digestHash, type DigestAlgorithm } from './ha1';

// Digest authentication of SIP requests (RFC 3261 22.4, RFC 7616, RFC 8760 for SHA-256) with
// stateless nonces: a nonce is its issue time plus an HMAC of it, so any nonce the server issued
// can be checked without storing it, and an old one is answered with stale=true (the client
// retries with the fresh nonce without asking the user again). Nonce counts are remembered while a
// nonce is fresh, so a replayed Authorization (same nc) is refused.

/** The parameters of an Authorization header (names lower-cased). */
export type AuthParams = Record<string, string>;

/** Parses `Digest a=b, c="d"`; null when the scheme is not Digest or the list is malformed. */
export function parseDigestCredentials(value: string): AuthParams | null {
  const match = /^Digest\s+(.*)$/is.exec(value.trim());
  if (!match) return null;
  const params: AuthParams = {};
  let rest = (match[1] as string).trim();
  while (rest.length > 0) {
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^\s,"]+)\s*(,\s*|$)/.exec(rest);
    if (!pair) return null;
    const name = (pair[1] as string).toLowerCase();
    if (name in params) return null;
    params[name] = pair[3] !== undefined ? pair[3].replace(/\\(.)/g, '$1') : (pair[2] as string);
    rest = rest.slice(pair[0].length);
  }
  return params;
}

/** What the verifier needs from outside. */
export interface DigestOptions {
  /** Server secret for nonce HMACs; random per process is fine (a restart only makes nonces stale). */
  secret: Buffer;
  now: () => number;
  /** How long a nonce stays fresh. */
  nonceTtlMs: number;
  /** Algorithms offered in challenges, most preferred first (RFC 8760 lists SHA-256 before MD5). */
  algorithms: readonly DigestAlgorithm[];
}

/** The outcome of checking one request's credentials. */
export type DigestCheck =
  | { ok: true; username: string }
  | {
      ok: false;
      reason:
        | 'missing'
        /** Credentials of a scheme other than Digest (RFC 4475 regaut01): answered with a challenge. */
        | 'other_scheme'
        | 'malformed'
        | 'stale'
        | 'bad_nonce'
        | 'replayed'
        | 'unknown_user'
        | 'wrong_response'
        | 'wrong_realm'
        | 'wrong_uri';
    };

/** Issues challenges and checks credentials. */
export interface DigestVerifier {
  /** WWW-Authenticate values for a 401: one per offered algorithm, with a fresh nonce. */
  challenges(realm: string, stale: boolean): string[];
  /** Checks the Authorization of a request; `ha1Of` returns the stored HA1 of a user, or null. */
  verify(
    request: { method: string; uri: string; authorization: string | null },
    realm: string,
    ha1Of: (username: string, algorithm: DigestAlgorithm) => string | null,
  ): DigestCheck;
}

const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** Builds a verifier. */
export function createDigestVerifier(options: DigestOptions): DigestVerifier {
  const counts = new Map<string, { nc: number; issuedAt: number }>();
  const sign = (issuedAt: string) =>
    createHmac('sha256', options.secret).update(issuedAt).digest('base64url').slice(0, 27);
  const nonce = () => {
    const issuedAt = options.now().toString(36);
    return `${issuedAt}.${sign(issuedAt)}`;
  };
  const prune = () => {
    const oldest = options.now() - options.nonceTtlMs;
    for (const [key, entry] of counts) if (entry.issuedAt < oldest) counts.delete(key);
  };

  return {
    challenges(realm, stale) {
      const value = nonce();
      return options.algorithms.map(
        (algorithm) =>
          `Digest realm=${quote(realm)}, nonce=${quote(value)}, algorithm=${algorithm}, qop="auth"${stale ? ', stale=true' : ''}`,
      );
    },

    verify(request, realm, ha1Of) {
      if (request.authorization === null) return { ok: false, reason: 'missing' };
      if (!/^Digest(\s|$)/i.test(request.authorization.trim())) return { ok: false, reason: 'other_scheme' };
      const p = parseDigestCredentials(request.authorization);
      if (!p || !p['username'] || !p['nonce'] || !p['response'] || !p['uri'])
        return { ok: false, reason: 'malformed' };
      if (p['realm'] !== realm) return { ok: false, reason: 'wrong_realm' };
      const algorithm = (p['algorithm'] ?? 'MD5').toUpperCase() as DigestAlgorithm;
      if (algorithm !== 'MD5' && algorithm !== 'SHA-256') return { ok: false, reason: 'malformed' };
      if (p['qop'] !== 'auth' || !p['nc'] || !/^[0-9a-f]{8}$/i.test(p['nc']) || !p['cnonce'])
        return { ok: false, reason: 'malformed' };

      const [issuedText, signature] = p['nonce'].split('.');
      const expected = issuedText ? sign(issuedText) : '';
      if (
        !issuedText ||
        !signature ||
        signature.length !== expected.length ||
        !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
      ) {
        return { ok: false, reason: 'bad_nonce' };
      }
      const issuedAt = parseInt(issuedText, 36);
      if (!Number.isFinite(issuedAt) || issuedAt > options.now() + 1000)
        return { ok: false, reason: 'bad_nonce' };
      if (p['uri'] !== request.uri) return { ok: false, reason: 'wrong_uri' };

      const ha1 = ha1Of(p['username'], algorithm);
      if (ha1 === null) return { ok: false, reason: 'unknown_user' };
      const ha2 = digestHash(algorithm, `${request.method}:${p['uri']}`);
      const want = digestHash(algorithm, `${ha1}:${p['nonce']}:${p['nc']}:${p['cnonce']}:auth:${ha2}`);
      const got = p['response'].toLowerCase();
      if (got.length !== want.length || !timingSafeEqual(Buffer.from(got), Buffer.from(want)))
        return { ok: false, reason: 'wrong_response' };
      // Only a correct response can be stale: a wrong password must not look like an expired nonce.
      if (options.now() - issuedAt > options.nonceTtlMs) return { ok: false, reason: 'stale' };

      prune();
      const nc = parseInt(p['nc'], 16);
      const seen = counts.get(p['nonce']);
      if (seen && nc <= seen.nc) return { ok: false, reason: 'replayed' };
      counts.set(p['nonce'], { nc, issuedAt });
      return { ok: true, username: p['username'] };
    },
  };
}
