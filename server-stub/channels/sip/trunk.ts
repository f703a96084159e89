import WebSocket from 'ws';
import type { SipConnection, SipLog } from './connection';
import { serializeSipMessage } from './message/serialize';

// The outbound trunk: one SIP-over-WebSocket client connection from the edge to a gateway or PBX
// (Asterisk, FreeSWITCH, Kamailio all speak RFC 7118), over which numbers agents dial leave the
// centre. Requests and responses on it are handled by the edge exactly like those of a softphone;
// it reconnects with a back-off while the server runs.

/** What the edge needs of a trunk. */
export interface SipTrunk {
  /** The host written in Request-URIs to the trunk (`sip:<number>@<domain>`). */
  domain: string;
  /** The open connection, or null while it is (re)connecting. */
  connection(): SipConnection | null;
}

/** The Request-URI of a number at the trunk: `sip:+442079460000@gw.example` (the user part escaped). */
export function trunkAddress(domain: string, number: string): string {
  return `sip:${encodeURIComponent(number).replace(/%2B/g, '+')}@${domain}`;
}

/** Trunk settings, as the server options give them. */
export interface SipTrunkOptions {
  /** ws:// or wss:// URL of the gateway's SIP WebSocket. */
  url: string;
  domain: string;
  log: SipLog;
  generateId: () => string;
  /** Every frame the gateway sends (the edge's receive). */
  onFrame(connection: SipConnection, frame: string): void;
  /** The connection closed (the edge ends its calls). */
  onClose(connection: SipConnection): void;
  /** First retry delay; doubles up to 30 s. */
  retryMs?: number;
}

/** Connects the trunk; returns it with the disposer that closes it for good. */
export function connectSipTrunk(options: SipTrunkOptions): SipTrunk & { dispose(): void } {
  let current: SipConnection | null = null;
  let socket: WebSocket | null = null;
  let stopped = false;
  let delay = options.retryMs ?? 1000;
  let retry: NodeJS.Timeout | null = null;

  const open = () => {
    if (stopped) return;
    const ws = new WebSocket(options.url, 'sip');
    socket = ws;
    const connection: SipConnection = {
      id: `trunk-${options.generateId()}`,
      remote: options.url,
      isOpen: () => ws.readyState === WebSocket.OPEN,
      send: (message) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(serializeSipMessage(message));
      },
      sendKeepAlivePong: () => {
        if (ws.readyState === WebSocket.OPEN) ws.send('\r\n');
      },
      close: (code, reason) => ws.close(code, reason),
    };
    ws.on('open', () => {
      current = connection;
      delay = options.retryMs ?? 1000;
      options.log.info({ url: options.url }, 'SIP trunk connected');
    });
    ws.on('message', (data) => options.onFrame(connection, String(data)));
    ws.on('error', (error) => options.log.warn({ err: error, url: options.url }, 'SIP trunk socket error'));
    ws.on('close', () => {
      const wasOpen = current === connection;
      if (wasOpen) current = null;
      if (wasOpen) options.onClose(connection);
      if (stopped) return;
      retry = setTimeout(open, delay);
      retry.unref();
      delay = Math.min(delay * 2, 30_000);
    });
  };
  open();

  return {
    domain: options.domain,
    connection: () => (current?.isOpen() ? current : null),
    dispose() {
      stopped = true;
      if (retry) clearTimeout(retry);
      socket?.close(1001, 'server shutting down');
    },
  };
}
