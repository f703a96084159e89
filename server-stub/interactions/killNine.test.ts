import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTsChild, type StartedChild } from '../bench/childProcess';

// kill -9 of the real server process at a seeded but arbitrary moment under load, then a restart on
// the same data dir: every create that got a 2xx is still there, retries with the same keys return
// the same ids, no interaction has two live offers, and with nothing happening in between, a kill
// and restart rebuilds exactly the engine snapshot taken just before.

const seed = Number(process.env['SEAT_KILL_SEED'] ?? 20260302);
const cli = path.resolve('server-stub/cli.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'seat-kill-'));
const general = 'demo-queue-general';
const children: StartedChild[] = [];
afterAll(async () => {
  for (const c of children) await c.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with SEAT_KILL_SEED. */
function prng(s: number) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function startServer(): Promise<{ url: string; child: StartedChild }> {
  const child = await startTsChild(
    cli,
    ['--port', '0', '--data-dir', dataDir, '--log-level', 'silent'],
    /listening on (http:\/\/[^\s]+)/,
    {
      tsconfig: path.resolve('server-stub/tsconfig.json'),
      timeoutMs: 90_000,
    },
  );
  children.push(child);
  return { url: child.match[1]!, child };
}

async function api(
  url: string,
  method: string,
  route: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const reply = await fetch(`${url}${route}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await reply.text();
  return { status: reply.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const login = async (url: string, username: string) =>
  (await api(url, 'POST', '/api/auth/login', undefined, { username, password: 'seat-demo' })).body[
    'token'
  ] as string;

/**
 * An agent seat that sets itself ready, then accepts most offers (some it lets ring), ends some of
 * its calls and wraps up what it ends: so queues build up, and offers and reservations are pending
 * when the server dies.
 */
async function busyAgent(url: string, username: string, random: () => number): Promise<WebSocket> {
  const token = await login(url, username);
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws?token=${token}`);
  let n = 0;
  const send = (frame: Record<string, unknown>) =>
    socket.readyState === socket.OPEN && socket.send(JSON.stringify({ ...frame, id: `${username}-${++n}` }));
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; interaction?: { id: string; state: string } };
    if (frame.type === 'hello') send({ type: 'agent.setState', state: 'ready' });
    if (frame.type === 'interaction.offer' && random() < 0.8)
      send({ type: 'interaction.accept', interactionId: frame.interaction!.id });
    if (frame.type === 'interaction.update' && frame.interaction!.state === 'active' && random() < 0.8)
      send({ type: 'interaction.end', interactionId: frame.interaction!.id });
    if (frame.type === 'interaction.update' && frame.interaction!.state === 'wrapup')
      send({ type: 'interaction.wrapup', interactionId: frame.interaction!.id, disposition: 'resolved' });
  });
  socket.on('error', () => undefined); // the server is killed under it: errors are expected here
  await new Promise<void>(
    (resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)),
  );
  return socket;
}

type Snapshot = {
  lastSeq: number;
  events: number;
  engine: {
    interactions: { id: string; state: string; offer: { agentId: string } | null }[];
    agents: { id: string; offer: { interactionId: string } | null; work: [string, string][] }[];
  };
};

