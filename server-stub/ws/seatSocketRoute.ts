import { roles } from '@contract/auth';
import { SeatError } from '@contract/errors';
import { maxFrameBytes, type ClientMessage } from '@contract/ws';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { AgentStateService } from '../agents/agentStateService';
import type { AuthService } from '../auth/authService';
import { toSeatError } from '../http/errorMapping';
import { callerOf } from '../http/route';
import { parseClientFrame } from './frames';
import { handleClientMessage } from './messageHandler';
import { createSeatConnection, type SeatConnection } from './seatConnection';
import type { SeatSocketHub } from './seatSocketHub';
import { CloseCode, SocketState } from './socketStates';

/** What the seat socket needs from the rest of the server. */
export interface SeatSocketDeps {
  auth: AuthService;
  agentStates: AgentStateService;
  now: () => number;
  generateId: () => string;
  heartbeatMs: number;
  /** Features that add frames (routing, wallboards); asked before the base handler. */
  extensions?: readonly SeatSocketExtension[];
}

/** A feature that adds to the seat socket: what it does on open, and the frames it answers. */
export interface SeatSocketExtension {
  /** Runs once the socket is open and greeted; returns what to undo when it closes. */
  onOpen(connection: SeatConnection): () => void;
  /** Answers a frame it owns and returns true; returns false for frames it does not know. */
  handle(message: ClientMessage, connection: SeatConnection): Promise<boolean>;
}

/**
 * Registers the WebSocket plugin with a shutdown step that closes every seat socket with 1001.
 * Must run before the access hook is added: the plugin's own request hook marks upgrade requests,
 * so a refused upgrade (401) gets its socket destroyed instead of left hanging.
 */
export async function registerWebSocketSupport(
  app: FastifyInstance,
  hub: SeatSocketHub,
  closeGraceMs: number,
): Promise<void> {
  await app.register(websocket, {
    options: { maxPayload: maxFrameBytes },
    preClose: async () => {
      await hub.closeAll(CloseCode.GOING_AWAY, 'server shutting down', closeGraceMs);
      app.websocketServer.close();
    },
  });
}

/**
 * GET /ws?token=…: one socket per seat. The access hook checks the token before the upgrade, so a
 * bad or expired token gets a 401 and no socket. Returns the disposer of its subscriptions and heartbeat.
 */
export function registerSeatSocket(
  app: FastifyInstance,
  hub: SeatSocketHub,
  deps: SeatSocketDeps,
): () => void {
  const stopOnRevoke = deps.auth.onSessionRevoked((sessionId) =>
    hub.closeSession(sessionId, CloseCode.SESSION_ENDED, 'signed out'),
  );
  const stopOnChange = deps.agentStates.onChange(({ tenantId, status }) =>
    hub.sendToAgent(tenantId, status.agentId, { type: 'agent.state', status }),
  );

  const sweep = () => {
    for (const connection of hub.connections()) {
      if (Date.parse(connection.auth.expiresAt) <= deps.now())
        connection.close(CloseCode.SESSION_ENDED, 'session expired');
      else connection.heartbeat();
    }
  };
  const heartbeat = setInterval(sweep, deps.heartbeatMs);
  heartbeat.unref();

  app.route({
    method: 'GET',
    url: '/ws',
    config: { access: roles, tokenFromQuery: true },
    schema: { hide: true },
    handler: async () => {
      throw new SeatError('UPGRADE_REQUIRED');
    },
    wsHandler: (socket, request) => {
      const auth = callerOf(request);
      const undo: Array<() => void> = [];
      const connection = createSeatConnection(socket, auth, deps.generateId(), {
        onClosed: () => {
          forget();
          for (const u of undo) u();
        },
        onTaskError: (error) => request.log.error({ err: error }, 'seat socket task failed'),
      });
      const forget = hub.add(connection);
      socket.on('error', (error) => request.log.warn({ err: error }, 'seat socket error'));
      socket.on('message', (data, isBinary) => {
        connection.enqueue(async () => {
          if (Date.parse(auth.expiresAt) <= deps.now()) {
            connection.close(CloseCode.SESSION_ENDED, 'session expired');
            return;
          }
          const text = isBinary
            ? null
            : Array.isArray(data)
              ? Buffer.concat(data).toString('utf8')
              : Buffer.isBuffer(data)
                ? data.toString('utf8')
                : Buffer.from(new Uint8Array(data)).toString('utf8');
          const frame = parseClientFrame(text);
          if (!frame.ok) {
            connection.send({ type: 'error', id: frame.id, ...frame.error.toBody() });
            return;
          }
          try {
            let handled = false;
            for (const extension of deps.extensions ?? [])
              if (!handled) handled = await extension.handle(frame.message, connection);
            if (!handled) await handleClientMessage(frame.message, connection, deps.agentStates);
          } catch (error) {
            const seatError = toSeatError(error);
            if (seatError.status >= 500) request.log.error({ err: error }, 'seat frame failed');
            connection.send({ type: 'error', id: frame.message.id, ...seatError.toBody() });
          }
        });
      });

      connection.send({ type: 'hello', user: auth.user, serverTime: new Date(deps.now()).toISOString() });
      if (auth.user.agentId) {
        const agentId = auth.user.agentId;
        connection.enqueue(async () => {
          const status = await deps.agentStates.get(auth.user.tenantId, agentId);
          connection.send({ type: 'agent.state', status });
        });
      }
      connection.enqueue(async () => {
        // A socket that closed before this ran has already run its undo list: attach nothing.
        if (connection.state !== SocketState.OPEN) return;
        for (const extension of deps.extensions ?? []) undo.push(extension.onOpen(connection));
      });
    },
  });
  return () => {
    clearInterval(heartbeat);
    stopOnRevoke();
    stopOnChange();
  };
}
