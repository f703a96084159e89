import { createHash } from 'node:crypto';
import { SeatError } from '@contract/errors';
import type { Interaction, TransferTarget } from '@contract/routing';
import type { SipConnection, SipLog } from '../connection';
import type { SipDirectory } from '../directory';
import { parseNameAddr, type ParsedMessage } from '../message/parse';
import { buildResponse, reasonPhrases, uriText } from '../message/serialize';
import { header, headerList, type SipHeader, type SipRequest, type SipResponse } from '../message/sipMessage';
import type { Registrar } from '../registrar/registrar';
import { legRequest, type EdgeIdentity, type Leg } from './leg';
import type { CallRecordStore } from '../records/callRecordStore';
import { replacesOf, hasReplaces } from './replaces';
import type { ClientTransactions } from './transactions';

// Calls from customers to queues, as a back-to-back user agent (B2BUA). The edge answers the
// caller's INVITE itself (leg A) and places its own INVITE to the agent the router chose (leg B).
// A B2BUA rather than a record-routing proxy because every transfer and every end goes through the
// router: the caller's dialog stays with the edge while agents come and go (a blind transfer is a
// new leg B, the caller never sees a REFER it would have to honour), BYE and CANCEL on either side
// map to one interaction command, and both legs' in-dialog requests reach the edge by construction
// (its Contact is the remote target of both dialogs, which is what Record-Route buys a proxy), so
// no WebSocket peer's unreachable `*.invalid` Contact is ever routed to.
// Calls an agent places (to a colleague, or to a number through the trunk) use the same two legs
// without the router: "direct" calls, with no interaction unless they were dialled to a queue.

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
  /** The agent on this leg; null when it is the outbound trunk. */
  agentId: string | null;
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

/** Why a call ended, as its record says. */
type EndReason =
  | 'caller_hangup'
  | 'agent_hangup'
  | 'cancelled'
  | 'rejected'
  | 'released'
  | 'ended_by_router'
  | 'transferred'
  | 'connection_lost'
  | 'failed';

/** An agent placing a call from their softphone. */
export interface DialingAgent {
  agentId: string;
  username: string;
}

/** Where a direct call goes: a colleague's registered softphone or the trunk. */
export interface FarEnd {
  connection: SipConnection;
  /** Request-URI of the INVITE (the binding's Contact, or the number at the trunk's domain). */
  target: string;
  /** To of the INVITE. */
  remoteUri: string;
  /** The colleague's agent id; null for the trunk. */
  agentId: string | null;
}

interface Call {
  /** Id of the call's record. */
  id: string;
  tenantId: string;
  /** The routed interaction; null for a direct call. */
  interactionId: string | null;
  direction: 'inbound' | 'outbound' | 'internal';
  callerAgentId: string | null;
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
  /** True while the edge itself re-negotiates media between the caller and a new agent. */
  reconnecting: boolean;
  ended: boolean;
}

type Side = 'caller' | 'agent';

/** Headers that say why a call cannot go where it was dialled (RFC 3261 20.43, RFC 3326). */
export const refusal = (host: string, text: string): SipHeader[] => [
  { name: 'Warning', value: `399 ${host} "${text.replace(/["\\]/g, '')}"` },
];

/** What the call manager needs. */
export interface CallManagerOptions {
  routing: CallRouting;
  directory: SipDirectory;
  registrar: Registrar;
  transactions: ClientTransactions;
  edge: EdgeIdentity;
  newTag(): string;
  log: SipLog;
  records: CallRecordStore;
}

/** Calls through the edge: SIP requests in, router decisions in. */
export interface CallManager {
  /** An INVITE outside any dialog: a customer calling a queue. */
  invite(
    request: Request,
    connection: SipConnection,
    tenant: { id: string; slug: string },
    queue: { id: string; name: string },
    agent?: DialingAgent | null,
  ): void;
  /** An agent's INVITE to a colleague or a number: bridged to `far` without the router. */
  dial(
    request: Request,
    connection: SipConnection,
    tenant: { id: string; slug: string },
    agent: DialingAgent,
    far: FarEnd,
    direction: 'internal' | 'outbound',
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
  const { routing, directory, registrar, transactions, edge, log, records } = options;
  const all = new Set<Call>();
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
    if (status >= 200 && status < 300) records.answered(call.id);
    respond(call.caller.connection, call.invite, status, call.caller.localTag, extra);
  };
  const safely = (what: string, call: Call, action: () => void) => {
    try {
      action();
    } catch (error) {
      log.warn({ err: error, interactionId: call.interactionId }, `SIP call: ${what} refused by the router`);
    }
  };

