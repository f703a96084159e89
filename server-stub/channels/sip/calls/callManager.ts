import { createHash } from 'node:crypto';
import type { Interaction } from '@contract/routing';
import type { SipConnection, SipLog } from '../connection';
import type { SipDirectory } from '../directory';
import { buildResponse, uriText } from '../message/serialize';
import { header, headerList, headerValues, type SipHeader, type SipRequest } from '../message/sipMessage';
import type { CallRecordStore } from '../records/callRecordStore';
import type { Registrar } from '../registrar/registrar';
import {
  allowed,
  headerValueWithoutTag,
  refusal,
  statusOfError,
  type AgentLeg,
  type Call,
  type CallRouting,
  type DialingAgent,
  type EndReason,
  type FarEnd,
  type Relay,
  type Request,
  type Response,
  type Side,
} from './callTypes';
import { legRequest, type EdgeIdentity, type Leg } from './leg';
import type { ClientTransactions } from './transactions';
import { trunkAddress, type SipTrunk } from '../trunk';
import { createTransfers } from './transfers';

export { allowed, refusal, type CallRouting, type DialingAgent, type FarEnd } from './callTypes';

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
  /** The outbound trunk, for calls transferred to a number. */
  trunk?: SipTrunk | null;
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
  /** True when `request` retransmits an INVITE the edge is already handling (same branch). */
  isPending(request: Request): boolean;
  /** Calls in progress that `connection` placed (as the caller). */
  placedBy(connection: SipConnection): number;
}

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
  /** Logs a request the calls refuse, with why: every refusal leaves a line to trace it by. */
  const refused = (
    request: SipRequest & { core: Request['core'] },
    connection: SipConnection,
    status: number,
    why: string,
  ) =>
    log.info(
      {
        method: request.method.slice(0, 40),
        status,
        callId: request.core.callId.slice(0, 80),
        remote: connection.remote,
      },
      `SIP request refused: ${why}`,
    );
  const safely = (what: string, call: Call, action: () => void) => {
    try {
      action();
    } catch (error) {
      log.warn({ err: error, interactionId: call.interactionId }, `SIP call: ${what} refused by the router`);
    }
  };

  /**
   * An offer that fell through (declined, no softphone, timed out, socket gone) puts the call back
   * in the queue; the caller hears so at once (182 with position) instead of waiting for the next
   * announcement with its page still saying "connecting" or "ringing".
   */
  const backInQueue = (call: Call) => {
    const interactionId = call.interactionId;
    if (call.ended || call.callerAnswered || call.agent || interactionId === null) return;
    let interaction: Interaction;
    try {
      interaction = routing.get(call.tenantId, interactionId);
    } catch {
      return;
    }
    if (interaction.state === 'queued')
      queuedProgress(call, interaction.position, interaction.estimatedWaitSeconds);
  };

  const forget = (call: Call, reason: EndReason) => {
    if (!call.ended) records.ended(call.id, reason);
    call.ended = true;
    all.delete(call);
    if (call.interactionId) byInteraction.delete(iKey(call.tenantId, call.interactionId));
    byInviteBranch.delete(call.inviteBranch);
    dialogs.delete(dKey(call.caller.callId, call.caller.localTag));
    if (call.agent) dialogs.delete(dKey(call.agent.leg.callId, call.agent.leg.localTag));
    // The call is over for everyone on it: the router may offer them work again.
    for (const agentId of call.ownCalls.splice(0)) endOwnCall(call.tenantId, call.id, agentId);
  };

  const endOwnCall = (tenantId: string, callId: string, agentId: string) => {
    try {
      routing.agentCall(tenantId, agentId, callId, 'end');
    } catch (error) {
      log.warn({ err: error, callId, agentId }, 'SIP call: the end of an own call refused by the router');
    }
  };

  /**
   * Tells the router an agent is on a call that is not an interaction of theirs (placed from the
   * softphone, or a colleague's answered), so it offers them nothing meanwhile; false if refused.
   */
  const startOwnCall = (tenantId: string, callId: string, agentId: string): boolean => {
    try {
      routing.agentCall(tenantId, agentId, callId, 'start');
      return true;
    } catch (error) {
      log.warn({ err: error, callId, agentId }, 'SIP call: an own call refused by the router');
      return false;
    }
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
      return backInQueue(call);
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
      remoteCseq: null,
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
        // A caller already answered (a call transferred out) is hung up instead.
        if (call.callerAnswered) sendOnLeg(call.caller, 'BYE', {});
        else
          respondCaller(call, response.status === 408 ? 480 : response.status, { reason: response.reason });
        return forget(call, 'rejected');
      }
      // A 487 answers our own CANCEL: the router already knows (it revoked the offer).
      log.info(
        { interactionId, agentId: agent.agentId, status: response.status },
        'SIP agent declined the call: the router re-queues it',
      );
      safely('reject', call, () => routing.reject(call.tenantId, interactionId, agent.agentId as string));
      return backInQueue(call);
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
    // A colleague who answers a direct call is on it as a call of their own until it ends.
    if (interactionId === null && agent.agentId && startOwnCall(call.tenantId, call.id, agent.agentId))
      call.ownCalls.push(agent.agentId);
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
    if (!far) {
      refused(request, originConnection(call, from), 488, `nobody to relay a ${request.method} to`);
      return respond(originConnection(call, from), request, 488, toTag, {
        reason: 'No one to relay to right now',
      });
    }
    if (call.relay || call.reconnecting) {
      refused(request, originConnection(call, from), 491, 'another media change is pending');
      return respond(originConnection(call, from), request, 491, toTag);
    }
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
  /**
   * Takes a call out of the router (it was transferred to a number): the interaction is over for
   * the centre, the call goes on as a direct one and hangs up by SIP alone.
   */
  const detach = (call: Call) => {
    if (call.interactionId) byInteraction.delete(iKey(call.tenantId, call.interactionId));
    call.interactionId = null;
  };

  /** Places the far leg of `call` to `number` through the trunk; false when there is no trunk to use. */
  const dialOut = (call: Call, number: string): boolean => {
    const connection = options.trunk?.connection();
    if (!options.trunk || !connection) return false;
    const address = trunkAddress(options.trunk.domain, number);
    const domain = directory.tenantByHost(call.invite.core.to.uri.host)?.slug ?? call.invite.core.to.uri.host;
    placeFarLeg(call, { connection, target: address, remoteUri: `<${address}>`, agentId: null }, domain, [
      { name: 'X-Seat-Call-Kind', value: 'outbound' },
    ]);
    return true;
  };

  const { refer } = createTransfers({
    host: edge.host,
    trunk: () => (options.trunk ? (options.trunk.connection() ? 'up' : 'down') : 'none'),
    detach,
    dialOut,
    routing,
    directory,
    log,
    records,
    dialogs,
    dKey,
    respond,
    sendOnLeg,
    dropAgent,
    forget,
    safely,
  });

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
    remoteCseq: request.core.cseq.seq,
  });

  /** Checks a new INVITE: a retransmission gets 100 again, one without SDP 488. Returns the To tag or null. */
  const admit = (request: Request, connection: SipConnection): string | null => {
    const resent = byInviteBranch.get(request.core.via[0]?.branch ?? '');
    if (resent) {
      respond(connection, request, 100, resent.caller.localTag);
      return null;
    }
    const toTag = options.newTag();
    const refuse = (status: number, why: string, extra: { headers?: SipHeader[]; reason?: string }) => {
      refused(request, connection, status, why);
      respond(connection, request, status, toTag, extra);
      return null;
    };
    const contentType = (header(request, 'Content-Type') ?? '').toLowerCase();
    // RFC 3261 8.2.3: a body of a type the edge cannot read is 415 with what it accepts (RFC 4475 invut).
    if (request.body && !contentType.startsWith('application/sdp'))
      return refuse(415, `body of type ${contentType.slice(0, 60) || 'unknown'}`, {
        headers: [{ name: 'Accept', value: 'application/sdp' }],
      });
    if (!request.body) return refuse(488, 'no SDP offer', { reason: 'An SDP offer is required' });
    // RFC 3261 20.1: an Accept without application/sdp forbids the SDP answer every call needs
    // (RFC 4475 sdp01): 406 with a Warning. No Accept at all means application/sdp.
    const accepts = headerValues(request, 'Accept');
    const acceptable = headerList(request, 'Accept').map((t) => (t.split(';')[0] ?? '').trim().toLowerCase());
    if (
      accepts.length > 0 &&
      !acceptable.some((t) => ['application/sdp', 'application/*', '*/*'].includes(t))
    )
      return refuse(406, 'Accept excludes application/sdp', {
        headers: refusal(edge.host, 'The answer to an INVITE is application/sdp, which Accept excludes'),
      });
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
      // An agent calling a queue is on that call from now: started before the arrival routes, so
      // the router cannot offer the agent's own call back to them.
      const id = `call-${options.newTag()}`;
      const ownCalls = dialing && startOwnCall(tenant.id, id, dialing.agentId) ? [dialing.agentId] : [];
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
        for (const agentId of ownCalls) endOwnCall(tenant.id, id, agentId);
        return respond(connection, request, statusOfError(error), toTag);
      }
      const call: Call = {
        id,
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
        ownCalls,
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
        ownCalls: [],
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
      // The calling agent is on this call from the first ring: the router offers them nothing meanwhile.
      if (startOwnCall(tenant.id, call.id, dialing.agentId)) call.ownCalls.push(dialing.agentId);
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
      if (!call || call.caller.connection !== connection || call.ended) {
        refused(request, connection, 481, 'CANCEL matches no INVITE in progress');
        return respond(connection, request, 481, options.newTag());
      }
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
      if (!found || expected !== connection || found.call.caller.remoteTag === null) {
        refused(request, connection, 481, found ? 'dialog of another connection' : 'no such dialog');
        return respond(connection, request, 481, request.core.to.tag ?? options.newTag());
      }
      const { call, side } = found;
      // The dialog is named by both tags: a right To tag with someone else's From tag is not this dialog.
      const peerTag = side === 'caller' ? call.caller.remoteTag : call.agent?.leg.remoteTag;
      if (request.core.from.tag !== peerTag) {
        refused(request, connection, 481, 'From tag does not match the dialog');
        return respond(connection, request, 481, request.core.to.tag ?? options.newTag());
      }
      const toTag = request.core.to.tag as string;
      // Requests of a dialog come in CSeq order; an older one is refused (RFC 3261 12.2.2).
      const leg = side === 'caller' ? call.caller : call.agent?.leg;
      if (leg) {
        if (leg.remoteCseq !== null && request.core.cseq.seq <= leg.remoteCseq) {
          refused(request, connection, 500, 'CSeq out of order');
          return respond(connection, request, 500, toTag, { reason: 'CSeq out of order' });
        }
        leg.remoteCseq = request.core.cseq.seq;
      }
      switch (request.method) {
        case 'BYE':
          respond(connection, request, 200, toTag);
          log.info({ interactionId: call.interactionId, callId: call.id, side }, 'SIP BYE');
          return endFrom(
            call,
            side,
            side === 'caller' ? 'caller_hangup' : call.agent?.agentId ? 'agent_hangup' : 'far_end_hangup',
          );
        case 'INVITE':
        case 'UPDATE':
        case 'INFO':
          if (call.reconnecting) {
            refused(request, connection, 491, 'the edge is reconnecting media');
            return respond(connection, request, 491, toTag);
          }
          return relay(call, side, request);
        case 'REFER':
          return refer(call, side, request, connection);
        case 'OPTIONS':
          return respond(connection, request, 200, toTag, { headers: [{ name: 'Allow', value: allowed }] });
        case 'NOTIFY':
          // The edge subscribes to nothing, so no NOTIFY can match a subscription (RFC 6665 4.1.3).
          refused(request, connection, 481, 'NOTIFY for no subscription');
          return respond(connection, request, 481, toTag, { reason: 'No such subscription' });
        default:
          refused(request, connection, 405, `${request.method.slice(0, 40)} in a dialog is not served`);
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
      if (!call) return;
      if (call.agent && call.agent.agentId === agentId && call.agent.state === 'calling') dropAgent(call);
      backInQueue(call);
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
            backInQueue(call);
          }
        }
      }
    },

    count: () => all.size,
    isPending: (request) => byInviteBranch.has(request.core.via[0]?.branch ?? ''),
    placedBy: (connection) => [...all].filter((c) => c.caller.connection === connection && !c.ended).length,
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
