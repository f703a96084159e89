import { serverMessageSchema, type ServerMessage } from '@contract/ws';
import WebSocket from 'ws';

/** A real seat WebSocket client for tests: records every validated frame; waits are bounded. */
export interface TestSeat {
  socket: WebSocket;
  frames: ServerMessage[];
  /** Resolves with (and removes) the first frame of `type` matching `match`, or fails after 5 s. */
  next<T extends ServerMessage['type']>(
    type: T,
    match?: (m: Extract<ServerMessage, { type: T }>) => boolean,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  /** Sends a frame with a fresh id and waits for its ack (or throws with the error frame). */
  request(frame: Record<string, unknown>): Promise<void>;
  /** Frames of `type` received so far (not removed). */
  seen<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[];
  close(): Promise<void>;
}

/** Opens a seat socket to `base` (ws://host:port/ws) with a token. */
export async function connectSeat(base: string, token: string): Promise<TestSeat> {
  const socket = new WebSocket(`${base}?token=${encodeURIComponent(token)}`);
  const frames: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  let ids = 0;
  socket.on('message', (data) => {
    frames.push(serverMessageSchema.parse(JSON.parse(String(data))));
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next: TestSeat['next'] = async (type, match = () => true) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = frames.find((f) => f.type === type && match(f as never));
      if (found) {
        frames.splice(frames.indexOf(found), 1);
        return found as never;
      }
      if (Date.now() > deadline)
        throw new Error(`no ${type} frame; got ${JSON.stringify(frames).slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(done);
          resolve();
        };
        waiters.add(done);
        setTimeout(done, 100);
      });
    }
  };
  return {
    socket,
    frames,
    next,
    async request(frame) {
      const id = `r${++ids}`;
      socket.send(JSON.stringify({ ...frame, id }));
      const deadline = Date.now() + 5000;
      for (;;) {
        const reply = frames.find((f) => (f.type === 'ack' || f.type === 'error') && f.id === id);
        if (reply) {
          frames.splice(frames.indexOf(reply), 1);
          if (reply.type === 'error') throw new Error(`${reply.error.code}: ${reply.error.message}`);
          return;
        }
        if (Date.now() > deadline) throw new Error(`no reply to ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    seen: (type) => frames.filter((f) => f.type === type) as never,
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === socket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
