import { describe, expect, it } from 'vitest';
import { digestAuthorization } from '../testing/sipTestClient';
import { createDigestVerifier, parseDigestCredentials } from './digest';
import { digestHa1 } from './ha1';

const setup = () => {
  const clock = { now: 1_000_000 };
  const verifier = createDigestVerifier({
    secret: Buffer.alloc(32, 7),
    now: () => clock.now,
    nonceTtlMs: 60_000,
    algorithms: ['MD5'],
  });
  const ha1Of = (username: string) =>
    username === 'agent01' ? digestHa1('MD5', 'agent01', 'demo', 'seat-demo') : null;
  const answer = (
    password = 'seat-demo',
    nc = 1,
    challenge = verifier.challenges('demo', false)[0] as string,
  ) =>
    digestAuthorization(challenge, {
      username: 'agent01',
      password,
      method: 'REGISTER',
      uri: 'sip:demo',
      nc,
    });
  const check = (authorization: string | null) =>
    verifier.verify({ method: 'REGISTER', uri: 'sip:demo', authorization }, 'demo', ha1Of);
  return { clock, verifier, answer, check };
};

describe('digest verification', () => {
  it('accepts the response a client computes from the right password', () => {
    const { answer, check } = setup();
    expect(check(answer())).toEqual({ ok: true, username: 'agent01' });
  });

  it('tells credentials of another scheme from malformed Digest ones (RFC 4475 regaut01)', () => {
    const { check } = setup();
    expect(check('NoOneKnowsThisScheme opaque-data=here')).toEqual({ ok: false, reason: 'other_scheme' });
    expect(check('Basic YWdlbnQwMTpzZWF0LWRlbW8=')).toEqual({ ok: false, reason: 'other_scheme' });
    expect(check('Digest username=')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a wrong password, an unknown user and a missing header with distinct reasons', () => {
    const { answer, check } = setup();
    expect(check(answer('nope'))).toMatchObject({ ok: false, reason: 'wrong_response' });
    expect(check(answer().replace('username="agent01"', 'username="ghost"'))).toMatchObject({
      ok: false,
      reason: 'unknown_user',
    });
    expect(check(null)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('calls a correct answer to an old nonce stale, so the client retries without asking the user', () => {
    const { clock, answer, check } = setup();
    const authorization = answer();
    clock.now += 61_000;
    expect(check(authorization)).toMatchObject({ ok: false, reason: 'stale' });
  });

  it('refuses a nonce the server did not sign and a replayed nonce count', () => {
    const { answer, check } = setup();
    const forged = answer().replace(/nonce="([^".]+)\.[^"]+"/, 'nonce="$1.forgedforgedforgedforgedforge"');
    expect(check(forged)).toMatchObject({ ok: false, reason: 'bad_nonce' });
    const once = answer();
    expect(check(once)).toMatchObject({ ok: true });
    expect(check(once)).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('offers stale=true only when asked, and parses quoted parameters with escapes', () => {
    const { verifier } = setup();
    expect(verifier.challenges('demo', true)[0]).toContain('stale=true');
    expect(parseDigestCredentials('Digest username="a\\"b", realm=demo, qop=auth')).toEqual({
      username: 'a"b',
      realm: 'demo',
      qop: 'auth',
    });
    expect(parseDigestCredentials('Basic abc')).toBeNull();
    expect(parseDigestCredentials('Digest username="a", username="b"')).toBeNull();
  });
});
