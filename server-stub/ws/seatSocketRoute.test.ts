import { maxFrameBytes, serverMessageSchema, type ServerMessage } from '@contract/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../testing/testServer';

let t: Awaited<ReturnType<typeof startTestServer>>;
let base: string;

beforeAll(async () => {
  t = await startTestServer({ heartbeatMs: 50 });
  const { port } = await t.server.listen();
  base = `ws://127.0.0.1:${port}/ws`;
});
afterAll(() => t.dispose());

/** A real ws client that records every server frame, with waits bounded by a deadline. */
async function connect(token: string) {
  const socket = new WebSocket(`${base}?token=${encodeURIComponent(token)}`);
  const frames: ServerMessage[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    frames.push(serverMessageSchema.parse(JSON.parse(String(data))));
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = async <T extends ServerMessage['type']>(
    type: T,
    match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
  ) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = frames.find(
        (f): f is Extract<ServerMessage, { type: T }> =>
          f.type === type && match(f as Extract<ServerMessage, { type: T }>),
      );
      if (found) {
        frames.splice(frames.indexOf(found), 1);
        return found;
      }
      if (Date.now() > deadline) throw new Error(`no ${type} frame; got ${JSON.stringify(frames)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return {
    socket,
    frames,
    next,
    closed,
    send: (frame: unknown) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
  };
}

function refusedStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => reject(new Error('upgrade should have been refused')));
    socket.once('error', () => undefined);
  });
}

describe('seat WebSocket', () => {
  it('refuses the upgrade with 401 for a missing, made-up or expired token', async () => {
    expect(await refusedStatus(base)).toBe(401);
    expect(await refusedStatus(`${base}?token=made-up`)).toBe(401);
    const token = await t.login('agent14');
    const saved = t.clock.now;
    t.clock.now += t.server.options.sessionTtlMs;
    try {
      expect(await refusedStatus(`${base}?token=${token}`)).toBe(401);
    } finally {
      t.clock.now = saved;
    }
    expect(t.server.sockets.connections()).toHaveLength(0);
  });

  it('says hello with the user, then the agent state, and answers ping with pong', async () => {
    const client = await connect(await t.login('agent15'));
    expect((await client.next('hello')).user.username).toBe('agent15');
    expect((await client.next('agent.state')).status).toMatchObject({
      agentId: 'demo-agent-agent15',
      state: 'logged_out',
    });
    client.send({ type: 'ping', id: 'p1' });
    expect(await client.next('pong')).toEqual({ type: 'pong', id: 'p1' });
    client.socket.close();
  });

  it('answers malformed, unknown and invalid frames with error frames and stays usable', async () => {
    const client = await connect(await t.login('agent16'));
    await client.next('hello');
    client.send('{not json');
    expect((await client.next('error')).error.code).toBe('BAD_JSON');
    client.send({ type: 'agent.teleport', id: 'u1' });
    expect(await client.next('error', (e) => e.id === 'u1')).toMatchObject({
      error: { code: 'UNKNOWN_MESSAGE' },
    });
    client.send({ type: 'agent.setState', id: 'v1', state: 'asleep' });
    expect((await client.next('error', (e) => e.id === 'v1')).error.code).toBe('VALIDATION_FAILED');
    client.send({ type: 'ping', id: 'still-here' });
    expect(await client.next('pong')).toEqual({ type: 'pong', id: 'still-here' });
    expect((await t.server.agentStates.get('tenant-demo', 'demo-agent-agent16')).state).toBe('logged_out');
    client.socket.close();
  });

  it('closes the socket with 1009 when a frame is larger than maxFrameBytes', async () => {
    const client = await connect(await t.login('agent17'));
    client.send(JSON.stringify({ type: 'ping', id: 'x', pad: 'y'.repeat(maxFrameBytes) }));
    expect((await client.closed).code).toBe(1009);
  });

  it('sets an allowed state: the state reaches only that agent`s sockets, then the ack', async () => {
    const token = await t.login('agent18');
    const first = await connect(token);
    const second = await connect(await t.login('agent18'));
    const other = await connect(await t.login('agent19'));
    for (const c of [first, second, other]) await c.next('agent.state');

    first.send({ type: 'agent.setState', id: 's1', state: 'not_ready', reason: 'lunch' });
    const pushed = await first.next('agent.state');
    expect(pushed.status).toMatchObject({
      agentId: 'demo-agent-agent18',
      state: 'not_ready',
      reason: 'lunch',
    });
    expect(await first.next('ack')).toEqual({ type: 'ack', id: 's1' });
    expect((await second.next('agent.state')).status.state).toBe('not_ready');

    other.send({ type: 'ping', id: 'sync' });
    await other.next('pong');
    expect(other.frames.filter((f) => f.type === 'agent.state')).toEqual([]);
    for (const c of [first, second, other]) c.socket.close();
  });

  it('refuses a transition the rules do not allow, changing nothing', async () => {
    const client = await connect(await t.login('agent20'));
    await client.next('agent.state');
    client.send({ type: 'agent.setState', id: 'n1', state: 'not_ready' });
    expect((await client.next('error', (e) => e.id === 'n1')).error.code).toBe('VALIDATION_FAILED');
    client.send({ type: 'agent.setState', id: 'n2', state: 'not_ready', reason: 'nap' });
    expect((await client.next('error', (e) => e.id === 'n2')).error.code).toBe('VALIDATION_FAILED');
    expect((await t.server.agentStates.get('tenant-demo', 'demo-agent-agent20')).state).toBe('logged_out');
    client.socket.close();
  });

  it('answers an admin`s setState with FORBIDDEN', async () => {
    const client = await connect(await t.login('admin'));
    await client.next('hello');
    client.send({ type: 'agent.setState', id: 'a1', state: 'ready' });
    expect((await client.next('error', (e) => e.id === 'a1')).error.code).toBe('FORBIDDEN');
    client.socket.close();
  });

  it('closes the sockets of a session with 4401 on logout, leaving other sessions open', async () => {
    const token = await t.login('agent21');
    const client = await connect(token);
    const other = await connect(await t.login('agent21'));
    await client.next('hello');
    const out = await t.server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(204);
    expect((await client.closed).code).toBe(4401);
    other.send({ type: 'ping', id: 'alive' });
    expect(await other.next('pong')).toEqual({ type: 'pong', id: 'alive' });
    other.socket.close();
  });

  it('closes the socket with 4401 once the session expires on the server clock', async () => {
    const client = await connect(await t.login('agent22'));
    await client.next('hello');
    t.clock.now += t.server.options.sessionTtlMs;
    expect((await client.closed).code).toBe(4401);
  });

  it('terminates a socket that stops answering pings', async () => {
    const client = await connect(await t.login('admin'));
    await client.next('hello');
    // Silence the client's automatic pong: the heartbeat must then drop it.
    (client.socket as unknown as { pong: () => void }).pong = () => undefined;
    const { code } = await client.closed;
    expect(code).toBe(1006);
  });
});
