import type { TransferTarget } from '@contract/routing';
import type { SipConnection, SipLog } from '../connection';
import type { SipDirectory } from '../directory';
import { parseNameAddr } from '../message/parse';
import { reasonPhrases } from '../message/serialize';
import { header, type SipHeader } from '../message/sipMessage';
import type { CallRecordStore } from '../records/callRecordStore';
import {
  statusOfError,
  type AgentLeg,
  type Call,
  type CallRouting,
  type EndReason,
  type Request,
  type Response,
  type Side,
} from './callTypes';
import type { Leg, legRequest } from './leg';
import { hasReplaces, replacesOf } from './replaces';
import { dialledNumber } from './dialTarget';
import { refusal } from './callTypes';

// Transfers of a call that is an interaction: blind (REFER to a queue or an agent, through the
// router) and attended (REFER with Replaces naming the referrer's consultation call), each with
// NOTIFY progress to the referrer, and the media reconnection a change of agent needs.

/** What the transfers use of the call manager. */
export interface TransferContext {
  /** Whether a number can be reached: no trunk configured, configured but not connected, or up. */
  trunk(): 'none' | 'down' | 'up';
  /** Ends the call's tie to its interaction; the call continues as a direct one. */
  detach(call: Call): void;
  /** Places the far leg to a number through the trunk (offerless when the caller is connected). */
  dialOut(call: Call, number: string): boolean;
  routing: CallRouting;
  directory: SipDirectory;
  log: SipLog;
  records: CallRecordStore;
  dialogs: Map<string, { call: Call; side: Side }>;
  dKey(callId: string, localTag: string): string;
  respond(
    connection: SipConnection,
    request: Request,
    status: number,
    toTag: string,
    extra?: { headers?: SipHeader[]; body?: string; reason?: string },
  ): void;
  sendOnLeg(
    leg: Leg,
    method: string,
    opts: Parameters<typeof legRequest>[3],
    onResponse?: (r: Response) => void,
  ): void;
  dropAgent(call: Call): void;
  forget(call: Call, reason: EndReason): void;
  /** The edge's host, for Warning headers. */
  host: string;
  safely(what: string, call: Call, action: () => void): void;
}

