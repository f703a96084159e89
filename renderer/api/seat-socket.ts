import { BehaviorSubject, Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import { maxFrameBytes, serverMessageSchema } from '@contract/ws';
import type { AgentStatus, ClientMessage, ServerMessage } from '@contract/ws';
import type { User } from '@contract/auth';
import { ApiError, sessionEndedCodes } from './api-error';
import type { Timers } from './timers';

/** Where the seat's one WebSocket stands. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The part of the browser WebSocket the client uses, so tests can inject a fake. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

/** Opens a socket to a URL; in the app this is `(url) => new WebSocket(url)`. */
export type SocketFactory = (url: string) => WebSocketLike;

/** A frame the seat sends, without the id the client assigns. */
export type OutgoingMessage = ClientMessage extends infer M
  ? M extends ClientMessage
    ? Omit<M, 'id'>
    : never
  : never;

/** How the seat connection is built. */
export interface SeatSocketOptions {
  /** Full ws:// or wss:// URL, token included. */
  url: string;
  createSocket: SocketFactory;
  timers: Timers;
  /** Delay before reconnect attempt `n` (0-based). */
  backoff?: (attempt: number) => number;
  requestTimeoutMs?: number;
  /** How often to ping an open socket; a ping still unanswered at the next beat means it is dead. */
  heartbeatMs?: number;
  /** Asked before each reconnect; resolving false means the session is over and the seat must sign in again. */
  checkSession?: () => Promise<boolean>;
}

const OPEN = 1;
// Close codes a server uses to say "your token is no longer good" rather than "try again".
const sessionClosedCodes = new Set([4001, 4401, 4403]);

/** Exponential backoff from half a second, capped at fifteen seconds. */
export const defaultBackoff = (attempt: number): number => Math.min(500 * 2 ** attempt, 15_000);

interface Pending {
  resolve: () => void;
  reject: (error: ApiError) => void;
  cancelTimeout: () => void;
}

/**
 * The seat's WebSocket to the server: validated incoming frames as streams, requests matched to
 * their ack by id, reconnect with backoff, and a distinct end when the session has expired.
 */
export class SeatSocket {
  private readonly options: Required<Omit<SeatSocketOptions, 'checkSession'>> &
    Pick<SeatSocketOptions, 'checkSession'>;
  private readonly stateSubject = new BehaviorSubject<ConnectionState>('closed');
  private readonly messageSubject = new Subject<ServerMessage>();
  private readonly statusSubject = new BehaviorSubject<AgentStatus | null>(null);
  private readonly userSubject = new BehaviorSubject<User | null>(null);
  private readonly endedSubject = new Subject<ApiError>();
  private readonly errorSubject = new Subject<ApiError>();
  private readonly diagnosticSubject = new Subject<string>();
  private readonly pending = new Map<string, Pending>();
  private socket: WebSocketLike | null = null;
  private attempt = 0;
  private sequence = 0;
  private stopped = false;
  private cancelReconnect: (() => void) | null = null;
  private cancelHeartbeat: (() => void) | null = null;
  private unansweredPing: string | null = null;

  /** Connection state; starts 'closed' until connect(). */
  readonly state$: Observable<ConnectionState> = this.stateSubject.asObservable();
  /** Every valid frame from the server, in order. */
  readonly messages$: Observable<ServerMessage> = this.messageSubject.asObservable();
  /** The agent's state as the server last reported it. */
  readonly agentStatus$: Observable<AgentStatus | null> = this.statusSubject.asObservable();
  /** The user the server greeted this socket as. */
  readonly user$: Observable<User | null> = this.userSubject.asObservable();
  /** Emits once when the server says the session is over; the socket is closed for good after it. */
  readonly sessionEnded$: Observable<ApiError> = this.endedSubject.asObservable();
  /** Error frames the server sent that answer no request of ours. */
  readonly errors$: Observable<ApiError> = this.errorSubject.asObservable();
  /** What the client dropped or worked around (invalid frames, failed session checks), for the log. */
  readonly diagnostics$: Observable<string> = this.diagnosticSubject.asObservable();

  constructor(options: SeatSocketOptions) {
    this.options = {
      backoff: defaultBackoff,
      requestTimeoutMs: 10_000,
      heartbeatMs: 25_000,
      ...options,
    };
  }

  get state(): ConnectionState {
    return this.stateSubject.getValue();
  }

  get agentStatus(): AgentStatus | null {
    return this.statusSubject.getValue();
  }

  /** Opens the socket; returns the disposer that closes it for good. */
  connect(): () => void {
    this.stopped = false;
    this.open('connecting');
    return () => this.close();
  }

  /** Sends a frame and resolves when the server acks it; rejects with the server's error frame. */
  request(message: OutgoingMessage): Promise<void> {
    const socket = this.socket;
    if (!socket || this.state !== 'open' || socket.readyState !== OPEN) {
      return Promise.reject(new ApiError('NOT_CONNECTED', 'The seat is not connected to the server.'));
    }
    const id = this.nextId();
    return new Promise<void>((resolve, reject) => {
      const cancelTimeout = this.options.timers.set(() => {
        this.pending.delete(id);
        reject(
          new ApiError('TIMEOUT', `No answer to ${message.type} within ${this.options.requestTimeoutMs} ms.`),
        );
      }, this.options.requestTimeoutMs);
      this.pending.set(id, { resolve, reject, cancelTimeout });
      socket.send(JSON.stringify({ ...message, id }));
    });
  }

  /** Closes the socket for good: no reconnect, pending requests fail. */
  close(): void {
    this.stopped = true;
    this.cancelReconnect?.();
    this.cancelReconnect = null;
    this.detach(1000);
    this.failPending(new ApiError('NOT_CONNECTED', 'The connection was closed.'));
    this.stateSubject.next('closed');
  }

  private nextId(): string {
    this.sequence += 1;
    return `s${this.sequence}`;
  }

  private open(state: 'connecting' | 'reconnecting'): void {
    this.stateSubject.next(state);
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.stateSubject.next('open');
      this.startHeartbeat();
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (sessionClosedCodes.has(event.code))
        this.endSession(new ApiError('TOKEN_EXPIRED', event.reason || 'The session has ended.'));
      else this.dropped();
    };
    // An error is always followed by close, which is where the seat reacts.
    socket.onerror = null;
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return this.diagnosticSubject.next('binary frame');
    if (data.length > maxFrameBytes) return this.diagnosticSubject.next('frame too large');
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return this.diagnosticSubject.next('frame is not JSON');
    }
    const parsed = serverMessageSchema.safeParse(json);
    if (!parsed.success)
      return this.diagnosticSubject.next(parsed.error.issues.map((i) => i.message).join('; '));
    this.handle(parsed.data);
    this.messageSubject.next(parsed.data);
  }

  private handle(message: ServerMessage): void {
    switch (message.type) {
      case 'hello':
        this.attempt = 0;
        this.userSubject.next(message.user);
        return;
      case 'agent.state':
        this.statusSubject.next(message.status);
        return;
      case 'pong':
        if (message.id === this.unansweredPing) this.unansweredPing = null;
        return;
      case 'ack':
        this.settle(message.id, null);
        return;
      case 'error': {
        const error = new ApiError(message.error.code, message.error.message, null, message.error.details);
        if (message.id !== null && this.pending.has(message.id)) return this.settle(message.id, error);
        if (sessionEndedCodes.has(error.code)) return this.endSession(error);
        this.errorSubject.next(error);
        return;
      }
    }
  }

  private settle(id: string, error: ApiError | null): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    entry.cancelTimeout();
    if (error) entry.reject(error);
    else entry.resolve();
  }

  private startHeartbeat(): void {
    this.unansweredPing = null;
    const beat = () => {
      const socket = this.socket;
      if (!socket || this.state !== 'open') return;
      if (this.unansweredPing !== null) {
        // The last ping went unanswered for a whole beat: the link is dead even if no close came.
        this.detach(4000);
        this.dropped();
        return;
      }
      this.unansweredPing = this.nextId();
      socket.send(JSON.stringify({ type: 'ping', id: this.unansweredPing }));
      this.cancelHeartbeat = this.options.timers.set(beat, this.options.heartbeatMs);
    };
    this.cancelHeartbeat = this.options.timers.set(beat, this.options.heartbeatMs);
  }

  private detach(code: number): void {
    this.cancelHeartbeat?.();
    this.cancelHeartbeat = null;
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    socket.close(code);
  }

  private dropped(): void {
    this.cancelHeartbeat?.();
    this.cancelHeartbeat = null;
    this.failPending(new ApiError('NOT_CONNECTED', 'The connection dropped before the server answered.'));
    if (this.stopped) return this.stateSubject.next('closed');
    this.stateSubject.next('reconnecting');
    const delay = this.options.backoff(this.attempt);
    this.attempt += 1;
    this.cancelReconnect = this.options.timers.set(() => {
      this.cancelReconnect = null;
      void this.reconnect();
    }, delay);
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    const check = this.options.checkSession;
    if (check) {
      let alive = true;
      try {
        alive = await check();
      } catch (error) {
        // The server is unreachable, so it cannot tell us the session is over: keep trying.
        this.diagnosticSubject.next(
          `session check failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (this.stopped) return;
      if (!alive)
        return this.endSession(new ApiError('TOKEN_EXPIRED', 'The session has expired; sign in again.'));
    }
    this.open('reconnecting');
  }

  private endSession(error: ApiError): void {
    this.close();
    this.endedSubject.next(error);
  }

  private failPending(error: ApiError): void {
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      entry.cancelTimeout();
      entry.reject(error);
    }
  }
}
