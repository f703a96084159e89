import {
  header,
  headerValues,
  type SipHeader,
  type SipMessage,
  type SipRequest,
  type SipResponse,
  type SipUri,
} from './sipMessage';

// Writes messages for the wire, and builds responses the way RFC 3261 8.2.6 asks: Via, From,
// Call-ID and CSeq copied, To copied with a tag added for anything but 100. Content-Length is
// always computed here (in octets), never trusted from a caller.

/** Reason phrases of the codes the edge sends. */
export const reasonPhrases: Record<number, string> = {
  100: 'Trying',
  180: 'Ringing',
  182: 'Queued',
  183: 'Session Progress',
  200: 'OK',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  415: 'Unsupported Media Type',
  416: 'Unsupported URI Scheme',
  420: 'Bad Extension',
  423: 'Interval Too Brief',
  480: 'Temporarily Unavailable',
  481: 'Call/Transaction Does Not Exist',
  482: 'Loop Detected',
  483: 'Too Many Hops',
  486: 'Busy Here',
  487: 'Request Terminated',
  488: 'Not Acceptable Here',
  491: 'Request Pending',
  500: 'Server Internal Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  505: 'Version Not Supported',
  603: 'Decline',
};

/** Writes one message as the text of one WebSocket frame. */
export function serializeSipMessage(message: SipMessage): string {
  // Values may carry text from the other party (display names, reason phrases): a line break in
  // them would forge headers, so they are flattened to one line.
  const flat = (text: string) => text.replace(/[\r\n]+/g, ' ');
  const start =
    message.kind === 'request'
      ? `${message.method} ${flat(message.uri)} SIP/2.0`
      : `SIP/2.0 ${message.status} ${flat(message.reason)}`;
  const lines = [start];
  for (const h of message.headers)
    if (h.name.toLowerCase() !== 'content-length') lines.push(`${h.name}: ${flat(h.value)}`);
  lines.push(`Content-Length: ${Buffer.byteLength(message.body, 'utf8')}`);
  return `${lines.join('\r\n')}\r\n\r\n${message.body}`;
}

/** What a response adds to the copied headers. */
export interface ResponseOptions {
  reason?: string;
  /** Added to To when the request's To has none (every final and non-100 provisional response needs one). */
  toTag?: string;
  headers?: SipHeader[];
  body?: string;
}

/** Builds a response to `request` (only its Via/From/To/Call-ID/CSeq lines are read). */
export function buildResponse(
  request: Pick<SipRequest, 'headers'>,
  status: number,
  options: ResponseOptions = {},
): SipResponse {
  const headers: SipHeader[] = [];
  for (const value of headerValues(request, 'Via')) headers.push({ name: 'Via', value });
  const from = header(request, 'From');
  if (from !== null) headers.push({ name: 'From', value: from });
  const to = header(request, 'To');
  if (to !== null) {
    // A tag is looked for outside quoted display names; `;tag=` inside quotes is not a tag.
    const hasTag = /;\s*tag\s*=/i.test(to.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
    headers.push({
      name: 'To',
      value: status > 100 && options.toTag && !hasTag ? `${to};tag=${options.toTag}` : to,
    });
  }
  const callId = header(request, 'Call-ID');
  if (callId !== null) headers.push({ name: 'Call-ID', value: callId });
  const cseq = header(request, 'CSeq');
  if (cseq !== null) headers.push({ name: 'CSeq', value: cseq });
  headers.push(...(options.headers ?? []));
  return {
    kind: 'response',
    status,
    reason: options.reason ?? reasonPhrases[status] ?? 'Unknown',
    headers,
    body: options.body ?? '',
  };
}

/**
 * The grammar hands the user part back unescaped (`+44%20207` becomes `+44 207`); writing it back
 * escapes every character RFC 3261 25.1 does not allow there, so the URI parses again.
 */
function escapeUser(user: string): string {
  return user.replace(/[^A-Za-z0-9\-_.!~*'()&=+$,;?/]/g, (ch) =>
    [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Writes a parsed URI back as text, with its URI parameters (header parameters are not part of it). */
export function uriText(uri: SipUri): string {
  const params = Object.entries(uri.params)
    .map(([k, v]) => (v === null ? `;${k}` : `;${k}=${v}`))
    .join('');
  return `${uri.scheme}:${uri.user ? `${escapeUser(uri.user)}@` : ''}${uri.host}${uri.port ? `:${uri.port}` : ''}${params}`;
}

/** The headers part of a URI as it came (`?Route=%3Csip:x%3E`), or '' when it has none. */
export function uriHeadersText(uri: SipUri): string {
  const pairs = Object.entries(uri.headers ?? {}).flatMap(([name, values]) =>
    values.map((v) => `${name}=${v}`),
  );
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
