import { describe, expect, it } from 'vitest';
import type { WebchatServerFrame } from '@contract/webchat';
import { chatStorageKey, createChatConnection } from './chatConnection';

// The connection against a fake socket and a fake fetch: what it sends, and how it reconnects.

class FakeSocket {
  readyState = 1;
  sent: unknown[] = [];
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  receive(frame: WebchatServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: Array<() => void> = [];
  const stored = new Map<string, string>();
  let ids = 0;
  const connection = createChatConnection({
    origin: 'http://127.0.0.1:7499',
    tenant: 'demo',
    fetch: (async () =>
      new Response(
        JSON.stringify({
          chatId: 'chat-abcdefgh',
          chatKey: 'k'.repeat(32),
          interactionId: 'i1',
          socketPath: '/webchat/ws',
        }),
        {
          status: 201,
        },
      )) as typeof fetch,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    storage: {
      getItem: (k) => stored.get(k) ?? null,
      setItem: (k, v) => void stored.set(k, v),
      removeItem: (k) => void stored.delete(k),
    },
    setTimer: (callback) => timers.push(callback),
    clearTimer: () => {},
    newClientId: () => `c${++ids}`,
  });
  return { connection, sockets, timers, stored };
}

const welcome: WebchatServerFrame = {
  type: 'welcome',
  chatId: 'chat-abcdefgh',
  state: 'queued',
  agentName: null,
  lastSeq: 0,
};

describe('chat connection', () => {
  it('starts the chat, keeps its credentials for a reload and opens the socket', async () => {
    const { connection, sockets, stored } = setup();
    await connection.start({
      name: 'Mia',
      contact: 'mia@example.com',
      topic: 'demo-queue-general',
      emailTranscript: false,
    });
    expect(stored.get(chatStorageKey)).toContain('chat-abcdefgh');
    expect(sockets[0]?.url).toContain('/webchat/ws?chatId=chat-abcdefgh');
    expect(sockets[0]?.url).toContain('after=0');
  });

  it('joins with the token of the queuing result at once', async () => {
    const { connection, sockets } = setup();
    await connection.start({ name: 'Mia', contact: 'mia@example.com', topic: 'q', emailTranscript: false });
    const socket = sockets[0]!;
    socket.receive(welcome);
    socket.receive({
      type: 'assigned',
      agentName: 'Ava',
      token: 'tok-1',
      expiresAt: '2026-03-02T09:00:30.000Z',
    });
    expect(socket.sent).toContainEqual({ type: 'join', token: 'tok-1' });
    expect(connection.state.phase).toBe('connecting');
  });

  it('reconnects after a drop from the last seq it has and resends what was not confirmed', async () => {
    const { connection, sockets, timers } = setup();
    await connection.start({ name: 'Mia', contact: 'mia@example.com', topic: 'q', emailTranscript: false });
    const first = sockets[0]!;
    first.receive(welcome);
    first.receive({
      type: 'message',
      message: {
        seq: 4,
        author: 'agent',
        agentId: 'a',
        authorName: 'Ava',
        text: 'hi',
        attachment: null,
        clientId: null,
        sentAt: '2026-03-02T09:00:00.000Z',
      },
    });
    first.readyState = 3;
    connection.send('are you there?');
    first.close();
    expect(connection.state.connected).toBe(false);
    expect(timers).toHaveLength(1);
    timers[0]!();
    const second = sockets[1]!;
    expect(second.url).toContain('after=4');
    second.receive({ ...welcome, state: 'active', lastSeq: 4 });
    expect(second.sent).toContainEqual({ type: 'message', clientId: 'c1', text: 'are you there?' });
  });

  it('marks a refused message failed, does not resend it on reconnect, and sends it again when the customer retries', async () => {
    const { connection, sockets, timers } = setup();
    await connection.start({ name: 'Mia', contact: 'mia@example.com', topic: 'q', emailTranscript: false });
    const first = sockets[0]!;
    first.receive({ ...welcome, state: 'active' });
    connection.send('too fast');
    first.receive({
      type: 'error',
      clientId: 'c1',
      error: { code: 'RATE_LIMITED', message: 'You are sending messages too fast; wait a moment.' },
    });
    expect(connection.state.pending).toMatchObject([
      { clientId: 'c1', failed: 'You are sending messages too fast; wait a moment.' },
    ]);
    first.close();
    timers[0]!();
    const second = sockets[1]!;
    second.receive({ ...welcome, state: 'active' });
    expect(second.sent).toEqual([]);
    connection.retry('c1');
    expect(second.sent).toEqual([{ type: 'message', clientId: 'c1', text: 'too fast' }]);
    expect(connection.state.pending).toMatchObject([{ clientId: 'c1', failed: null }]);
    second.receive({ type: 'stored', clientId: 'c1', seq: 1 });
    expect(connection.state.pending).toEqual([]);
  });

  it('removes a refused message the customer gives up on, but never one still on its way', async () => {
    const { connection, sockets } = setup();
    await connection.start({ name: 'Mia', contact: 'mia@example.com', topic: 'q', emailTranscript: false });
    sockets[0]!.receive({ ...welcome, state: 'active' });
    connection.send('refused');
    connection.send('on its way');
    sockets[0]!.receive({
      type: 'error',
      clientId: 'c1',
      error: { code: 'MESSAGE_TOO_LONG', message: 'The message is longer than allowed.' },
    });
    connection.discard('c2');
    connection.discard('c1');
    expect(connection.state.pending.map((p) => p.clientId)).toEqual(['c2']);
  });

  it('ignores frames that are not the server contract', async () => {
    const { connection, sockets } = setup();
    await connection.start({ name: 'Mia', contact: 'mia@example.com', topic: 'q', emailTranscript: false });
    sockets[0]!.onmessage?.({ data: '{"type":"active"}' });
    sockets[0]!.onmessage?.({ data: 'not json' });
    expect(connection.state.phase).toBe('queued');
  });

  it('forgets the stored chat once it has ended', async () => {
    const { connection, sockets, stored } = setup();
    await connection.start({ name: 'Mia', contact: 'mia@example.com', topic: 'q', emailTranscript: false });
    sockets[0]!.receive({ type: 'ended', by: 'agent', transcriptEmailed: false });
    expect(stored.has(chatStorageKey)).toBe(false);
    expect(connection.state.phase).toBe('ended');
  });
});
