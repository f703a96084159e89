import { createHash } from 'node:crypto';

// How agents authenticate SIP with their Seat credentials. HTTP Digest (RFC 3261 22, RFC 7616)
// needs HA1 = H(username:realm:password), and Seat stores passwords only as salted scrypt hashes,
// from which no HA1 can be computed. So HA1 is derived once, when the password is set (the seed
// today, the password-change path later), and kept in `sip_credentials` beside the scrypt hash:
// MD5 for JsSIP and every SIP phone, SHA-256 for RFC 8760 clients. An HA1 is password-equivalent
// for SIP only (it cannot sign in to the HTTP API, whose check stays scrypt), which is the standard
// trade-off of registrars (Kamailio's subscriber.ha1, Asterisk's md5secret).
// The realm is the tenant slug, so it is fixed when HA1 is derived and the same on every server.

/** Digest algorithms the edge verifies. */
export type DigestAlgorithm = 'MD5' | 'SHA-256';

const hash = (algorithm: DigestAlgorithm, text: string) =>
  createHash(algorithm === 'MD5' ? 'md5' : 'sha256')
    .update(text, 'utf8')
    .digest('hex');

/** H(username:realm:password) in hex for one algorithm. */
export function digestHa1(
  algorithm: DigestAlgorithm,
  username: string,
  realm: string,
  password: string,
): string {
  return hash(algorithm, `${username}:${realm}:${password}`);
}

/** The row stored for one user when their password is set. */
export function sipCredentialRow(
  user: { id: string; tenantId: string; username: string },
  realm: string,
  password: string,
) {
  return {
    user_id: user.id,
    tenant_id: user.tenantId,
    realm,
    ha1_md5: digestHa1('MD5', user.username, realm, password),
    ha1_sha256: digestHa1('SHA-256', user.username, realm, password),
  };
}

/** H(data) for the given algorithm, used for HA2 and the response. */
export function digestHash(algorithm: DigestAlgorithm, text: string): string {
  return hash(algorithm, text);
}
