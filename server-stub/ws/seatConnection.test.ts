import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { AuthContext } from '../auth/authService';
import { createSeatConnection } from './seatConnection';

/** A ws socket stand-in that records, for each frame, how deeply its TCP socket was corked then. */
function fakeSocket() {
  let depth = 0;
  const log: string[] = [];
  const socket = Object.assign(new EventEmitter(), {
    OPEN: 1,
    readyState: 1,
    _socket: {
      cork: () => void depth++,
      uncork: () => {
        depth--;
        if (depth === 0) log.push('flush');
      },
    },
    send: (text: string) => log.push(`${(JSON.parse(text) as { type: string }).type}@${depth}`),
  });
  return { socket: socket as unknown as WebSocket, log };
}

const auth = { sessionId: 's1', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: 'u1', tenantId: 't', username: 'a', displayName: 'A', role: 'agent', agentId: 'a1' } } as AuthContext;

describe('seat connection', () => {
  it('sends what a held task writes across its awaits in one flush when the task ends', async () => {
    const { socket, log } = fakeSocket();
    const connection = createSeatConnection(socket, auth, 'c1', { onClosed: () => undefined, onTaskError: (error) => log.push(`error ${String(error)}`) });
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    connection.enqueue(
      async () => {
        connection.send({ type: 'hello' } as never);
        await new Promise((resolve) => setImmediate(resolve));
        connection.send({ type: 'ack', id: '1' });
        done();
      },
      { holdWrites: true },
    );
    await finished;
    await new Promise((resolve) => setImmediate(resolve));
    // Both frames were written while corked (depth >= 1) and flushed once, after the second.
    expect(log).toEqual(['hello@2', 'ack@2', 'flush']);
  });

  it('flushes each frame of an unheld task by the next tick', async () => {
    const { socket, log } = fakeSocket();
    const connection = createSeatConnection(socket, auth, 'c1', { onClosed: () => undefined, onTaskError: () => undefined });
    connection.enqueue(async () => {
      connection.send({ type: 'hello' } as never);
      await new Promise((resolve) => setImmediate(resolve));
      connection.send({ type: 'ack', id: '1' });
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['hello@1', 'flush', 'ack@1', 'flush']);
  });
});
