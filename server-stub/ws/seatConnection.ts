import type { ServerMessage } from '@contract/ws';
import type { WebSocket } from 'ws';
import type { AuthContext } from '../auth/authService';
import { SocketState } from './socketStates';

/** One open seat socket: who holds it, its state, and the only ways to write to it. */
export interface SeatConnection {
  readonly id: string;
  readonly auth: AuthContext;
  readonly state: SocketState;
  send(message: ServerMessage): void;
  close(code: number, reason: string): void;
  /** Drops the socket without a close handshake. */
  terminate(): void;
  /** Settles once the socket is closed, however it ended. */
  readonly closed: Promise<void>;
  /** Heartbeat step: terminates a socket that missed the last ping, else pings again. Returns whether it lives. */
  heartbeat(): boolean;
  /** Runs frame handlers one after another so replies keep the order of requests. */
  enqueue(task: () => Promise<void>): void;
}

/** What the owner of a connection hears about it. */
export interface SeatConnectionHooks {
  /** Runs once when the socket is gone, however it ended. */
  onClosed(): void;
  /** A queued task failed; the queue goes on with the next one. */
  onTaskError(error: unknown): void;
}

/** Wraps a ws socket. */
export function createSeatConnection(
  socket: WebSocket,
  auth: AuthContext,
  id: string,
  hooks: SeatConnectionHooks,
): SeatConnection {
  let state: SocketState = SocketState.OPEN;
  let alive = true;
  let queue: Promise<void> = Promise.resolve();
  let corked = false;

  socket.on('pong', () => {
    alive = true;
  });
  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => {
      state = SocketState.CLOSED;
      hooks.onClosed();
      resolve();
    });
  });

  return {
    id,
    auth,
    get state() {
      return state;
    },
    send(message) {
      if (state !== SocketState.OPEN || socket.readyState !== socket.OPEN) return;
      // Frames sent in one tick (an ack, the interaction update, the agent state) leave in one write.
      const raw = (socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
      if (raw && !corked) {
        corked = true;
        raw.cork();
        process.nextTick(() => {
          corked = false;
          raw.uncork();
        });
      }
      socket.send(JSON.stringify(message));
    },
    close(code, reason) {
      if (state !== SocketState.OPEN) return;
      state = SocketState.CLOSING;
      socket.close(code, reason);
    },
    terminate() {
      if (state === SocketState.CLOSED) return;
      state = SocketState.CLOSING;
      socket.terminate();
    },
    closed,
    heartbeat() {
      if (state === SocketState.CLOSED) return false;
      if (!alive) {
        state = SocketState.CLOSING;
        socket.terminate();
        return false;
      }
      alive = false;
      socket.ping();
      return true;
    },
    enqueue(task) {
      queue = queue.then(task).catch(hooks.onTaskError);
    },
  };
}
