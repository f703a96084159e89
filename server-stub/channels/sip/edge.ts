import { randomBytes } from 'node:crypto';
import type { ServerMessage } from '@contract/ws';
import {
  allowed,
  createCallManager,
  refusal,
  type CallManager,
  type CallRouting,
  type FarEnd,
} from './calls/callManager';
import { dialTarget } from './calls/dialTarget';
import { createClientTransactions, type Timers } from './calls/transactions';
import type { SipConnection, SipLog } from './connection';
import type { SipDirectory } from './directory';
import { parseSipMessage, type ParsedMessage } from './message/parse';
import { buildResponse } from './message/serialize';
import { headerList, type SipRequest } from './message/sipMessage';
import { createDigestVerifier } from './registrar/digest';
import type { DigestAlgorithm } from './registrar/ha1';
import { createRegistrar, type Registrar } from './registrar/registrar';
import type { CallRecordStore } from './records/callRecordStore';
import { trunkAddress, type SipTrunk } from './trunk';

// The SIP edge without its transport: frames in from connections, decisions in from the router,
// SIP out. The WebSocket route (sipSocketRoute.ts) feeds it; tests feed it directly with fakes.

/** What the edge needs from the server. */
export interface SipEdgeOptions {
  directory: SipDirectory;
  routing: CallRouting;
  now: () => number;
  generateId: () => string;
  log: SipLog;
  timers: Timers;
  /** The edge's own host name in Via and Contact. */
  host: string;
  /** Digest algorithms offered, most preferred first; MD5 alone by default, as JsSIP supports no other. */
  digestAlgorithms?: readonly DigestAlgorithm[];
  nonceTtlMs?: number;
  minExpires?: number;
  maxExpires?: number;
  /** Where calls are recorded (contact records). */
  records: CallRecordStore;
  /** The outbound trunk for numbers agents dial; without one a number is answered 404. */
  trunk?: SipTrunk | null;
  /**
   * Calls one connection may have in progress as the caller (4 by default: an agent's customer
   * call, a consultation and a conference leg fit; a page flooding queues does not).
   */
  maxCallsPerConnection?: number;
  /** Timer B/F: how long a request the edge sent may go unanswered. */
  transactionTimeoutMs?: number;
  secret?: Buffer;
}

/** Extensions the edge supports (RFC 5626 outbound keep-alives, RFC 3327 Path); others in Require get 420. */
const supportedExtensions: readonly string[] = ['outbound', 'path'];
/** RFC 3261 8.1.1.7: the prefix of a branch that names a transaction. */
const magicCookie = 'z9hG4bK';

/** The running edge. */
export interface SipEdge {
  /** Handles one frame received on a connection. */
  receive(connection: SipConnection, frame: string | Buffer): void;
  /** Forgets a closed connection: its bindings go and its calls end. */
  connectionClosed(connection: SipConnection): void;
  /** A frame the router sent to an agent's seats: offers and their ends concern the edge too. */
  agentFrame(tenantId: string, agentId: string, frame: ServerMessage): void;
  /** Wait announcements and releases for callers. */
  customerDecision(
    tenantId: string,
    decision: {
      type: string;
      interactionId: string;
      position?: number;
      ewtSeconds?: number;
      message?: string;
    },
  ): void;
  registrar: Registrar;
  calls: CallManager;
  /** Drops expired bindings (the server runs it on an interval). */
  sweep(): void;
  dispose(): void;
}

