import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { detailsFromZod, SeatError } from '@contract/errors';
import {
  chatClientIdSchema,
  chatIdSchema,
  chatKeySchema,
  maxWebchatFrameBytes,
  webchatClientFrameSchema,
  type WebchatClientFrame,
  type WebchatServerFrame,
} from '@contract/webchat';
import { toSeatError } from '../../http/errorMapping';
import type { WebchatService } from './webchatService';

// GET /webchat/ws?chatId=…&key=…&after=<seq>: the customer's chat socket. The key is checked before
// the upgrade (a wrong one gets 401 and no socket). `after` is the last seq the page has; everything
// stored since is replayed, so a page that lost its network loses nothing. Frames are handled one
// after another so replies keep their order; a bad frame gets an `error` frame and changes nothing.

const enum State {
  OPEN = 1,
  CLOSING = 2,
  CLOSED = 3,
}

const querySchema = z.object({
  chatId: chatIdSchema,
  key: chatKeySchema,
  after: z.coerce.number().int().min(0).default(0),
});

/** A frame the socket refuses; `clientId` names the page's message when the refused frame was one. */
export interface RefusedFrame {
  ok: false;
  error: SeatError;
  clientId?: string;
}

/** The client id of a refused message frame, when it has a valid one (so the page can mark that message failed). */
function clientIdOf(json: Record<string, unknown>): { clientId?: string } {
  if (json['type'] !== 'message') return {};
  const clientId = chatClientIdSchema.safeParse(json['clientId']);
  return clientId.success ? { clientId: clientId.data } : {};
}

// An oversized frame is not parsed (that is the point of the limit); the widget writes `type` and
// `clientId` first, so a bounded look at the frame's head still names the message it refuses.
const oversizedMessageHead =
  /^\s*\{\s*"type"\s*:\s*"message"\s*,\s*"clientId"\s*:\s*"([A-Za-z0-9._:-]{1,64})"/;

/** Reads one frame; returns the frame or the refusal. */
export function parseWebchatFrame(data: Buffer): { ok: true; frame: WebchatClientFrame } | RefusedFrame {
  if (data.length > maxWebchatFrameBytes) {
    const head = oversizedMessageHead.exec(data.subarray(0, 256).toString('utf8'));
    return {
      ok: false,
      error: new SeatError('MESSAGE_TOO_LONG', `Frames are limited to ${maxWebchatFrameBytes} bytes.`),
      ...(head?.[1] ? { clientId: head[1] } : {}),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      error: new SeatError('BAD_JSON', `The frame is not valid JSON (${(error as Error).message}).`),
    };
  }
  const fields = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (!webchatClientFrameSchema.options.some((o) => o.shape.type.value === fields['type']))
    return { ok: false, error: new SeatError('UNKNOWN_MESSAGE') };
  const parsed = webchatClientFrameSchema.safeParse(json);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((i) => i.code === 'too_big' && i.path[0] === 'text');
    return {
      ok: false,
      error: tooLong
        ? new SeatError('MESSAGE_TOO_LONG')
        : new SeatError('VALIDATION_FAILED', undefined, detailsFromZod(parsed.error)),
      ...clientIdOf(fields),
    };
  }
  return { ok: true, frame: parsed.data };
}

/** Registers the route; returns the disposer that closes every customer socket. */
export function registerCustomerSocket(
  app: FastifyInstance,
  deps: { service: WebchatService; heartbeatMs: number },
): () => void {
  const log = app.log.child({ channel: 'webchat' });
  const open = new Set<WebSocket>();
  const alive = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const socket of open) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, deps.heartbeatMs);
  heartbeat.unref();

  app.route({
    method: 'GET',
    url: '/webchat/ws',
    config: { access: 'public' },
    schema: { hide: true },
    preValidation: async (request) => {
      const query = querySchema.safeParse(request.query);
      if (!query.success) throw new SeatError('UNAUTHENTICATED', 'Open the chat socket with ?chatId=&key=.');
      deps.service.authenticate(query.data.chatId, query.data.key);
    },
    handler: async () => {
      throw new SeatError('UPGRADE_REQUIRED');
    },
    wsHandler: (socket, request) => {
      const { chatId, after } = querySchema.parse(request.query);
      let state = State.OPEN;
      let queue: Promise<void> = Promise.resolve();
      open.add(socket);
      alive.set(socket, true);
      socket.on('pong', () => alive.set(socket, true));
      const send = (frame: WebchatServerFrame) => {
        if (state === State.OPEN && socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      };
      const link = {
        send,
        close(code: number, reason: string) {
          if (state !== State.OPEN) return;
          state = State.CLOSING;
          socket.close(code, reason);
        },
      };
      let disconnect: () => void = () => {};
      try {
        disconnect = deps.service.connect(chatId, link, after);
      } catch (error) {
        send({ type: 'error', ...toSeatError(error).toBody() });
        link.close(1011, 'chat unavailable');
      }
      socket.on('message', (data, isBinary) => {
        const bytes = Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.isBuffer(data)
            ? data
            : Buffer.from(new Uint8Array(data));
        queue = queue
          .then(async () => {
            if (state !== State.OPEN) return;
            const parsed = isBinary
              ? {
                  ok: false as const,
                  error: new SeatError('BAD_JSON', 'Send frames as text holding one JSON object.'),
                }
              : parseWebchatFrame(bytes);
            if (!parsed.ok)
              return send({
                type: 'error',
                ...(parsed.clientId ? { clientId: parsed.clientId } : {}),
                ...parsed.error.toBody(),
              });
            const { frame } = parsed;
            try {
              await deps.service.customerFrame(chatId, frame);
            } catch (error) {
              const seatError = toSeatError(error);
              if (seatError.status >= 500) log.error({ err: error }, 'web chat frame failed');
              send({
                type: 'error',
                ...(frame.type === 'message' ? { clientId: frame.clientId } : {}),
                ...seatError.toBody(),
              });
            }
          })
          .catch((error: unknown) => log.error({ err: error }, 'web chat socket task failed'));
      });
      socket.on('error', (error) => log.warn({ err: error }, 'web chat socket error'));
      socket.on('close', () => {
        state = State.CLOSED;
        open.delete(socket);
        disconnect();
      });
    },
  });

  return () => {
    clearInterval(heartbeat);
    for (const socket of open) socket.close(1001, 'server shutting down');
  };
}
