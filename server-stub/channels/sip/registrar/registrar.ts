import type { SipConnection, SipLog } from '../connection';
import { ha1For, type SipDirectory } from '../directory';
import type { ParsedMessage } from '../message/parse';
import { buildResponse, uriHeadersText, uriText } from '../message/serialize';
import { header, type SipHeader, type SipRequest, type SipResponse } from '../message/sipMessage';
import type { DigestVerifier } from './digest';

// The registrar (RFC 3261 10.3): agents REGISTER their WebSocket connection under their AOR
// (sip:<username>@<tenant domain>) after digest authentication with their Seat credentials. A
// binding lives until it expires, is removed (Expires: 0 or Contact: *), or its socket closes —
// a WebSocket contact is reachable only over the connection it came on (RFC 7118 5.2).

/** One registered contact of one agent. */
export interface Binding {
  tenantId: string;
  username: string;
  agentId: string | null;
  /** The Contact URI as the agent sent it; requests to the agent use it as Request-URI. */
  contact: string;
  /**
   * Escaped headers of the registered Contact URI (`?Route=%3C…%3E`, RFC 4475 regescrt), or ''.
   * They are part of the binding and come back in every 200, but a request the edge sends to the
   * agent uses `contact` alone as its Request-URI, which must not carry headers.
   */
  contactHeaders: string;
  connection: SipConnection;
  expiresAt: number;
  callId: string;
  cseq: number;
}

/** Registrar settings. */
export interface RegistrarOptions {
  directory: SipDirectory;
  digest: DigestVerifier;
  now: () => number;
  log: SipLog;
  /** Shorter requested expiries get 423 with Min-Expires (RFC 3261 10.3 step 7). */
  minExpires: number;
  /** Longer ones are shortened to this. */
  maxExpires: number;
  /** Used when neither the Contact nor an Expires header says. */
  defaultExpires: number;
}

/** Bindings of agents and the REGISTER handler. */
export interface Registrar {
  /** Answers one REGISTER (already parsed) that came on `connection`. */
  register(request: ParsedMessage & SipRequest, connection: SipConnection, toTag: string): SipResponse;
  /** The live bindings of an agent, newest first. */
  bindingsOfAgent(tenantId: string, agentId: string): Binding[];
  /** The live binding made over `connection` (an agent's softphone), or null for an anonymous caller. */
  bindingOfConnection(connection: SipConnection): Binding | null;
  /** Removes every binding made over a connection that closed; returns how many. */
  connectionClosed(connection: SipConnection): number;
  /** Drops expired bindings; returns how many. */
  sweep(): number;
}

