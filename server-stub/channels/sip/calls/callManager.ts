import { createHash } from 'node:crypto';
import { SeatError } from '@contract/errors';
import type { Interaction, TransferTarget } from '@contract/routing';
import type { SipConnection, SipLog } from '../connection';
import type { SipDirectory } from '../directory';
import { parseNameAddr, type ParsedMessage } from '../message/parse';
import { buildResponse, uriText } from '../message/serialize';
import { header, headerList, type SipHeader, type SipRequest, type SipResponse } from '../message/sipMessage';
import type { Registrar } from '../registrar/registrar';
import { legRequest, type EdgeIdentity, type Leg } from './leg';
import type { ClientTransactions } from './transactions';

// Calls from customers to queues, as a back-to-back user agent (B2BUA). The edge answers the
// caller's INVITE itself (leg A) and places its own INVITE to the agent the router chose (leg B).
// A B2BUA rather than a record-routing proxy because every transfer and every end goes through the
// router: the caller's dialog stays with the edge while agents come and go (a blind transfer is a
// new leg B, the caller never sees a REFER it would have to honour), BYE and CANCEL on either side
// map to one interaction command, and both legs' in-dialog requests reach the edge by construction
// (its Contact is the remote target of both dialogs, which is what Record-Route buys a proxy), so
// no WebSocket peer's unreachable `*.invalid` Contact is ever routed to.

type Request = ParsedMessage & SipRequest;
type Response = ParsedMessage & SipResponse;

/** The routing commands calls use (the InteractionService). */
export interface CallRouting {
  create(
    tenantId: string,
    request: { channel: 'voice'; queueId: string; customerId?: string; attached: Record<string, unknown> },
    idempotencyKey: string,
  ): { interaction: Interaction; created: boolean };
  accept(tenantId: string, interactionId: string, agentId: string): Interaction;
  reject(tenantId: string, interactionId: string, agentId: string): Interaction;
  end(tenantId: string, interactionId: string, by: string): Interaction;
  cancel(tenantId: string, interactionId: string, by: string): Interaction;
  transfer(tenantId: string, interactionId: string, agentId: string, to: TransferTarget): Interaction;
}

interface AgentLeg {
  agentId: string;
  leg: Leg;
  invite: SipRequest;
  inviteBranch: string;
  inviteCseq: number;
  state: 'calling' | 'confirmed' | 'cancelled';
}

interface Relay {
  /** The side that sent the in-dialog request, and the request to answer. */
  from: 'caller' | 'agent';
  request: Request;
  /** Set when the far side's 2xx must wait for the origin's ACK (which carries the SDP answer). */
  ackFar: { cseq: number } | null;
}

interface Call {
  tenantId: string;
  interactionId: string;
  customerId: string | null;
  invite: Request;
  inviteBranch: string;
  caller: Leg;
  callerAnswered: boolean;
  callerSdp: string;
  agent: AgentLeg | null;
  /** After a transfer the caller's dialog is up: the next agent gets an offerless INVITE (RFC 3725). */
  lateOffer: boolean;
  relay: Relay | null;
  ended: boolean;
}

/** What the call manager needs. */
export interface CallManagerOptions {
  routing: CallRouting;
  directory: SipDirectory;
  registrar: Registrar;
  transactions: ClientTransactions;
  edge: EdgeIdentity;
  newTag(): string;
  log: SipLog;
}

