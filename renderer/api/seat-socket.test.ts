import { describe, expect, it } from 'vitest';
import type { ConnectionState } from './seat-socket';
import { SeatSocket } from './seat-socket';
import { ApiError } from './api-error';
import { FakeSocket, ManualTimers } from './testing/fake-socket';

const user = {
  id: 'u1',
  tenantId: 'demo',
  username: 'agent01',
  displayName: 'Agent 01',
  role: 'agent',
  agentId: 'a1',
};
const hello = { type: 'hello', user, serverTime: '2025-01-01T00:00:00.000Z' };
const status = (state: string, reason: string | null = null) => ({
  type: 'agent.state',
  status: { agentId: 'a1', state, reason, since: '2025-01-01T00:00:00.000Z' },
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(extra: { checkSession?: () => Promise<boolean> } = {}) {
  const sockets: FakeSocket[] = [];
  const timers = new ManualTimers();
  const client = new SeatSocket({
    url: 'ws://seat.test/ws?token=t',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    timers,
    backoff: (attempt) => 100 * 2 ** attempt,
    requestTimeoutMs: 5000,
    heartbeatMs: 20_000,
    ...extra,
  });
  const states: ConnectionState[] = [];
  client.state$.subscribe((s) => states.push(s));
  const current = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket opened yet');
    return socket;
  };
  return { client, sockets, timers, states, current };
}

async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('seat socket', () => {
  it('opens the socket, reports connecting then open, and keeps the greeted user and agent state', () => {
    const { client, current, states } = setup();
    client.connect();
    expect(current().url).toBe('ws://seat.test/ws?token=t');
    current().serverOpens();
    current().serverSends(hello);
    current().serverSends(status('not_ready', 'break'));
    expect(states).toEqual(['closed', 'connecting', 'open']);
    expect(client.agentStatus).toMatchObject({ state: 'not_ready', reason: 'break' });
    let greeted: unknown = null;
    client.user$.subscribe((u) => (greeted = u));
    expect(greeted).toMatchObject({ username: 'agent01' });
  });

  it('drops frames that are not JSON, have an unknown type or the wrong shape, and says why', () => {
    const { client, current } = setup();
    const seen: string[] = [];
    const dropped: string[] = [];
    client.messages$.subscribe((m) => seen.push(m.type));
    client.diagnostics$.subscribe((d) => dropped.push(d));
    client.connect();
    current().serverOpens();
    current().serverSends('not json {');
    current().serverSends({ type: 'surprise' });
    current().serverSends({ type: 'agent.state', status: { agentId: 'a1', state: 'dancing' } });
    current().serverSends(status('ready'));
    expect(seen).toEqual(['agent.state']);
    expect(dropped).toHaveLength(3);
    expect(client.agentStatus?.state).toBe('ready');
  });

  it('sends a request with a fresh id and resolves it when the matching ack arrives', async () => {
    const { client, current } = setup();
    client.connect();
    current().serverOpens();
    const done = client.request({ type: 'agent.setState', state: 'not_ready', reason: 'lunch' });
    const frame = current().lastSent();
    expect(frame).toMatchObject({ type: 'agent.setState', state: 'not_ready', reason: 'lunch' });
    expect(typeof frame.id).toBe('string');
    current().serverSends({ type: 'ack', id: 'someone-else' });
    current().serverSends({ type: 'ack', id: frame.id });
    await expect(done).resolves.toBeUndefined();
  });

  it('rejects a request with the code of the error frame that answers it', async () => {
    const { client, current } = setup();
    client.connect();
    current().serverOpens();
    const done = client.request({ type: 'agent.setState', state: 'ready' });
    const { id } = current().lastSent();
    current().serverSends({ type: 'error', id, error: { code: 'CONFLICT', message: 'busy on a call' } });
    const error = await rejectionOf(done);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('busy on a call');
  });

  it('refuses a request while not connected instead of queueing it silently', async () => {
    const { client } = setup();
    client.connect();
    const error = await rejectionOf(client.request({ type: 'agent.setState', state: 'ready' }));
    expect(error.code).toBe('NOT_CONNECTED');
  });

  it('fails a request that gets no answer with TIMEOUT', async () => {
    const { client, current, timers } = setup();
    client.connect();
    current().serverOpens();
    const done = client.request({ type: 'agent.setState', state: 'ready' });
    expect(timers.pendingDelays()).toContain(5000);
    timers.fireAll();
    expect((await rejectionOf(done)).code).toBe('TIMEOUT');
  });

  it('reconnects after a drop with growing delays and starts over once greeted again', async () => {
    const { client, current, sockets, timers, states } = setup();
    client.connect();
    current().serverOpens();
    current().serverSends(hello);
    current().serverCloses(1006);
    expect(client.state).toBe('reconnecting');
    expect(timers.pendingDelays()).toEqual([100]);
    timers.fireAll();
    await flush();
    expect(sockets).toHaveLength(2);
    current().serverCloses(1006);
    expect(timers.pendingDelays()).toEqual([200]);
    timers.fireAll();
    await flush();
    expect(sockets).toHaveLength(3);
    current().serverOpens();
    current().serverSends(hello);
    expect(client.state).toBe('open');
    current().serverCloses(1006);
    expect(timers.pendingDelays()).toEqual([100]);
    expect(states.slice(0, 5)).toEqual(['closed', 'connecting', 'open', 'reconnecting', 'reconnecting']);
  });

  it('fails requests in flight when the connection drops', async () => {
    const { client, current } = setup();
    client.connect();
    current().serverOpens();
    const done = client.request({ type: 'agent.setState', state: 'ready' });
    current().serverCloses(1006);
    expect((await rejectionOf(done)).code).toBe('NOT_CONNECTED');
  });

  it('ends the session without reconnecting when the server says the token expired', () => {
    const { client, current, timers } = setup();
    const ended: string[] = [];
    client.sessionEnded$.subscribe((e) => ended.push(e.code));
    client.connect();
    current().serverOpens();
    current().serverSends({ type: 'error', id: null, error: { code: 'TOKEN_EXPIRED', message: 'expired' } });
    expect(ended).toEqual(['TOKEN_EXPIRED']);
    expect(client.state).toBe('closed');
    expect(timers.pendingDelays()).toEqual([]);
    expect(current().closedWith).toBe(1000);
  });

  it('ends the session when the server closes with an authentication close code', () => {
    const { client, current, timers } = setup();
    const ended: string[] = [];
    client.sessionEnded$.subscribe((e) => ended.push(e.code));
    client.connect();
    current().serverOpens();
    current().serverCloses(4401, 'token expired');
    expect(ended).toEqual(['TOKEN_EXPIRED']);
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('asks whether the session is still valid before reconnecting and stops when it is not', async () => {
    const { client, current, sockets, timers } = setup({ checkSession: async () => false });
    const ended: string[] = [];
    client.sessionEnded$.subscribe((e) => ended.push(e.code));
    client.connect();
    current().serverCloses(1006);
    timers.fireAll();
    await flush();
    expect(sockets).toHaveLength(1);
    expect(ended).toEqual(['TOKEN_EXPIRED']);
    expect(client.state).toBe('closed');
  });

  it('keeps trying when the session check itself cannot reach the server', async () => {
    const { client, current, sockets, timers } = setup({
      checkSession: async () => {
        throw new ApiError('NETWORK', 'down');
      },
    });
    client.connect();
    current().serverCloses(1006);
    timers.fireAll();
    await flush();
    expect(sockets).toHaveLength(2);
    expect(client.state).toBe('reconnecting');
  });

  it('passes on error frames that answer no request', () => {
    const { client, current } = setup();
    const errors: string[] = [];
    client.errors$.subscribe((e) => errors.push(e.code));
    client.connect();
    current().serverOpens();
    current().serverSends({ type: 'error', id: null, error: { code: 'UNKNOWN_MESSAGE', message: 'what?' } });
    expect(errors).toEqual(['UNKNOWN_MESSAGE']);
    expect(client.state).toBe('open');
  });

  it('pings on each beat and treats an unanswered ping as a dead link', async () => {
    const { client, current, sockets, timers } = setup();
    client.connect();
    const first = current();
    first.serverOpens();
    timers.fireAll();
    const ping = first.lastSent();
    expect(ping.type).toBe('ping');
    first.serverSends({ type: 'pong', id: ping.id });
    timers.fireAll();
    expect(client.state).toBe('open');
    timers.fireAll(); // second ping unanswered for a whole beat
    expect(client.state).toBe('reconnecting');
    expect(first.closedWith).toBe(4000);
    timers.fireAll();
    await flush();
    expect(sockets).toHaveLength(2);
  });

  it('stays closed after close(), even if the old socket reports closing later', () => {
    const { client, current, timers } = setup();
    const dispose = client.connect();
    const socket = current();
    socket.serverOpens();
    dispose();
    socket.serverCloses(1006);
    expect(client.state).toBe('closed');
    expect(timers.pendingDelays()).toEqual([]);
  });
});