/** Builds an empty registrar. */
export function createRegistrar(options: RegistrarOptions): Registrar {
  const { directory, digest, now, log } = options;
  // Keyed by tenant and AOR user, then by contact URI.
  const aors = new Map<string, Map<string, Binding>>();
  const aorKey = (tenantId: string, username: string) => `${tenantId}\u0000${username}`;

  const live = (bindings: Iterable<Binding>) =>
    [...bindings].filter((b) => b.expiresAt > now() && b.connection.isOpen());

  const okResponse = (request: SipRequest, key: string, toTag: string) => {
    const bindings = live(aors.get(key)?.values() ?? []);
    const headers: SipHeader[] = bindings.map((b) => ({
      name: 'Contact',
      value: `<${b.contact}${b.contactHeaders}>;expires=${Math.max(0, Math.ceil((b.expiresAt - now()) / 1000))}`,
    }));
    headers.push({ name: 'Date', value: new Date(now()).toUTCString() });
    return buildResponse(request, 200, { toTag, headers });
  };

  return {
    register(request, connection, toTag) {
      const reply = (status: number, headers: SipHeader[] = [], reason?: string) => {
        // Every refusal but the challenge (logged below with its reason) leaves a line.
        if (status >= 300 && status !== 401)
          log.info(
            { status, aor: `${aor.user ?? ''}@${aor.host}`.slice(0, 120), remote: connection.remote },
            `SIP REGISTER refused: ${reason ?? status}`,
          );
        return buildResponse(request, status, { toTag, headers, ...(reason ? { reason } : {}) });
      };
      const aor = request.core.to.uri;
      const tenant = aor.user ? directory.tenantByHost(aor.host) : null;
      if (!tenant || !aor.user) return reply(404, [], 'No such domain or address of record');
      const realm = tenant.slug;
      const check = digest.verify(
        { method: 'REGISTER', uri: request.uri, authorization: header(request, 'Authorization') },
        realm,
        (username, algorithm) => {
          const account = directory.account(tenant.id, username);
          return account && account.realm === realm ? ha1For(account, algorithm) : null;
        },
      );
      const challenge = (stale: boolean) =>
        reply(
          401,
          digest.challenges(realm, stale).map((value) => ({ name: 'WWW-Authenticate', value })),
        );
      if (!check.ok) {
        log.info(
          { aor: `${aor.user}@${aor.host}`, reason: check.reason, remote: connection.remote },
          'SIP REGISTER not authenticated',
        );
        // Credentials this registrar cannot check (another scheme or realm, a nonce it did not
        // issue) are answered as if absent: a fresh challenge in its own scheme (RFC 4475 regaut01).
        if (
          check.reason === 'missing' ||
          check.reason === 'other_scheme' ||
          check.reason === 'bad_nonce' ||
          check.reason === 'wrong_realm'
        )
          return challenge(false);
        if (check.reason === 'stale') return challenge(true);
        if (check.reason === 'malformed' || check.reason === 'wrong_uri')
          return reply(400, [], 'Malformed Authorization');
        return reply(403, [], 'Bad credentials');
      }
      if (check.username !== aor.user) return reply(403, [], 'You may only register your own address');
      const account = directory.account(tenant.id, check.username);
      if (!account) return reply(403, [], 'Bad credentials');

      const key = aorKey(tenant.id, account.username);
      const bindings = aors.get(key) ?? new Map<string, Binding>();
      const headerExpires = request.core.expires;
      if (request.core.contact === '*') {
        if (headerExpires !== 0) return reply(400, [], 'Contact: * needs Expires: 0');
        aors.delete(key);
        log.info({ aor: key, remote: connection.remote }, 'SIP bindings removed');
        return okResponse(request, key, toTag);
      }
      // Validate every contact before changing anything, so a refused REGISTER changes nothing.
      const changes: Array<{ contact: string; headers: string; expires: number }> = [];
      for (const contact of request.core.contact) {
        const param = contact.params['expires'];
        const expires =
          param !== undefined && param !== null ? Number(param) : (headerExpires ?? options.defaultExpires);
        if (expires !== 0 && expires < options.minExpires)
          return reply(
            423,
            [{ name: 'Min-Expires', value: String(options.minExpires) }],
            'Interval Too Brief',
          );
        changes.push({
          contact: uriText(contact.uri),
          headers: uriHeadersText(contact.uri),
          expires: Math.min(expires, options.maxExpires),
        });
      }
      for (const change of changes) {
        const existing = bindings.get(change.contact);
        if (existing && existing.callId === request.core.callId && request.core.cseq.seq <= existing.cseq)
          return reply(400, [], 'CSeq out of order');
      }
      for (const change of changes) {
        if (change.expires === 0) {
          bindings.delete(change.contact);
          continue;
        }
        bindings.set(change.contact, {
          tenantId: tenant.id,
          username: account.username,
          agentId: account.agentId,
          contact: change.contact,
          contactHeaders: change.headers,
          connection,
          expiresAt: now() + change.expires * 1000,
          callId: request.core.callId,
          cseq: request.core.cseq.seq,
        });
      }
      if (bindings.size > 0) aors.set(key, bindings);
      else aors.delete(key);
      log.info({ aor: key, contacts: changes.length, remote: connection.remote }, 'SIP REGISTER accepted');
      return okResponse(request, key, toTag);
    },

    bindingsOfAgent(tenantId, agentId) {
      const account = directory.accountOfAgent(tenantId, agentId);
      if (!account) return [];
      return live(aors.get(aorKey(tenantId, account.username))?.values() ?? []).sort(
        (a, b) => b.expiresAt - a.expiresAt,
      );
    },

    bindingOfConnection(connection) {
      for (const bindings of aors.values())
        for (const binding of bindings.values())
          if (binding.connection === connection && binding.expiresAt > now() && connection.isOpen())
            return binding;
      return null;
    },

    connectionClosed(connection) {
      let removed = 0;
      for (const [key, bindings] of aors) {
        for (const [contact, binding] of bindings) {
          if (binding.connection === connection) {
            bindings.delete(contact);
            removed++;
          }
        }
        if (bindings.size === 0) aors.delete(key);
      }
      return removed;
    },

    sweep() {
      let removed = 0;
      for (const [key, bindings] of aors) {
        for (const [contact, binding] of bindings) {
          if (binding.expiresAt <= now()) {
            bindings.delete(contact);
            removed++;
          }
        }
        if (bindings.size === 0) aors.delete(key);
      }
      return removed;
    },
  };
}