/** Builds the REFER handler. */
export function createTransfers(ctx: TransferContext): {
  refer(call: Call, side: Side, request: Request, connection: SipConnection): void;
} {
  const { routing, directory, log, records, dialogs, dKey, respond, sendOnLeg, dropAgent, forget, safely } =
    ctx;

  /** Refuses a REFER and logs why: the reason phrase the referrer sees, with the status. */
  const refuse = (
    connection: SipConnection,
    request: Request,
    status: number,
    toTag: string,
    extra: { reason: string; headers?: SipHeader[] },
  ) => {
    log.info(
      { status, callId: request.core.callId.slice(0, 80), remote: connection.remote },
      `SIP REFER refused: ${extra.reason}`,
    );
    respond(connection, request, status, toTag, extra);
  };

  const transferTarget = (call: Call, referTo: string): TransferTarget | null => {
    const target = parseNameAddr(referTo, 'Refer_To');
    if (!target?.uri.user || (target.uri.scheme !== 'sip' && target.uri.scheme !== 'sips')) return null;
    const queue = directory.queueByUser(call.tenantId, target.uri.user);
    if (queue) return { kind: 'queue', queueId: queue.id };
    const account = directory.account(call.tenantId, target.uri.user);
    if (account?.agentId) return { kind: 'agent', agentId: account.agentId };
    return null;
  };

  /** The number a Refer-To names (`sip:+4420…@demo`, `tel:+4420…`), or null. */
  const numberOf = (referTo: string): string | null => {
    const target = parseNameAddr(referTo, 'Refer_To');
    if (target?.uri.user && (target.uri.scheme === 'sip' || target.uri.scheme === 'sips'))
      return dialledNumber(target.uri.user);
    const tel = /^<?tel:([^;>]+)/i.exec(referTo.trim());
    return tel ? dialledNumber(tel[1] as string) : null;
  };

  /** Refuses a transfer to a number when no trunk can take it; true when it was refused. */
  const noTrunk = (connection: SipConnection, request: Request, toTag: string): boolean => {
    const trunk = ctx.trunk();
    if (trunk === 'up') return false;
    const text =
      trunk === 'none'
        ? 'No outbound trunk is configured for numbers'
        : 'The outbound trunk is not connected';
    refuse(connection, request, trunk === 'none' ? 404 : 503, toTag, {
      reason: text,
      headers: refusal(ctx.host, text),
    });
    return true;
  };

  /**
   * Blind transfer to a number: the interaction ends for the agent (wrap-up follows as after any
   * call) and the customer is connected through the trunk; the call is then no longer the router's.
   */
  const transferOut = (call: Call, agent: AgentLeg, request: Request, number: string) => {
    const connection = agent.leg.connection;
    const toTag = agent.leg.localTag;
    const interactionId = call.interactionId as string;
    if (noTrunk(connection, request, toTag)) return;
    try {
      routing.end(call.tenantId, interactionId, agent.agentId as string);
    } catch (error) {
      log.info({ err: error, interactionId }, 'SIP transfer to a number refused by the router');
      return respond(connection, request, statusOfError(error), toTag);
    }
    respond(connection, request, 202, toTag);
    notifyRefer(agent.leg, 100, false);
    notifyRefer(agent.leg, 200, true);
    dropAgent(call);
    ctx.detach(call);
    call.lateOffer = true;
    ctx.dialOut(call, number);
    log.info(
      { interactionId, from: agent.agentId, number },
      'SIP blind transfer to a number through the trunk',
    );
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
      return refuse(connection, request, 403, toTag, {
        reason: 'Only a call of an interaction can be transferred',
      });
    if (side !== 'agent' || !agent || agent.state !== 'confirmed' || agent.agentId === null)
      return refuse(connection, request, 403, toTag, {
        reason: 'Only the agent on the call can transfer it',
      });
    if (!referTo) return refuse(connection, request, 400, toTag, { reason: 'Refer-To is missing' });
    if (call.relay || call.reconnecting)
      return refuse(connection, request, 491, toTag, { reason: 'A media change is under way' });
    if (hasReplaces(referTo)) return attendedTransfer(call, agent, request, referTo);
    const target = transferTarget(call, referTo);
    const number = target ? null : numberOf(referTo);
    if (number) return transferOut(call, agent, request, number);
    if (!target) return refuse(connection, request, 404, toTag, { reason: 'Unknown transfer target' });
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
      return refuse(connection, request, 400, toTag, { reason: 'Malformed Replaces in Refer-To' });
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
      return refuse(connection, request, 403, toTag, { reason: 'The consultation call is not connected' });
    const colleague = target.agentId;
    try {
      // To a colleague the interaction moves; to an outside party (consulted through the trunk) it ends.
      if (colleague)
        // The colleague is on the consultation this REFER names, so whether they are ready is moot;
        // that call becomes the customer's, so it no longer counts as one of the colleague's own.
        routing.transfer(
          call.tenantId,
          interactionId,
          fromAgent,
          { kind: 'agent', agentId: colleague },
          { consulted: true, callId: consult.id },
        );
      else routing.end(call.tenantId, interactionId, fromAgent);
    } catch (error) {
      log.info({ err: error, interactionId }, 'SIP attended transfer refused by the router');
      const status = statusOfError(error);
      return respond(connection, request, status === 486 ? 480 : status, toTag, {
        reason: error instanceof Error ? error.message.slice(0, 80) : 'Refused',
      });
    }
    // The colleague already talks to the referrer: the offer the transfer made is answered at once.
    if (colleague) {
      safely('accept', call, () => routing.accept(call.tenantId, interactionId, colleague));
      consult.ownCalls = consult.ownCalls.filter((agentId) => agentId !== colleague);
    } else ctx.detach(call);
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
    const headers: SipHeader[] = [];
    if (colleague) {
      records.agentJoined(call.id, colleague);
      headers.push({ name: 'X-Seat-Interaction-Id', value: interactionId });
      if (call.customerId) headers.push({ name: 'X-Seat-Customer-Id', value: call.customerId });
    }
    reconnectMedia(call, headers);
    log.info(
      { interactionId, from: fromAgent, to: colleague ?? 'trunk', consultCallId: consult.id },
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

  return { refer };
}