/** Builds the edge. */
export function createSipEdge(options: SipEdgeOptions): SipEdge {
  const { log, now } = options;
  const newTag = () =>
    options
      .generateId()
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 24) || randomBytes(8).toString('hex');
  const edgeIdentity = {
    host: options.host,
    contact: `sip:edge@${options.host};transport=ws`,
    newBranch: () => `z9hG4bK${newTag()}`,
  };
  const digest = createDigestVerifier({
    secret: options.secret ?? randomBytes(32),
    now,
    nonceTtlMs: options.nonceTtlMs ?? 5 * 60_000,
    algorithms: options.digestAlgorithms ?? ['MD5'],
  });
  const registrar = createRegistrar({
    directory: options.directory,
    digest,
    now,
    log,
    minExpires: options.minExpires ?? 60,
    maxExpires: options.maxExpires ?? 3600,
    defaultExpires: 600,
  });
  const transactions = createClientTransactions(
    options.timers,
    options.transactionTimeoutMs ?? 32_000,
    (request, status) => {
      const parsed = parseSipMessage(
        Buffer.from(
          `SIP/2.0 ${status} Local\r\n${request.headers
            .filter((h) => ['Via', 'From', 'To', 'Call-ID', 'CSeq'].includes(h.name))
            .map((h) => `${h.name}: ${h.value}`)
            .join('\r\n')}\r\n\r\n`,
        ),
      );
      if (!parsed.ok || parsed.message.kind !== 'response') throw new Error(`local ${status} did not parse`);
      return parsed.message as never;
    },
  );
  const calls = createCallManager({
    routing: options.routing,
    directory: options.directory,
    registrar,
    transactions,
    edge: edgeIdentity,
    newTag,
    log,
    records: options.records,
    trunk: options.trunk ?? null,
  });
  const trunk = options.trunk ?? null;
  const maxCallsPerConnection = options.maxCallsPerConnection ?? 4;

  // Router effects run inside the router's own submit; acting on them re-enters the router, so
  // they are handled once the current command has finished.
  const later = (action: () => void) =>
    queueMicrotask(() => {
      try {
        action();
      } catch (error) {
        log.warn({ err: error }, 'SIP edge failed to act on a routing decision');
      }
    });

  const request = (connection: SipConnection, message: ParsedMessage & SipRequest) => {
    const reply = (status: number, extra: Parameters<typeof buildResponse>[2] = {}) =>
      connection.send(buildResponse(message, status, { toTag: newTag(), ...extra }));
    /** Every refusal says why in the log, so a softphone's failed call can be traced from the server. */
    const refuse = (status: number, why: string, extra: Parameters<typeof buildResponse>[2] = {}) => {
      log.info(
        {
          method: message.method.slice(0, 40),
          status,
          callId: message.core.callId.slice(0, 80),
          remote: connection.remote,
        },
        `SIP request refused: ${why}`,
      );
      reply(status, extra);
    };
    const method = message.method;
    // RFC 3261 8.1.1.7: the branch starts with the magic cookie and names the transaction after it.
    // Without one (RFC 2543 clients, RFC 4475 inv2543; a bare cookie, badbranch) requests could only
    // be matched the RFC 2543 way, which the edge does not do: its transactions are keyed by branch,
    // and no WebSocket client (RFC 7118 came long after RFC 3261) needs it. 400, statelessly.
    const branch = message.core.via[0]?.branch ?? '';
    if (!branch.startsWith(magicCookie) || branch.length === magicCookie.length) {
      if (method === 'ACK')
        return log.info({ remote: connection.remote }, 'SIP ACK without a branch dropped');
      return refuse(400, 'no RFC 3261 branch in the top Via', {
        reason: 'Bad Request: the top Via needs a branch starting with z9hG4bK and an identifier after it',
      });
    }
    if (message.requestScheme !== 'sip' && message.requestScheme !== 'sips') {
      if (method === 'ACK') return undefined;
      return refuse(416, `Request-URI scheme ${String(message.requestScheme).slice(0, 40)} is not served`);
    }
    // RFC 3261 8.2.2.3: an extension the request requires and the edge does not support is refused
    // with 420 and the tags in Unsupported (never for ACK or CANCEL). In-dialog INVITE, UPDATE and
    // INFO are relayed with their Require to the far end, which answers for its own extensions.
    const relayed = message.core.to.tag !== null && ['INVITE', 'UPDATE', 'INFO'].includes(method);
    const unsupported =
      method === 'ACK' || method === 'CANCEL' || relayed
        ? []
        : headerList(message, 'Require')
            .map((tag) => tag.trim())
            .filter((tag) => tag !== '' && !supportedExtensions.includes(tag.toLowerCase()));
    if (unsupported.length > 0)
      return refuse(420, `unsupported extension ${unsupported.join(', ').slice(0, 120)}`, {
        headers: [{ name: 'Unsupported', value: unsupported.join(', ') }],
      });
    if (message.core.to.tag && method !== 'CANCEL') return calls.inDialog(message, connection);
    switch (method) {
      case 'REGISTER':
        return connection.send(registrar.register(message, connection, newTag()));
      case 'OPTIONS':
        return reply(200, {
          headers: [
            { name: 'Allow', value: allowed },
            { name: 'Accept', value: 'application/sdp' },
            { name: 'Supported', value: supportedExtensions.join(', ') },
          ],
        });
      case 'CANCEL':
        return calls.cancel(message, connection);
      case 'ACK':
        // An ACK outside a dialog belongs to a non-2xx final we sent (same branch): nothing to do.
        return undefined;
      case 'INVITE':
        return invite(connection, message, reply);
      case 'BYE':
      case 'UPDATE':
      case 'INFO':
      case 'REFER':
      case 'NOTIFY':
        // These only make sense inside a dialog, and this one has no To tag.
        return refuse(481, `${method} outside a dialog (no To tag)`);
      case 'SUBSCRIBE':
      case 'PUBLISH':
      case 'MESSAGE':
        return refuse(405, `${method} is not served`, { headers: [{ name: 'Allow', value: allowed }] });
      default:
        return refuse(501, 'unknown method', { headers: [{ name: 'Allow', value: allowed }] });
    }
  };

  /**
   * An INVITE outside a dialog. Anyone may call a queue (customers are anonymous); a connection an
   * agent registered over may also call a colleague or, through the trunk, a number.
   */
  const invite = (
    connection: SipConnection,
    message: ParsedMessage & SipRequest,
    reply: (status: number, extra?: Parameters<typeof buildResponse>[2]) => void,
  ) => {
    const uri = message.requestUri;
    const tenant = uri ? options.directory.tenantByHost(uri.host) : null;
    const refuse = (status: number, text: string) => {
      log.info(
        { uri: message.uri.slice(0, 200), remote: connection.remote, status },
        `SIP INVITE refused: ${text}`,
      );
      reply(status, {
        reason: `${status === 404 ? 'Not Found' : 'Refused'}: ${text}`,
        headers: refusal(options.host, text),
      });
    };
    // The edge forwards an INVITE into a call of its own, as a proxy would: at zero hops it stops
    // (RFC 3261 16.3 step 2). Requests it answers itself (OPTIONS) are served whatever the count.
    if (message.core.maxForwards === 0) return refuse(483, 'Max-Forwards is 0');
    if (!tenant || !uri?.user) return refuse(404, 'No such address');
    // A retransmission of an INVITE in progress is not a new call; anything else counts.
    const resent = calls.isPending(message);
    if (!resent && calls.placedBy(connection) >= maxCallsPerConnection)
      return refuse(486, `At most ${maxCallsPerConnection} calls at a time from one connection`);
    const binding = registrar.bindingOfConnection(connection);
    const agent =
      binding && binding.tenantId === tenant.id && binding.agentId
        ? { agentId: binding.agentId, username: binding.username }
        : null;
    const target = dialTarget(options.directory, tenant.id, uri.user, agent?.username ?? '');
    if (target.kind === 'queue') return calls.invite(message, connection, tenant, target.queue, agent);
    if (target.kind === 'unknown') return refuse(404, 'No such queue, agent or number');
    if (!agent) return refuse(403, 'Only a registered agent may call a colleague or a number');
    if (target.kind === 'self') return refuse(403, 'You cannot call yourself');
    if (target.kind === 'agent') {
      const colleague = registrar.bindingsOfAgent(tenant.id, target.agentId)[0];
      if (!colleague) return refuse(480, `${target.username} has no registered softphone`);
      const far: FarEnd = {
        connection: colleague.connection,
        target: colleague.contact,
        remoteUri: `<sip:${target.username}@${tenant.slug}>`,
        agentId: target.agentId,
      };
      return calls.dial(message, connection, tenant, agent, far, 'internal');
    }
    if (!trunk) return refuse(404, 'No outbound trunk is configured for numbers');
    const trunkConnection = trunk.connection();
    if (!trunkConnection) return refuse(503, 'The outbound trunk is not connected');
    const address = trunkAddress(trunk.domain, target.number);
    return calls.dial(
      message,
      connection,
      tenant,
      agent,
      { connection: trunkConnection, target: address, remoteUri: `<${address}>`, agentId: null },
      'outbound',
    );
  };

  return {
    registrar,
    calls,
    receive(connection, frame) {
      // A frame of CRLFs only is a keep-alive, not a message (RFC 7118 5.3). CRLFCRLF is a ping
      // that the edge, which advertises outbound, answers with a CRLF pong (RFC 5626 4.4.1) so
      // the client knows its flow is alive; a lone CRLF is a pong and needs no answer.
      const text = typeof frame === 'string' ? frame : frame.toString('latin1');
      if (text.replace(/\r\n/g, '') === '') {
        if (text.length >= 4) connection.sendKeepAlivePong();
        return;
      }
      const parsed = parseSipMessage(frame);
      if (!parsed.ok) {
        log.warn({ reason: parsed.reason, remote: connection.remote }, 'SIP message refused');
        if (parsed.answerable && parsed.answerable.method !== 'ACK')
          connection.send(
            buildResponse(parsed.answerable, parsed.status, {
              toTag: newTag(),
              reason:
                `${parsed.status === 505 ? 'Version Not Supported' : 'Bad Request'}: ${parsed.reason}`.slice(
                  0,
                  120,
                ),
            }),
          );
        return;
      }
      const message = parsed.message;
      if (message.kind === 'response') {
        if (!transactions.receive(message as ParsedMessage & typeof message))
          log.info(
            { status: message.status, callId: message.core.callId.slice(0, 80) },
            'SIP stray response dropped',
          );
        return;
      }
      try {
        request(connection, message as ParsedMessage & SipRequest);
      } catch (error) {
        log.warn({ err: error, method: message.method }, 'SIP request failed');
        if (message.method !== 'ACK') connection.send(buildResponse(message, 500, { toTag: newTag() }));
      }
    },
    connectionClosed(connection) {
      registrar.connectionClosed(connection);
      transactions.connectionClosed(connection);
      calls.connectionClosed(connection);
    },
    agentFrame(tenantId, agentId, frame) {
      if (frame.type === 'interaction.offer' && frame.interaction.channel === 'voice')
        later(() => calls.offered(tenantId, agentId, frame.interaction));
      else if (frame.type === 'interaction.revoked')
        later(() => calls.revoked(tenantId, agentId, frame.interactionId));
      else if (frame.type === 'interaction.update' && frame.interaction.channel === 'voice') {
        const interaction = frame.interaction;
        if (interaction.disposition)
          later(() =>
            options.records.disposition(tenantId, interaction.id, interaction.disposition as string),
          );
        later(() => calls.updated(tenantId, interaction));
      }
    },
    customerDecision(tenantId, decision) {
      if (decision.type === 'announce_wait')
        later(() =>
          calls.announce(tenantId, decision.interactionId, decision.position ?? 0, decision.ewtSeconds ?? 0),
        );
      else if (decision.type === 'release' || decision.type === 'callback_request')
        later(() => calls.released(tenantId, decision.interactionId, decision.message ?? 'Released'));
    },
    sweep: () => void registrar.sweep(),
    dispose: () => transactions.dispose(),
  };
}