/** Opens a seat and collects the interaction frames it gets on connect (its offers and held work). */
async function resumedWork(url: string, username: string): Promise<string[]> {
  const token = await login(url, username);
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws?token=${token}`);
  const ids: string[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; interaction?: { id: string } };
    if (frame.type === 'interaction.offer' || frame.type === 'interaction.update')
      ids.push(frame.interaction!.id);
  });
  await new Promise<void>(
    (resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)),
  );
  await new Promise((r) => setTimeout(r, 300));
  socket.close();
  return ids.sort();
}

/** No interaction offered to two agents; an offer and the agent's side of it agree. */
function checkOffers(snapshot: Snapshot) {
  const offeredBy = new Map<string, string>();
  for (const agent of snapshot.engine.agents) {
    if (!agent.offer) continue;
    expect(offeredBy.has(agent.offer.interactionId), `${agent.offer.interactionId} offered twice`).toBe(
      false,
    );
    offeredBy.set(agent.offer.interactionId, agent.id);
  }
  for (const i of snapshot.engine.interactions) {
    expect(i.state === 'offered', i.id).toBe(i.offer !== null);
    if (i.offer) expect(offeredBy.get(i.id)).toBe(i.offer.agentId);
  }
  expect(offeredBy.size).toBe(snapshot.engine.interactions.filter((i) => i.offer).length);
}

describe('kill -9 durability', () => {
  it('keeps every acknowledged create and rebuilds the same queues and reservations after SIGKILL', async () => {
    const random = prng(seed);
    let server = await startServer();
    let admin = await login(server.url, 'admin');
    // Long timers, no announcements: nothing changes on its own while the snapshots are compared.
    const settings = await api(server.url, 'PUT', `/api/queues/${general}/routing`, admin, {
      offerTimeoutSeconds: 600,
      wrapupSeconds: 600,
      announce: null,
    });
    expect(settings.status).toBe(204);

    const acknowledged = new Map<string, string>();
    // SMS, which the seats accept with a frame (a call is accepted only by answering it on the phone).
    const body = (key: string) => ({ channel: 'sms', queueId: general, attached: { key } });
    let created = 0;
    for (let round = 0; round < 2; round++) {
      const agents = await Promise.all(
        ['agent01', 'agent02', 'agent03', 'agent04', 'agent05', 'agent06'].map((u) =>
          busyAgent(server.url, u, random),
        ),
      );
      // Creates keep coming until the kill lands at a seeded moment, so some are cut mid-request.
      const killAt = Date.now() + 300 + Math.floor(random() * 1200);
      const dead = server.child.stop.bind(null);
      const inFlight: Promise<void>[] = [];
      let killed = false;
      const kill = new Promise<void>((resolve) =>
        setTimeout(() => {
          killed = true;
          void dead('SIGKILL').then(() => resolve());
        }, killAt - Date.now()),
      );
      for (let i = 0; i < 3000 && !killed; i++) {
        const key = `kill-${seed}-${created++}`;
        inFlight.push(
          api(server.url, 'POST', '/api/interactions', admin, body(key), { 'idempotency-key': key }).then(
            (r) => {
              if (r.status === 201 || r.status === 200) acknowledged.set(key, r.body['interaction'].id);
            },
            () => undefined, // killed mid-request: no acknowledgement, so no promise was made
          ),
        );
        // Bursts of three keep requests in flight when the kill lands.
        if (i % 3 === 2) await new Promise((r) => setTimeout(r, Math.floor(random() * 10)));
      }
      await kill;
      await Promise.all(inFlight);
      for (const socket of agents) socket.terminate();

      server = await startServer();
      admin = await login(server.url, 'admin');
      for (const [key, id] of acknowledged) {
        const retry = await api(server.url, 'POST', '/api/interactions', admin, body(key), {
          'idempotency-key': key,
        });
        expect(retry.status, key).toBe(200);
        expect(retry.body['interaction'].id, key).toBe(id);
      }
      checkOffers((await api(server.url, 'GET', '/api/admin/routing/snapshot', admin)).body as Snapshot);
    }
    expect(acknowledged.size).toBeGreaterThan(10);

    // Quiet moment: snapshot, kill -9, restart, snapshot again: identical queues and reservations.
    const before = (await api(server.url, 'GET', '/api/admin/routing/snapshot', admin)).body as Snapshot;
    await server.child.stop('SIGKILL');
    server = await startServer();
    admin = await login(server.url, 'admin');
    const after = (await api(server.url, 'GET', '/api/admin/routing/snapshot', admin)).body as Snapshot;
    expect(after).toEqual(before);
    // The kill landed with work at every stage, or the comparison would prove little.
    expect(new Set(after.engine.interactions.map((i) => i.state)).size).toBeGreaterThan(1);
    checkOffers(after);
    // A seat that reconnects after the restart is handed its offer and held work again.
    const agent = after.engine.agents.find((a) => a.work.length > 0);
    expect(agent).toBeDefined();
    expect(await resumedWork(server.url, `agent${agent!.id.slice(-2)}`)).toEqual(
      agent!.work.map(([id]) => id).sort(),
    );
    await server.child.stop('SIGTERM');
  }, 240_000);
});