/** Calls through the edge: SIP requests in, router decisions in. */
export interface CallManager {
  /** An INVITE outside any dialog: a customer calling a queue. */
  invite(
    request: Request,
    connection: SipConnection,
    tenant: { id: string; slug: string },
    queue: { id: string; name: string },
  ): void;
  /** CANCEL of a pending INVITE (matched by branch). */
  cancel(request: Request, connection: SipConnection): void;
  /** A request with a To tag: in-dialog; answered 481 when no dialog matches. */
  inDialog(request: Request, connection: SipConnection): void;
  /** The router offered an interaction to an agent. */
  offered(tenantId: string, agentId: string, interaction: Interaction): void;
  /** The router took an offer back (timeout, rejected, cancelled). */
  revoked(tenantId: string, agentId: string, interactionId: string): void;
  /** The interaction changed (e.g. ended from the seat): hang up what no longer belongs. */
  updated(tenantId: string, interaction: Interaction): void;
  /** Wait announcement for the caller: a 182 with position and estimated wait. */
  announce(tenantId: string, interactionId: string, position: number, ewtSeconds: number): void;
  /** The router released the interaction with a message (overflow, blacklist): refuse the call. */
  released(tenantId: string, interactionId: string, message: string): void;
  /** A connection closed: its calls end. */
  connectionClosed(connection: SipConnection): void;
  /** Live calls, for tests and shutdown. */
  count(): number;
}

const statusOfError = (error: unknown): number => {
  if (error instanceof SeatError) {
    if (error.status === 404) return 404;
    if (error.status === 409) return 486;
    if (error.status === 400) return 400;
    if (error.status === 503) return 503;
  }
  return 500;
};

