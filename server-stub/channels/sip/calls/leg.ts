import type { SipConnection } from '../connection';
import type { SipHeader, SipRequest } from '../message/sipMessage';

// One dialog of the B2BUA: the edge is one end, a caller or an agent is the other. Everything
// needed to write the next in-dialog request (RFC 3261 12.2.1.1) lives here.

/** One side of a bridged call. */
export interface Leg {
  connection: SipConnection;
  callId: string;
  localTag: string;
  remoteTag: string | null;
  /** Our address in From (as UAC) or To (as UAS), without tag. */
  localUri: string;
  /** The peer's address, without tag. */
  remoteUri: string;
  /** Request-URI of requests to the peer: its Contact. */
  remoteTarget: string;
  /** Route set, in the order requests carry it. */
  routeSet: string[];
  /** The next CSeq number the edge uses on this leg. */
  cseq: number;
  /** The highest CSeq number the peer used on this leg (RFC 3261 12.2.2: a lower one is refused). */
  remoteCseq: number | null;
}

/** How the edge names itself in Via and Contact. */
export interface EdgeIdentity {
  host: string;
  contact: string;
  newBranch(): string;
}

/** Writes a request on a leg; `cseq` overrides the counter (ACK and CANCEL reuse the INVITE's). */
export function legRequest(
  leg: Leg,
  edge: EdgeIdentity,
  method: string,
  options: {
    headers?: SipHeader[];
    body?: string;
    contentType?: string | null;
    cseq?: number;
    branch?: string;
  } = {},
): { request: SipRequest; branch: string } {
  const branch = options.branch ?? edge.newBranch();
  const cseq = options.cseq ?? leg.cseq++;
  const headers: SipHeader[] = [
    { name: 'Via', value: `SIP/2.0/WSS ${edge.host};branch=${branch}` },
    { name: 'Max-Forwards', value: '70' },
    ...leg.routeSet.map((value) => ({ name: 'Route', value })),
    { name: 'From', value: `${leg.localUri};tag=${leg.localTag}` },
    { name: 'To', value: leg.remoteTag ? `${leg.remoteUri};tag=${leg.remoteTag}` : leg.remoteUri },
    { name: 'Call-ID', value: leg.callId },
    { name: 'CSeq', value: `${cseq} ${method}` },
  ];
  if (method !== 'ACK' && method !== 'CANCEL') headers.push({ name: 'Contact', value: `<${edge.contact}>` });
  headers.push(...(options.headers ?? []));
  const body = options.body ?? '';
  if (body && options.contentType) headers.push({ name: 'Content-Type', value: options.contentType });
  return { request: { kind: 'request', method, uri: leg.remoteTarget, headers, body }, branch };
}