  const forget = (call: Call, reason: EndReason) => {
    if (!call.ended) records.ended(call.id, reason);
    call.ended = true;
    all.delete(call);
    if (call.interactionId) byInteraction.delete(iKey(call.tenantId, call.interactionId));
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
  const hangUp = (call: Call, callerStatus: number, endReason: EndReason, reason?: string) => {
    dropAgent(call);
    if (call.callerAnswered) sendOnLeg(call.caller, 'BYE', {});
    else respondCaller(call, callerStatus, reason ? { reason } : {});
    forget(call, endReason);
  };

  const inviteAgent = (call: Call, agentId: string) => {
    const bindings = registrar.bindingsOfAgent(call.tenantId, agentId);
    const binding = bindings[0];
    const account = directory.accountOfAgent(call.tenantId, agentId);
    const interactionId = call.interactionId as string;
    if (!binding || !account) {
      log.info(
        { interactionId, agentId },
        'SIP offer to an agent with no registered softphone: rejected so the router moves on',
      );
      safely('reject', call, () => routing.reject(call.tenantId, interactionId, agentId));
      return;
    }
    const domain = directory.tenantByHost(call.invite.core.to.uri.host)?.slug ?? call.invite.core.to.uri.host;
    const headers: SipHeader[] = [{ name: 'X-Seat-Interaction-Id', value: interactionId }];
    if (call.customerId) headers.push({ name: 'X-Seat-Customer-Id', value: call.customerId });
    placeFarLeg(
      call,
      {
        connection: binding.connection,
        target: binding.contact,
        remoteUri: `<sip:${account.username}@${domain}>`,
        agentId,
      },
      domain,
      headers,
    );
  };

  /** Sends the edge's INVITE to the far end of a call (an agent chosen by the router, a colleague, the trunk). */
  const placeFarLeg = (call: Call, far: FarEnd, domain: string, headers: SipHeader[]) => {
    const caller = call.invite.core.from;
    const display = caller.displayName ? `"${caller.displayName.replace(/["\\]/g, '')}" ` : '';
    const agentId = far.agentId;
    const leg: Leg = {
      connection: far.connection,
      callId: `${options.newTag()}${options.newTag()}`,
      localTag: options.newTag(),
      remoteTag: null,
      localUri: `${display}<sip:${caller.uri.user ?? 'anonymous'}@${domain}>`,
      remoteUri: far.remoteUri,
      remoteTarget: far.target,
      routeSet: [],
      cseq: 1,
    };
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
      { interactionId: call.interactionId, callId: call.id, agentId, lateOffer: call.lateOffer },
      'SIP INVITE sent to the far end',
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
    const interactionId = call.interactionId;
    if (response.status < 200) {
      if (response.status > 100 && agent.state === 'calling' && !call.lateOffer) respondCaller(call, 180);
      return;
    }
    if (response.status >= 300) {
      if (response.status !== 408 || header(response, 'Via') !== null) ackNon2xx(agent, response);
      dialogs.delete(dKey(agent.leg.callId, agent.leg.localTag));
      if (call.agent === agent) call.agent = null;
      if (agent.state !== 'calling' || call.ended) return;
      // A direct call has no one else to try: the caller hears the far end's answer.
      if (interactionId === null) {
        log.info({ callId: call.id, status: response.status }, 'SIP direct call refused by the far end');
        respondCaller(call, response.status === 408 ? 480 : response.status, { reason: response.reason });
        return forget(call, 'rejected');
      }
      // A 487 answers our own CANCEL: the router already knows (it revoked the offer).
      log.info(
        { interactionId, agentId: agent.agentId, status: response.status },
        'SIP agent declined the call: the router re-queues it',
      );
      safely('reject', call, () => routing.reject(call.tenantId, interactionId, agent.agentId as string));
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
      if (interactionId !== null) routing.accept(call.tenantId, interactionId, agent.agentId as string);
    } catch (error) {
      log.warn(
        { err: error, interactionId: call.interactionId, agentId: agent.agentId },
        'SIP answer came after the offer ended: the agent is hung up',
      );
      call.agent = null;
      return ackAndBye();
    }
    agent.state = 'confirmed';
    if (agent.agentId) records.agentJoined(call.id, agent.agentId);
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
    if (call.relay || call.reconnecting) return respond(originConnection(call, from), request, 491, toTag);
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

  /** NOTIFY of a REFER's progress (RFC 3515 2.4.4): a sipfrag with the status the transfer reached. */
  const notifyRefer = (leg: Leg, status: number, final: boolean) =>
    sendOnLeg(leg, 'NOTIFY', {
      headers: [
        { name: 'Event', value: 'refer' },
        { name: 'Subscription-State', value: final ? 'terminated;reason=noresource' : 'active;expires=60' },
      ],
      body: `SIP/2.0 ${status} ${reasonPhrases[status] ?? 'Unknown'}\r\n`,
      contentType: 'message/sipfrag;version=2.0',
    });

  const refer = (call: Call, side: Side, request: Request, connection: SipConnection) => {
    const agent = call.agent;
    const toTag = request.core.to.tag ?? '';
    const referTo = header(request, 'Refer-To');
    if (call.interactionId === null)
      return respond(connection, request, 403, toTag, {
        reason: 'Only a call of an interaction can be transferred',
      });
    if (side !== 'agent' || !agent || agent.state !== 'confirmed' || agent.agentId === null)
      return respond(connection, request, 403, toTag, {
        reason: 'Only the agent on the call can transfer it',
      });
    if (!referTo) return respond(connection, request, 400, toTag, { reason: 'Refer-To is missing' });
    if (call.relay || call.reconnecting)
      return respond(connection, request, 491, toTag, { reason: 'A media change is under way' });
    if (hasReplaces(referTo)) return attendedTransfer(call, agent, request, referTo);
    const target = transferTarget(call, referTo);
    // A number is not a place the router can send an interaction; the trunk is for agents' own calls.
    if (!target) return respond(connection, request, 404, toTag, { reason: 'Unknown transfer target' });
    const interactionId = call.interactionId;
    try {
      routing.transfer(call.tenantId, interactionId, agent.agentId, target);
    } catch (error) {
      log.info({ err: error, interactionId }, 'SIP REFER refused by the router');
      const status = statusOfError(error);
      return respond(connection, request, status === 486 ? 480 : status, toTag, {
        reason: error instanceof Error ? error.message.slice(0, 80) : 'Refused',
      });
    }
    respond(connection, request, 202, toTag);
    notifyRefer(agent.leg, 100, false);
    notifyRefer(agent.leg, 200, true);
    call.lateOffer = true;
    dropAgent(call);
    log.info({ interactionId, from: agent.agentId, to: target }, 'SIP blind transfer through the router');
  };

  /**
   * Attended transfer (RFC 5589 7): the agent on this call consulted a colleague on a call of their
   * own and now REFERs this call to the colleague with Replaces naming the consultation. The edge is
   * the transferee and the transfer target's UA at once, so no INVITE with Replaces travels: the
   * colleague's leg of the consultation joins this call, the referrer's two legs are hung up, and
   * the media is reconnected with an offerless re-INVITE (RFC 3725 flow I).
   */
  const attendedTransfer = (call: Call, agent: AgentLeg, request: Request, referTo: string) => {
    const connection = agent.leg.connection;
    const toTag = agent.leg.localTag;
    const interactionId = call.interactionId as string;
    const fromAgent = agent.agentId as string;
    const replaces = replacesOf(referTo);
    if (!replaces)
      return respond(connection, request, 400, toTag, { reason: 'Malformed Replaces in Refer-To' });
    // RFC 3891 names the tags from the referrer's side, which JsSIP follows for the calls it placed;
    // either order is looked up so a UA that reads them the other way round is understood too.
    const byTo = dialogs.get(dKey(replaces.callId, replaces.toTag));
    const found = byTo ?? dialogs.get(dKey(replaces.callId, replaces.fromTag));
    const referrerTag = byTo ? replaces.fromTag : replaces.toTag;
    const consult = found?.call;
    if (
      !found ||
      !consult ||
      consult === call ||
      consult.ended ||
      found.side !== 'caller' ||
      consult.caller.remoteTag !== referrerTag ||
      consult.caller.connection !== connection
    ) {
      // The REFER itself is fine; the INVITE with Replaces it asks for would meet no dialog (RFC 3891 3).
      log.info(
        { interactionId, callId: replaces.callId.slice(0, 80) },
        'SIP attended transfer names no dialog',
      );
      respond(connection, request, 202, toTag);
      return notifyRefer(agent.leg, 481, true);
    }
    const target = consult.agent;
    if (!target || target.state !== 'confirmed' || consult.relay || consult.reconnecting)
      return respond(connection, request, 403, toTag, { reason: 'The consultation call is not connected' });
    if (target.agentId === null)
      return respond(connection, request, 403, toTag, {
        reason: 'A call can be handed over to a colleague only, not to an outside number',
      });
    try {
      routing.transfer(call.tenantId, interactionId, fromAgent, { kind: 'agent', agentId: target.agentId });
    } catch (error) {
      log.info({ err: error, interactionId }, 'SIP attended transfer refused by the router');
      const status = statusOfError(error);
      return respond(connection, request, status === 486 ? 480 : status, toTag, {
        reason: error instanceof Error ? error.message.slice(0, 80) : 'Refused',
      });
    }
    // The colleague already talks to the referrer: the offer the transfer made is answered at once.
    safely('accept', call, () => routing.accept(call.tenantId, interactionId, target.agentId as string));
    respond(connection, request, 202, toTag);
    notifyRefer(agent.leg, 100, false);

    dialogs.delete(dKey(consult.caller.callId, consult.caller.localTag));
    dialogs.delete(dKey(target.leg.callId, target.leg.localTag));
    consult.agent = null;
    sendOnLeg(consult.caller, 'BYE', {});
    forget(consult, 'transferred');

    notifyRefer(agent.leg, 200, true);
    dropAgent(call);
    call.agent = { ...target, state: 'confirmed' };
    call.lateOffer = false;
    dialogs.set(dKey(target.leg.callId, target.leg.localTag), { call, side: 'agent' });
    records.agentJoined(call.id, target.agentId);
    const headers: SipHeader[] = [{ name: 'X-Seat-Interaction-Id', value: interactionId }];
    if (call.customerId) headers.push({ name: 'X-Seat-Customer-Id', value: call.customerId });
    reconnectMedia(call, headers);
    log.info(
      { interactionId, from: fromAgent, to: target.agentId, consultCallId: consult.id },
      'SIP attended transfer completed',
    );
  };

  /**
   * Joins the media of the caller and the current agent leg after a change of agent: an offerless
   * re-INVITE to the agent, whose offer goes to the caller in a re-INVITE, whose answer goes back
   * in the agent's ACK. Requests from either side meanwhile get 491.
   */
  const reconnectMedia = (call: Call, headers: SipHeader[]) => {
    const agent = call.agent;
    if (!agent) return;
    call.reconnecting = true;
    sendOnLeg(agent.leg, 'INVITE', { headers }, (agentReply) => {
      if (agentReply.status < 200) return;
      if (agentReply.status >= 300 || !agentReply.body) {
        call.reconnecting = false;
        if (agentReply.status < 300) sendOnLeg(agent.leg, 'ACK', { cseq: agentReply.core.cseq.seq });
        log.warn(
          { callId: call.id, status: agentReply.status },
          'SIP agent gave no offer to reconnect media',
        );
        return;
      }
      const offerType = header(agentReply, 'Content-Type') ?? 'application/sdp';
      sendOnLeg(call.caller, 'INVITE', { body: agentReply.body, contentType: offerType }, (callerReply) => {
        if (callerReply.status < 200) return;
        call.reconnecting = false;
        if (callerReply.status >= 300) {
          log.warn(
            { callId: call.id, status: callerReply.status },
            "SIP caller refused the new agent's media",
          );
          sendOnLeg(agent.leg, 'ACK', { cseq: agentReply.core.cseq.seq });
          return;
        }
        sendOnLeg(call.caller, 'ACK', { cseq: callerReply.core.cseq.seq });
        sendOnLeg(agent.leg, 'ACK', {
          cseq: agentReply.core.cseq.seq,
          body: callerReply.body,
          contentType: header(callerReply, 'Content-Type') ?? 'application/sdp',
        });
      });
    });
  };

  const endFrom = (call: Call, side: Side, reason: EndReason) => {
    const connectedAgent = call.agent?.state === 'confirmed' ? call.agent.agentId : null;
    if (side === 'agent' && call.agent) {
      dialogs.delete(dKey(call.agent.leg.callId, call.agent.leg.localTag));
      call.agent = null;
    }
    hangUp(call, 487, reason);
    const interactionId = call.interactionId;
    if (interactionId === null) return;
    if (connectedAgent)
      safely('end', call, () =>
        routing.end(
          call.tenantId,
          interactionId,
          side === 'caller' ? (call.callerAgentId ?? 'customer') : connectedAgent,
        ),
      );
    else safely('cancel', call, () => routing.cancel(call.tenantId, interactionId, 'customer'));
  };

  /** The caller's leg from its INVITE: the edge answers as UAS with tag `toTag`. */
  const callerLeg = (request: Request, connection: SipConnection, toTag: string): Leg => ({
    connection,
    callId: request.core.callId,
    localTag: toTag,
    remoteTag: request.core.from.tag,
    localUri: `<${uriText(request.core.to.uri)}>`,
    remoteUri: headerValueWithoutTag(header(request, 'From') ?? ''),
    remoteTarget:
      request.core.contact !== '*' && request.core.contact[0]
        ? uriText(request.core.contact[0].uri)
        : uriText(request.core.from.uri),
    routeSet: headerList(request, 'Record-Route'),
    cseq: 1,
  });

  /** Checks a new INVITE: a retransmission gets 100 again, one without SDP 488. Returns the To tag or null. */
  const admit = (request: Request, connection: SipConnection): string | null => {
    const resent = byInviteBranch.get(request.core.via[0]?.branch ?? '');
    if (resent) {
      respond(connection, request, 100, resent.caller.localTag);
      return null;
    }
    const toTag = options.newTag();
    const contentType = (header(request, 'Content-Type') ?? '').toLowerCase();
    if (!request.body || !contentType.startsWith('application/sdp')) {
      respond(connection, request, 488, toTag, { reason: 'An SDP offer is required' });
      return null;
    }
    respond(connection, request, 100, toTag);
    return toTag;
  };

  const track = (call: Call) => {
    all.add(call);
    if (call.interactionId) byInteraction.set(iKey(call.tenantId, call.interactionId), call);
    byInviteBranch.set(call.inviteBranch, call);
    dialogs.set(dKey(call.caller.callId, call.caller.localTag), { call, side: 'caller' });
  };

  return {
    invite(request, connection, tenant, queue, dialing = null) {
      const toTag = admit(request, connection);
      if (toTag === null) return;
      const from = request.core.from;
      const customerId =
        !dialing && from.uri.user ? directory.customerByPhone(tenant.id, from.uri.user) : null;
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
            ...(dialing ? { callerAgentId: dialing.agentId } : {}),
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
      const call: Call = {
        id: `call-${options.newTag()}`,
        tenantId: tenant.id,
        interactionId: interaction.id,
        direction: dialing ? 'internal' : 'inbound',
        callerAgentId: dialing?.agentId ?? null,
        customerId,
        invite: request,
        inviteBranch: request.core.via[0]?.branch ?? '',
        caller: callerLeg(request, connection, toTag),
        callerAnswered: false,
        callerSdp: request.body,
        agent: null,
        lateOffer: false,
        relay: null,
        reconnecting: false,
        ended: false,
      };
      records.started({
        id: call.id,
        tenantId: tenant.id,
        interactionId: interaction.id,
        direction: call.direction,
        from: uriText(from.uri),
        to: uriText(request.core.to.uri),
        customerId,
        callerAgentId: call.callerAgentId,
        queueId: queue.id,
      });
      track(call);
      log.info({ interactionId: interaction.id, queue: queue.id, customerId }, 'SIP call queued');
      if (interaction.state === 'released' || interaction.state === 'callback')
        return hangUp(call, 480, 'released', interaction.releaseReason ?? 'Released');
      if (interaction.state === 'queued')
        queuedProgress(call, interaction.position, interaction.estimatedWaitSeconds);
    },

    dial(request, connection, tenant, dialing, far, direction) {
      const toTag = admit(request, connection);
      if (toTag === null) return;
      const dialled = request.requestUri?.user ?? '';
      const customerId = direction === 'outbound' ? directory.customerByPhone(tenant.id, dialled) : null;
      const call: Call = {
        id: `call-${options.newTag()}`,
        tenantId: tenant.id,
        interactionId: null,
        direction,
        callerAgentId: dialing.agentId,
        customerId,
        invite: request,
        inviteBranch: request.core.via[0]?.branch ?? '',
        caller: callerLeg(request, connection, toTag),
        callerAnswered: false,
        callerSdp: request.body,
        agent: null,
        lateOffer: false,
        relay: null,
        reconnecting: false,
        ended: false,
      };
      records.started({
        id: call.id,
        tenantId: tenant.id,
        interactionId: null,
        direction,
        from: `sip:${dialing.username}@${tenant.slug}`,
        to: far.remoteUri.replace(/^<|>$/g, ''),
        customerId,
        callerAgentId: dialing.agentId,
        queueId: null,
      });
      track(call);
      const headers: SipHeader[] = [{ name: 'X-Seat-Call-Kind', value: direction }];
      if (direction === 'internal') headers.push({ name: 'X-Seat-Caller-Agent-Id', value: dialing.agentId });
      if (customerId) headers.push({ name: 'X-Seat-Customer-Id', value: customerId });
      placeFarLeg(call, far, tenant.slug, headers);
      log.info(
        { callId: call.id, from: dialing.agentId, to: far.remoteUri, direction },
        'SIP agent call placed',
      );
    },

    cancel(request, connection) {
      const call = byInviteBranch.get(request.core.via[0]?.branch ?? '');
      if (!call || call.caller.connection !== connection || call.ended)
        return respond(connection, request, 481, options.newTag());
      respond(connection, request, 200, call.caller.localTag);
      if (call.callerAnswered) return;
      log.info({ interactionId: call.interactionId, callId: call.id }, 'SIP caller cancelled');
      endFrom(call, 'caller', 'cancelled');
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
      if (!found || expected !== connection || found.call.caller.remoteTag === null)
        return respond(connection, request, 481, request.core.to.tag ?? options.newTag());
      const { call, side } = found;
      // The dialog is named by both tags: a right To tag with someone else's From tag is not this dialog.
      const peerTag = side === 'caller' ? call.caller.remoteTag : call.agent?.leg.remoteTag;
      if (request.core.from.tag !== peerTag)
        return respond(connection, request, 481, request.core.to.tag ?? options.newTag());
      const toTag = request.core.to.tag as string;
      switch (request.method) {
        case 'BYE':
          respond(connection, request, 200, toTag);
          log.info({ interactionId: call.interactionId, callId: call.id, side }, 'SIP BYE');
          return endFrom(call, side, side === 'caller' ? 'caller_hangup' : 'agent_hangup');
        case 'INVITE':
        case 'UPDATE':
        case 'INFO':
          if (call.reconnecting) return respond(connection, request, 491, toTag);
          return relay(call, side, request);
        case 'REFER':
          return refer(call, side, request, connection);
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
        return hangUp(call, 480, 'ended_by_router', interaction.releaseReason ?? undefined);
      }
      // Moved away from the connected agent by a transfer made outside SIP (e.g. from the seat).
      if (
        call.agent?.state === 'confirmed' &&
        interaction.agentId !== call.agent.agentId &&
        ['queued', 'offered'].includes(interaction.state) &&
        !call.reconnecting
      ) {
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
      if (call && !call.ended) hangUp(call, 480, 'released', message.slice(0, 100));
    },

    connectionClosed(connection) {
      for (const call of [...all]) {
        if (call.ended) continue;
        if (call.caller.connection === connection) endFrom(call, 'caller', 'connection_lost');
        else if (call.agent?.leg.connection === connection) {
          const agent = call.agent;
          if (agent.state === 'confirmed') {
            endFrom(call, 'agent', 'connection_lost');
            continue;
          }
          call.agent = null;
          dialogs.delete(dKey(agent.leg.callId, agent.leg.localTag));
          if (call.interactionId === null) {
            respondCaller(call, 480, { reason: 'The called party went away' });
            forget(call, 'connection_lost');
          } else {
            const interactionId = call.interactionId;
            safely('reject', call, () =>
              routing.reject(call.tenantId, interactionId, agent.agentId as string),
            );
          }
        }
      }
    },

    count: () => all.size,
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
