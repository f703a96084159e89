/** Life of one seat socket, as the server tracks it (ws keeps the same three after opening). */
export const SocketState = { OPEN: 'OPEN', CLOSING: 'CLOSING', CLOSED: 'CLOSED' } as const;
export type SocketState = (typeof SocketState)[keyof typeof SocketState];

/** Close codes the seat can act on: reconnect after 1001, sign in again after 4401. */
export const CloseCode = {
  /** The server is shutting down; reconnect later. */
  GOING_AWAY: 1001,
  /** A frame exceeded maxFrameBytes (sent by ws itself). */
  MESSAGE_TOO_BIG: 1009,
  /** The session was signed out or expired; sign in again. */
  SESSION_ENDED: 4401,
} as const;
