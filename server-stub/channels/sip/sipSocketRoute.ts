import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { SeatError } from '@contract/errors';
import type { InteractionService } from '../../interactions/interactionService';
import type { SipConnection } from './connection';
import { createSipDirectory } from './directory';
import { createSipEdge, type SipEdge } from './edge';
import { serializeSipMessage } from './message/serialize';
import { registerVoiceQueuesRoute } from './voiceQueuesRoute';
import { createCallRecordStore, withLoggedFailures } from './records/callRecordStore';
import { registerCallRecordRoutes } from './records/callRecordRoutes';
import { connectSipTrunk, type SipTrunk } from './trunk';
import type { Database } from 'better-sqlite3';

// GET /sip: SIP over WebSocket (RFC 7118). The upgrade must offer the `sip` subprotocol; each
// frame carries one SIP message; the connection is public because callers are anonymous
// customers, and agents authenticate inside SIP (digest on REGISTER).

/** Largest SIP message accepted in one frame (a WebRTC offer with many candidates fits easily). */
export const maxSipMessageBytes = 64 * 1024;

/** Connection states (kept explicit, as the seat socket does). */
const enum State {
  OPEN = 1,
  CLOSING = 2,
  CLOSED = 3,
}

/** What the SIP route needs from the server. */
export interface SipRouteDeps {
  sqlite: Database;
  routing: Pick<
    InteractionService,
    | 'create'
    | 'get'
    | 'accept'
    | 'reject'
    | 'end'
    | 'cancel'
    | 'transfer'
    | 'agentCall'
    | 'onCustomerDecision'
  >;
  now: () => number;
  generateId: () => string;
  /** Host name the edge writes in Via and Contact. */
  host?: string;
  sweepMs?: number;
  /**
   * How often each /sip socket is sent a WebSocket ping (30 s by default, 50 ms to 5 min). A socket
   * that has not answered the previous ping by the next one is terminated, which drops its
   * bindings and ends its calls: a dead softphone stops being offered calls within two intervals
   * instead of keeping its binding until it expires (up to an hour).
   */
  heartbeatMs?: number;
  /** Outbound trunk (a SIP-over-WebSocket gateway) for numbers agents dial; none by default. */
  trunk?: { url: string; domain: string } | undefined;
}

/** Registers the edge and its route; returns the edge and the disposer that stops it. */
export function registerSipEdge(
  app: FastifyInstance,
  deps: SipRouteDeps,
): { edge: SipEdge; dispose: () => void } {
  const heartbeatMs = deps.heartbeatMs ?? 30_000;
  if (!Number.isInteger(heartbeatMs) || heartbeatMs < 50 || heartbeatMs > 300_000)
    throw new RangeError(`heartbeatMs must be an integer from 50 to 300000, not ${String(heartbeatMs)}`);
  const log = app.log.child({ channel: 'sip' });
  const records = createCallRecordStore(deps.sqlite, deps.now);
  let trunk: (SipTrunk & { dispose(): void }) | null = null;
  const trunkConfig = deps.trunk;
  const edge = createSipEdge({
    records: withLoggedFailures(records, log),
    trunk: trunkConfig ? { domain: trunkConfig.domain, connection: () => trunk?.connection() ?? null } : null,
    directory: createSipDirectory(deps.sqlite),
    routing: deps.routing,
    now: deps.now,
    generateId: deps.generateId,
    log,
    timers: {
      set: (callback, ms) => setTimeout(callback, ms).unref(),
      clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    host: deps.host ?? 'seat-edge.invalid',
  });
  if (trunkConfig)
    trunk = connectSipTrunk({
      ...trunkConfig,
      log,
      generateId: deps.generateId,
      onFrame: (connection, frame) => edge.receive(connection, frame),
      onClose: (connection) => edge.connectionClosed(connection),
    });
  registerCallRecordRoutes(app, records);
  const stopDecisions = deps.routing.onCustomerDecision(({ tenantId, decision }) =>
    edge.customerDecision(tenantId, decision as never),
  );
  const sweeper = setInterval(() => edge.sweep(), deps.sweepMs ?? 15_000);
  sweeper.unref();
  // Sockets with whether they answered the last ping; ws answers pings by itself, so a socket
  // that misses one belongs to a peer that is gone (sleeping laptop, dropped network).
  const open = new Map<WebSocket, { answered: boolean; remote: string }>();
  const heartbeat = setInterval(() => {
    for (const [socket, health] of open) {
      if (!health.answered) {
        log.info({ remote: health.remote }, 'SIP socket missed a ping: terminated, its bindings dropped');
        socket.terminate();
        continue;
      }
      health.answered = false;
      socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();
  registerVoiceQueuesRoute(app, deps.sqlite);

  app.route({
    method: 'GET',
    url: '/sip',
    config: { access: 'public' },
    schema: { hide: true },
    preValidation: async (request) => {
      const offered = String(request.headers['sec-websocket-protocol'] ?? '')
        .split(',')
        .map((p) => p.trim().toLowerCase());
      if (request.headers.upgrade && !offered.includes('sip'))
        throw new SeatError(
          'VALIDATION_FAILED',
          'Open /sip with the WebSocket subprotocol "sip" (RFC 7118).',
        );
    },
    handler: async () => {
      throw new SeatError('UPGRADE_REQUIRED');
    },
    wsHandler: (socket, request) => {
      let state = State.OPEN;
      const remote = `${request.ip}:${request.socket.remotePort ?? 0}`;
      const health = { answered: true, remote };
      open.set(socket, health);
      socket.on('pong', () => {
        health.answered = true;
      });
      const connection: SipConnection = {
        id: deps.generateId(),
        remote,
        isOpen: () => state === State.OPEN,
        send(message) {
          if (state === State.OPEN) socket.send(serializeSipMessage(message));
        },
        sendKeepAlivePong() {
          if (state === State.OPEN) socket.send('\r\n');
        },
        close(code, reason) {
          if (state !== State.OPEN) return;
          state = State.CLOSING;
          socket.close(code, reason);
        },
      };
      socket.on('message', (data, isBinary) => {
        if (state !== State.OPEN) return;
        const bytes = Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.isBuffer(data)
            ? data
            : Buffer.from(new Uint8Array(data));
        if (bytes.length > maxSipMessageBytes) return connection.close(1009, 'SIP message too large');
        // RFC 7118 allows binary frames for SIP too; both carry UTF-8 text.
        edge.receive(connection, isBinary ? bytes : bytes.toString('utf8'));
      });
      socket.on('error', (error) => log.warn({ err: error }, 'SIP socket error'));
      socket.on('close', () => {
        state = State.CLOSED;
        open.delete(socket);
        edge.connectionClosed(connection);
      });
    },
  });

  return {
    edge,
    dispose() {
      clearInterval(sweeper);
      clearInterval(heartbeat);
      trunk?.dispose();
      stopDecisions();
      edge.dispose();
      for (const socket of open.keys()) socket.close(1001, 'server shutting down');
    },
  };
}
