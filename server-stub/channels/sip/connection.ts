import type { SipMessage } from './message/sipMessage';

/** One SIP-over-WebSocket connection as the edge sees it: a way to send and its identity. */
export interface SipConnection {
  readonly id: string;
  /** The peer's address, for logs. */
  readonly remote: string;
  isOpen(): boolean;
  send(message: SipMessage): void;
  /** Writes the CRLF pong that answers an RFC 5626 CRLFCRLF ping (4.4.1). */
  sendKeepAlivePong(): void;
  close(code: number, reason: string): void;
}

/** Where the edge writes what it did and what it refused (a pino logger fits). */
export interface SipLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}
