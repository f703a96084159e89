import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { parseSipMessage, type ParsedMessage } from '../message/parse';
import { header } from '../message/sipMessage';

/** A SIP-over-WebSocket client for tests: writes requests, keeps every message it gets; waits are bounded. */
export interface SipTestClient {
  socket: WebSocket;
  received: ParsedMessage[];
  /** Frames of CRLFs only (RFC 5626 keep-alive pongs), kept apart from SIP messages. */
  keepAlives: string[];
  /** Sends raw text as one frame. */
  sendRaw(text: string): void;
  /** Resolves with (and removes) the first message matching, or fails after `ms`. */
  next(match: (m: ParsedMessage) => boolean, ms?: number): Promise<ParsedMessage>;
  close(): Promise<void>;
}

/**
 * Opens a client on `url` (ws://host:port/sip) with the `sip` subprotocol. With `autoPong: false`
 * it leaves the server's WebSocket pings unanswered, as a peer that is gone would.
 */
export async function connectSip(url: string, options: { autoPong?: boolean } = {}): Promise<SipTestClient> {
  const socket = new WebSocket(url, 'sip', { autoPong: options.autoPong ?? true });
  const received: ParsedMessage[] = [];
  const keepAlives: string[] = [];
  socket.on('message', (data) => {
    if (/^(\r\n)+$/.test(String(data))) return void keepAlives.push(String(data));
    const parsed = parseSipMessage(String(data));
    if (!parsed.ok) throw new Error(`server sent a malformed SIP message: ${parsed.reason}\n${String(data)}`);
    received.push(parsed.message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    received,
    keepAlives,
    sendRaw: (text) => socket.send(text),
    async next(match, ms = 5000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = received.find(match);
        if (found) {
          received.splice(received.indexOf(found), 1);
          return found;
        }
        if (Date.now() > deadline)
          throw new Error(
            `no matching SIP message; got ${received.map((m) => (m.kind === 'request' ? m.method : `${m.status} ${m.core.cseq.method}`)).join(', ')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

/** Builds request text with the usual headers; `extra` lines go before the body. */
export function sipRequest(
  method: string,
  uri: string,
  o: {
    from: string;
    to: string;
    callId: string;
    cseq: number;
    branch?: string;
    extra?: string[];
    body?: string;
    contentType?: string;
  },
): string {
  const body = o.body ?? '';
  const lines = [
    `${method} ${uri} SIP/2.0`,
    `Via: SIP/2.0/WSS client.invalid;branch=${o.branch ?? `z9hG4bK${randomBytes(6).toString('hex')}`}`,
    'Max-Forwards: 70',
    `From: ${o.from}`,
    `To: ${o.to}`,
    `Call-ID: ${o.callId}`,
    `CSeq: ${o.cseq} ${method}`,
    ...(o.extra ?? []),
  ];
  if (body) lines.push(`Content-Type: ${o.contentType ?? 'application/sdp'}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Writes the response to a received request, copying what RFC 3261 8.2.6 copies. */
export function sipResponse(
  request: ParsedMessage,
  status: number,
  reason: string,
  o: { toTag?: string; extra?: string[]; body?: string } = {},
): string {
  const to = header(request, 'To') ?? '';
  const lines = [
    `SIP/2.0 ${status} ${reason}`,
    ...request.headers.filter((h) => h.name === 'Via').map((h) => `Via: ${h.value}`),
    `From: ${header(request, 'From')}`,
    `To: ${o.toTag && !/;tag=/.test(to) ? `${to};tag=${o.toTag}` : to}`,
    `Call-ID: ${request.core.callId}`,
    `CSeq: ${header(request, 'CSeq')}`,
    ...(o.extra ?? []),
  ];
  const body = o.body ?? '';
  if (body) lines.push('Content-Type: application/sdp');
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** The Authorization value answering a 401 challenge with MD5 and qop=auth, as JsSIP computes it. */
export function digestAuthorization(
  challenge: string,
  o: { username: string; password: string; method: string; uri: string; nc?: number },
): string {
  const param = (name: string) => new RegExp(`${name}="?([^",]+)"?`).exec(challenge)?.[1] ?? '';
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const realm = param('realm');
  const nonce = param('nonce');
  const cnonce = randomBytes(8).toString('hex');
  const nc = (o.nc ?? 1).toString(16).padStart(8, '0');
  const ha1 = md5(`${o.username}:${realm}:${o.password}`);
  const ha2 = md5(`${o.method}:${o.uri}`);
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
  return `Digest username="${o.username}", realm="${realm}", nonce="${nonce}", uri="${o.uri}", response="${response}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}"`;
}