/** Builds the call manager. */
export function createCallManager(options: CallManagerOptions): CallManager {
  const { routing, directory, registrar, transactions, edge, log } = options;
  const byInteraction = new Map<string, Call>();
  const byInviteBranch = new Map<string, Call>();
  const dialogs = new Map<string, { call: Call; side: 'caller' | 'agent' }>();
  const iKey = (tenantId: string, interactionId: string) => `${tenantId}\u0000${interactionId}`;
  const dKey = (callId: string, localTag: string) => `${callId}\u0000${localTag}`;

  const contactHeader: SipHeader = { name: 'Contact', value: `<${edge.contact}>` };
  const respond = (
    connection: SipConnection,
    request: SipRequest,
    status: number,
    toTag: string,
    extra: { headers?: SipHeader[]; body?: string; reason?: string } = {},
  ) => {
    connection.send(buildResponse(request, status, { toTag, ...extra }));
  };
  const respondCaller = (
    call: Call,
    status: number,
    extra: { headers?: SipHeader[]; body?: string; reason?: string } = {},
  ) => {
    if (call.callerAnswered) return;
    if (status >= 200) call.callerAnswered = true;
    respond(call.caller.connection, call.invite, status, call.caller.localTag, extra);
  };
  const safely = (what: string, call: Call, action: () => void) => {
    try {
      action();
    } catch (error) {
      log.warn({ err: error, interactionId: call.interactionId }, `SIP call: ${what} refused by the router`);
    }
  };

  const forget = (call: Call) => {
    call.ended = true;
    byInteraction.delete(iKey(call.tenantId, call.interactionId));
    byInviteBranch.delete(call.inviteBranch);
    dialogs.delete(dKey(call.caller.callId, call.caller.localTag));
    if (call.agent) dialogs.delete(dKey(call.agent.leg.callId, call.agent.leg.localTag));
  };

  const sendOnLeg = (
    leg: Leg,
    method: string,
    opts: Parameters<typeof legRequest>[3],
    onResponse: (r: Response) => void = () => {},
  ) => {
    if (!leg.connection.isOpen()) return;
    const { request, branch } = legRequest(leg, edge, method, opts);
    if (method === 'ACK') leg.connection.send(request);
    else transactions.send(leg.connection, request, branch, onResponse);
  };

  /** Ends the agent leg whatever its state: CANCEL while calling, BYE once confirmed. */
  const dropAgent = (call: Call) => {
    const agent = call.agent;
    if (!agent) return;
    call.agent = null;
    if (agent.state === 'calling') {
      agent.state = 'cancelled';
      const { request } = legRequest(agent.leg, edge, 'CANCEL', {
        cseq: agent.inviteCseq,
        branch: agent.inviteBranch,
      });
      // A CANCEL has its own transaction: it shares the INVITE's branch, but its responses carry CSeq CANCEL.
      if (agent.leg.connection.isOpen()) agent.leg.connection.send(request);
    } else if (agent.state === 'confirmed') {
      dialogs.delete(dKey(agent.leg.callId, agent.leg.localTag));
      sendOnLeg(agent.leg, 'BYE', {});
    }
  };

  /** Hangs up both sides (the interaction is over) without telling the router again. */
  const hangUp = (call: Call, callerStatus: number, reason?: string) => {
    dropAgent(call);
    if (call.callerAnswered) sendOnLeg(call.caller, 'BYE', {});
    else respondCaller(call, callerStatus, reason ? { reason } : {});
    forget(call);
  };

  const inviteAgent = (call: Call, agentId: string) => {
    const bindings = registrar.bindingsOfAgent(call.tenantId, agentId);
    const binding = bindings[0];
    const account = directory.accountOfAgent(call.tenantId, agentId);
    if (!binding || !account) {
      log.info(
        { interactionId: call.interactionId, agentId },
        'SIP offer to an agent with no registered softphone: rejected so the router moves on',
      );
      safely('reject', call, () => routing.reject(call.tenantId, call.interactionId, agentId));
      return;
    }
    const domain = directory.tenantByHost(call.invite.core.to.uri.host)?.slug ?? call.invite.core.to.uri.host;
    const caller = call.invite.core.from;
    const display = caller.displayName ? `"${caller.displayName.replace(/["\\]/g, '')}" ` : '';
    const leg: Leg = {
      connection: binding.connection,
      callId: `${options.newTag()}${options.newTag()}`,
      localTag: options.newTag(),
      remoteTag: null,
      localUri: `${display}<sip:${caller.uri.user ?? 'anonymous'}@${domain}>`,
      remoteUri: `<sip:${account.username}@${domain}>`,
      remoteTarget: binding.contact,
      routeSet: [],
      cseq: 1,
    };
    const headers: SipHeader[] = [{ name: 'X-Seat-Interaction-Id', value: call.interactionId }];
    if (call.customerId) headers.push({ name: 'X-Seat-Customer-Id', value: call.customerId });
    headers.push({ name: 'Allow', value: allowed });
    const body = call.lateOffer ? '' : call.callerSdp;
    const inviteCseq = leg.cseq;
    const { request, branch } = legRequest(leg, edge, 'INVITE', {
      headers,
      body,
      contentType: 'application/sdp',
    });
    const agent: AgentLeg = {
      agentId,
      leg,
      invite: request,
      inviteBranch: branch,
      inviteCseq,
      state: 'calling',
    };
    call.agent = agent;
    dialogs.set(dKey(leg.callId, leg.localTag), { call, side: 'agent' });
    transactions.send(leg.connection, request, branch, (response) =>
      agentInviteResponse(call, agent, response),
    );
    log.info(
      { interactionId: call.interactionId, agentId, lateOffer: call.lateOffer },
      'SIP INVITE sent to the agent',
    );
  };

  const ackNon2xx = (agent: AgentLeg, response: Response) => {
    const to = header(response, 'To');
    const headers = agent.invite.headers.filter((h) =>
      ['Via', 'From', 'Call-ID', 'Route', 'Max-Forwards'].includes(h.name),
    );
    headers.push(
      { name: 'To', value: to ?? agent.leg.remoteUri },
      { name: 'CSeq', value: `${agent.inviteCseq} ACK` },
    );
    if (agent.leg.connection.isOpen())
      agent.leg.connection.send({ kind: 'request', method: 'ACK', uri: agent.invite.uri, headers, body: '' });
  };

  const agentInviteResponse = (call: Call, agent: AgentLeg, response: Response) => {
    if (response.status < 200) {
      if (response.status > 100 && agent.state === 'calling' && !call.lateOffer) respondCaller(call, 180);
      return;
    }
    if (response.status >= 300) {
      if (response.status !== 408 || header(response, 'Via') !== null) ackNon2xx(agent, response);
      dialogs.delete(dKey(agent.leg.callId, agent.leg.localTag));
      if (call.agent === agent) call.agent = null;
      // A 487 answers our own CANCEL: the router already knows (it revoked the offer).
      if (agent.state === 'calling' && !call.ended) {
        log.info(
          { interactionId: call.interactionId, agentId: agent.agentId, status: response.status },
          'SIP agent declined the call: the router re-queues it',
        );
        safely('reject', call, () => routing.reject(call.tenantId, call.interactionId, agent.agentId));
      }
      return;
    }
    // 2xx: the agent answered. The dialog exists whether or not we keep it.
    agent.leg.remoteTag = response.core.to.tag;
    const contact = response.core.contact === '*' ? undefined : response.core.contact[0];
    if (contact) agent.leg.remoteTarget = uriText(contact.uri);
    agent.leg.routeSet = headerList(response, 'Record-Route').reverse();
    const ackAndBye = () => {
      sendOnLeg(agent.leg, 'ACK', { cseq: agent.inviteCseq });
      sendOnLeg(agent.leg, 'BYE', {});
      dialogs.delete(dKey(agent.leg.callId, agent.leg.localTag));
    };
    if (call.ended || agent.state !== 'calling' || call.agent !== agent) return ackAndBye();
    try {
      routing.accept(call.tenantId, call.interactionId, agent.agentId);
    } catch (error) {
      log.warn(
        { err: error, interactionId: call.interactionId, agentId: agent.agentId },
        'SIP answer came after the offer ended: the agent is hung up',
      );
      call.agent = null;
      return ackAndBye();
    }
    agent.state = 'confirmed';
    const sdpType = header(response, 'Content-Type') ?? 'application/sdp';
    if (!call.lateOffer) {
      sendOnLeg(agent.leg, 'ACK', { cseq: agent.inviteCseq });
      respondCaller(call, 200, {
        headers: [contactHeader, { name: 'Content-Type', value: sdpType }, { name: 'Allow', value: allowed }],
        body: response.body,
      });
      return;
    }
    // Late offer (RFC 3725 flow I): the agent's 200 carries its offer; the caller answers it in
    // the 200 to our re-INVITE, and that answer goes to the agent in the ACK.
    sendOnLeg(call.caller, 'INVITE', { body: response.body, contentType: sdpType }, (reply) => {
      if (reply.status < 200) return;
      if (reply.status >= 300) {
        log.warn(
          { interactionId: call.interactionId, status: reply.status },
          "SIP caller refused the new agent's media",
        );
        sendOnLeg(agent.leg, 'ACK', { cseq: agent.inviteCseq });
        return;
      }
      sendOnLeg(call.caller, 'ACK', { cseq: reply.core.cseq.seq });
      sendOnLeg(agent.leg, 'ACK', {
        cseq: agent.inviteCseq,
        body: reply.body,
        contentType: header(reply, 'Content-Type') ?? 'application/sdp',
      });
    });
  };

  const relay = (call: Call, from: 'caller' | 'agent', request: Request) => {
    const origin = from === 'caller' ? call.caller : call.agent?.leg;
    const far = from === 'caller' ? (call.agent?.state === 'confirmed' ? call.agent.leg : null) : call.caller;
    const toTag = origin?.localTag ?? '';
    if (!far)
      return respond(originConnection(call, from), request, 488, toTag, {
        reason: 'No one to relay to right now',
      });
    if (call.relay) return respond(originConnection(call, from), request, 491, toTag);
    const current: Relay = { from, request, ackFar: null };
    call.relay = current;
    const contentType = header(request, 'Content-Type');
    const passHeaders = request.headers.filter((h) =>
      /^(Session-Expires|Min-SE|Supported|Require|Info-Package|Content-Disposition|Event)$/i.test(h.name),
    );
    sendOnLeg(far, request.method, { headers: passHeaders, body: request.body, contentType }, (reply) => {
      const headers: SipHeader[] = [];
      if (reply.status >= 200 && reply.status < 300) headers.push(contactHeader);
      const replyType = header(reply, 'Content-Type');
      if (reply.body && replyType) headers.push({ name: 'Content-Type', value: replyType });
      if (reply.status >= 200) {
        if (request.method === 'INVITE' && reply.status < 300) {
          if (request.body) sendOnLeg(far, 'ACK', { cseq: reply.core.cseq.seq });
          else current.ackFar = { cseq: reply.core.cseq.seq };
        }
        if (!current.ackFar) call.relay = null;
      }
      if (reply.status > 100)
        respond(originConnection(call, from), request, reply.status, toTag, {
          headers,
          body: reply.body,
          reason: reply.reason,
        });
    });
  };

  const originConnection = (call: Call, side: 'caller' | 'agent') =>
    side === 'caller' ? call.caller.connection : (call.agent?.leg.connection ?? call.caller.connection);

  const transferTarget = (call: Call, referTo: string): TransferTarget | null => {
    const target = parseNameAddr(referTo, 'Refer_To');
    if (!target?.uri.user || (target.uri.scheme !== 'sip' && target.uri.scheme !== 'sips')) return null;
    const queue = directory.queueByUser(call.tenantId, target.uri.user);
    if (queue) return { kind: 'queue', queueId: queue.id };
    const account = directory.account(call.tenantId, target.uri.user);
    if (account?.agentId) return { kind: 'agent', agentId: account.agentId };
    return null;
  };

  const refer = (call: Call, request: Request, connection: SipConnection) => {
    const agent = call.agent;
    const toTag = agent?.leg.localTag ?? '';
    const referTo = header(request, 'Refer-To');
    if (!agent || agent.state !== 'confirmed')
      return respond(connection, request, 403, toTag, {
        reason: 'Only the agent on the call can transfer it',
      });
    if (!referTo) return respond(connection, request, 400, toTag, { reason: 'Refer-To is missing' });
    if (/[?&]replaces=/i.test(referTo))
      return respond(connection, request, 501, toTag, {
        reason: 'Attended transfer (Replaces) is not supported by the edge yet',
      });
    const target = transferTarget(call, referTo);
    // No trunk behind the edge: a number or an unknown name is not a place the call can go.
    if (!target) return respond(connection, request, 404, toTag, { reason: 'Unknown transfer target' });
    try {
      routing.transfer(call.tenantId, call.interactionId, agent.agentId, target);
    } catch (error) {
      log.info({ err: error, interactionId: call.interactionId }, 'SIP REFER refused by the router');
      return respond(connection, request, statusOfError(error) === 486 ? 403 : statusOfError(error), toTag, {
        reason: error instanceof Error ? error.message.slice(0, 80) : 'Refused',
      });
    }
    respond(connection, request, 202, toTag);
    sendOnLeg(agent.leg, 'NOTIFY', {
      headers: [
        { name: 'Event', value: 'refer' },
        { name: 'Subscription-State', value: 'terminated;reason=noresource' },
      ],
      body: 'SIP/2.0 200 OK\r\n',
      contentType: 'message/sipfrag;version=2.0',
    });
    call.lateOffer = true;
    dropAgent(call);
    log.info(
      { interactionId: call.interactionId, from: agent.agentId, to: target },
      'SIP blind transfer through the router',
    );
  };

  const endFrom = (call: Call, side: 'caller' | 'agent') => {
    const connectedAgent = call.agent?.state === 'confirmed' ? call.agent.agentId : null;
    if (side === 'agent' && call.agent) {
      dialogs.delete(dKey(call.agent.leg.callId, call.agent.leg.localTag));
      call.agent = null;
    }
    hangUp(call, 487);
    if (connectedAgent)
      safely('end', call, () =>
        routing.end(call.tenantId, call.interactionId, side === 'caller' ? 'customer' : connectedAgent),
      );
    else safely('cancel', call, () => routing.cancel(call.tenantId, call.interactionId, 'customer'));
  };

  return {
    invite(request, connection, tenant, queue) {
      const branch = request.core.via[0]?.branch ?? '';
      const resent = byInviteBranch.get(branch);
      if (resent) return respond(connection, request, 100, resent.caller.localTag);
      const toTag = options.newTag();
      const contentType = (header(request, 'Content-Type') ?? '').toLowerCase();
      if (!request.body || !contentType.startsWith('application/sdp'))
        return respond(connection, request, 488, toTag, { reason: 'An SDP offer is required' });
      respond(connection, request, 100, toTag);
      const from = request.core.from;
      const customerId = from.uri.user ? directory.customerByPhone(tenant.id, from.uri.user) : null;
      const key = `sip-${createHash('sha256')
        .update(`${request.core.callId}\u0000${from.tag ?? ''}`)
        .digest('hex')
        .slice(0, 40)}`;
      let interaction: Interaction;
      try {
        const attached = {
          sip: {
            from: uriText(from.uri),
            displayName: from.displayName,
            callId: request.core.callId.slice(0, 200),
          },
        };
        interaction = routing.create(
          tenant.id,
          { channel: 'voice', queueId: queue.id, attached, ...(customerId ? { customerId } : {}) },
          key,
        ).interaction;
      } catch (error) {
        log.warn({ err: error, queue: queue.id }, 'SIP INVITE refused by the router');
        return respond(connection, request, statusOfError(error), toTag);
      }
      const caller: Leg = {
        connection,
        callId: request.core.callId,
        localTag: toTag,
        remoteTag: from.tag,
        localUri: `<${uriText(request.core.to.uri)}>`,
        remoteUri: headerValueWithoutTag(header(request, 'From') ?? ''),
        remoteTarget:
          request.core.contact !== '*' && request.core.contact[0]
            ? uriText(request.core.contact[0].uri)
            : uriText(from.uri),
        routeSet: headerList(request, 'Record-Route'),
        cseq: 1,
      };
      const call: Call = {
        tenantId: tenant.id,
        interactionId: interaction.id,
        customerId,
        invite: request,
        inviteBranch: branch,
        caller,
        callerAnswered: false,
        callerSdp: request.body,
        agent: null,
        lateOffer: false,
        relay: null,
        ended: false,
      };
      byInteraction.set(iKey(tenant.id, interaction.id), call);
      byInviteBranch.set(branch, call);
      dialogs.set(dKey(caller.callId, caller.localTag), { call, side: 'caller' });
      log.info({ interactionId: interaction.id, queue: queue.id, customerId }, 'SIP call queued');
      if (interaction.state === 'released' || interaction.state === 'callback')
        return hangUp(call, 480, interaction.releaseReason ?? 'Released');
      if (interaction.state === 'queued')
        queuedProgress(call, interaction.position, interaction.estimatedWaitSeconds);
    },

    cancel(request, connection) {
      const call = byInviteBranch.get(request.core.via[0]?.branch ?? '');
      if (!call || call.caller.connection !== connection)
        return respond(connection, request, 481, options.newTag());
      respond(connection, request, 200, call.caller.localTag);
      if (call.callerAnswered) return;
      log.info({ interactionId: call.interactionId }, 'SIP caller cancelled');
      endFrom(call, 'caller');
    },

    inDialog(request, connection) {
      const found = dialogs.get(dKey(request.core.callId, request.core.to.tag ?? ''));
      if (request.method === 'ACK') {
        // An ACK is never answered. One for a 2xx may carry the SDP answer of a relayed late offer.
        const call = found?.call;
        if (call?.relay?.ackFar && call.relay.from === found?.side) {
          const far = found.side === 'caller' ? call.agent?.leg : call.caller;
          if (far)
            sendOnLeg(far, 'ACK', {
              cseq: call.relay.ackFar.cseq,
              body: request.body,
              contentType: header(request, 'Content-Type'),
            });
          call.relay = null;
        }
        return;
      }
      const expected = found
        ? found.side === 'caller'
          ? found.call.caller.connection
          : found.call.agent?.leg.connection
        : undefined;
      if (!found || expected !== connection)
        return respond(connection, request, 481, request.core.to.tag ?? options.newTag());
      const { call, side } = found;
      const toTag = request.core.to.tag as string;
      switch (request.method) {
        case 'BYE':
          respond(connection, request, 200, toTag);
          log.info({ interactionId: call.interactionId, side }, 'SIP BYE');
          return endFrom(call, side);
        case 'INVITE':
        case 'UPDATE':
        case 'INFO':
          return relay(call, side, request);
        case 'REFER':
          return refer(call, request, connection);
        case 'OPTIONS':
          return respond(connection, request, 200, toTag, { headers: [{ name: 'Allow', value: allowed }] });
        default:
          return respond(connection, request, 405, toTag, { headers: [{ name: 'Allow', value: allowed }] });
      }
    },

    offered(tenantId, agentId, interaction) {
      const call = byInteraction.get(iKey(tenantId, interaction.id));
      if (!call || call.ended || call.agent) return;
      inviteAgent(call, agentId);
    },

    revoked(tenantId, agentId, interactionId) {
      const call = byInteraction.get(iKey(tenantId, interactionId));
      if (call?.agent && call.agent.agentId === agentId && call.agent.state === 'calling') dropAgent(call);
    },

    updated(tenantId, interaction) {
      const call = byInteraction.get(iKey(tenantId, interaction.id));
      if (!call || call.ended) return;
      if (['ended', 'wrapup', 'abandoned', 'released', 'callback'].includes(interaction.state)) {
        log.info({ interactionId: interaction.id, state: interaction.state }, 'SIP call ended by the router');
        return hangUp(call, 480, interaction.releaseReason ?? undefined);
      }
      // Moved away from the connected agent by a transfer made outside SIP (e.g. from the seat).
      if (call.agent?.state === 'confirmed' && interaction.agentId !== call.agent.agentId) {
        call.lateOffer = true;
        dropAgent(call);
      }
    },

    announce(tenantId, interactionId, position, ewtSeconds) {
      const call = byInteraction.get(iKey(tenantId, interactionId));
      if (call && !call.ended && !call.callerAnswered) queuedProgress(call, position, ewtSeconds);
    },

    released(tenantId, interactionId, message) {
      const call = byInteraction.get(iKey(tenantId, interactionId));
      if (call && !call.ended) hangUp(call, 480, message.slice(0, 100));
    },

    connectionClosed(connection) {
      for (const call of [...byInteraction.values()]) {
        if (call.caller.connection === connection) endFrom(call, 'caller');
        else if (call.agent?.leg.connection === connection) {
          const agent = call.agent;
          call.agent = null;
          dialogs.delete(dKey(agent.leg.callId, agent.leg.localTag));
          if (agent.state === 'confirmed') endFrom(call, 'agent');
          else safely('reject', call, () => routing.reject(call.tenantId, call.interactionId, agent.agentId));
        }
      }
    },

    count: () => byInteraction.size,
  };

  function queuedProgress(call: Call, position: number | null, ewtSeconds: number | null) {
    const headers: SipHeader[] = [];
    if (position !== null) headers.push({ name: 'X-Seat-Queue-Position', value: String(position) });
    if (ewtSeconds !== null)
      headers.push({ name: 'X-Seat-Estimated-Wait', value: String(Math.round(ewtSeconds)) });
    const reason =
      position !== null
        ? `Queued, position ${position}${ewtSeconds !== null ? `, about ${Math.round(ewtSeconds)} s` : ''}`
        : 'Queued';
    respondCaller(call, 182, { headers, reason });
  }
}

/** Methods the edge accepts, for Allow headers. */
export const allowed = 'INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, UPDATE, INFO, REFER, NOTIFY';

/** A From/To value with its tag parameter removed. */
function headerValueWithoutTag(value: string): string {
  return value.replace(/;\s*tag\s*=\s*[^;]*/i, '');
}
