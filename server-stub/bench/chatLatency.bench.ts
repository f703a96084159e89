// `npm run bench:chat`: web chat message latency, customer → agent, through a real Seat server in
// its own process (this file run with --server), with a real customer chat socket and a real agent
// seat socket that went through the whole patent flow (queue, notice + token, join, accept). Beside
// it, the floor: a raw `ws` echo round trip in the same run. Prints one JSON document.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { StartChatResponse, WebchatServerFrame } from '@contract/webchat';
import type { ServerMessage } from '@contract/ws';
import { createSeatServer } from '../app';
import { openSqliteStore } from '../store/database';
import { openFrameClient } from '../channels/webchat/testClients';
import { startChild } from './childProcess';
import { percentile, round } from './stats';

const messages = Number(process.env['SEAT_BENCH_CHAT_MESSAGES'] ?? 1500);
const warmup = 100;
const here = fileURLToPath(import.meta.url);

async function runServer(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seat-chat-bench-'));
  const server = await createSeatServer({
    dataDir,
    port: 0,
    logLevel: 'silent',
    scrypt: { N: 1024, r: 8, p: 1 },
    heartbeatMs: 60_000,
    // The benchmark measures the path, not the limits people get: lift the per-chat rate limit.
    webchat: { customerBurst: 100_000, customerPerSecond: 100_000 },
  });
  const { port } = await server.listen();
  process.stdout.write(`CHAT BENCH READY ${port}\n`);
  process.on('SIGTERM', () => {
    void server.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

const summary = (samples: number[]) => ({
  p50Ms: round(percentile(samples, 50)),
  p99Ms: round(percentile(samples, 99)),
  n: samples.length,
});

/** Sequential single-row commits with the store's pragmas (WAL, synchronous FULL): the floor of "stored before relayed". */
function durableWriteFloor(count: number): { p50Ms: number; p99Ms: number; n: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'seat-chat-bench-fsync-'));
  const store = openSqliteStore(dir);
  try {
    store.sqlite.exec('CREATE TABLE bench (seq INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const insert = store.sqlite.prepare('INSERT INTO bench (seq, text) VALUES (?, ?)');
    const samples: number[] = [];
    for (let i = 0; i < count + warmup; i++) {
      const started = performance.now();
      insert.run(i, `bench message ${i} with some ordinary text`);
      if (i >= warmup) samples.push(performance.now() - started);
    }
    return summary(samples);
  } finally {
    store.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sequential round trips on a raw echo socket: the floor of any WebSocket message. */
async function echoFloor(count: number): Promise<{ p50Ms: number; p99Ms: number; n: number }> {
  const echo = await startChild(
    process.execPath,
    ['--import', 'tsx', path.join(path.dirname(here), 'echoServer.ts')],
    /echo listening on (\d+)/,
  );
  try {
    const socket = new WebSocket(`ws://127.0.0.1:${echo.match[1]}`, { perMessageDeflate: false });
    await new Promise<void>(
      (resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)),
    );
    const samples: number[] = [];
    const payload = JSON.stringify({ type: 'message', clientId: 'x'.repeat(12), text: 'y'.repeat(40) });
    for (let i = 0; i < count + warmup; i++) {
      const started = performance.now();
      await new Promise<void>((resolve) => {
        socket.once('message', () => resolve());
        socket.send(payload);
      });
      if (i >= warmup) samples.push(performance.now() - started);
    }
    socket.close();
    return summary(samples);
  } finally {
    await echo.stop();
  }
}

async function runClient(): Promise<void> {
  const server = await startChild(
    process.execPath,
    ['--import', 'tsx', here, '--server'],
    /CHAT BENCH READY (\d+)/,
    { timeoutMs: 60_000 },
  );
  try {
    const base = `http://127.0.0.1:${server.match[1]}`;
    const wsBase = base.replace(/^http/, 'ws');
    const login = (await (
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'agent21', password: 'seat-demo' }),
      })
    ).json()) as { token: string };
    const seat = await openFrameClient<ServerMessage>(`${wsBase}/ws?token=${login.token}`);
    seat.send({ type: 'agent.setState', id: 'ready', state: 'ready' });
    await seat.waitFor('ready', (f) => f.type === 'ack' && f.id === 'ready');

    const started = await fetch(`${base}/webchat/chats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: 'demo',
        name: 'Bench',
        contact: 'bench@example.com',
        topic: 'demo-queue-billing',
      }),
    });
    const chat = (await started.json()) as StartChatResponse;
    const page = await openFrameClient<WebchatServerFrame>(
      `${wsBase}/webchat/ws?chatId=${chat.chatId}&key=${chat.chatKey}`,
    );
    const assigned = await page.waitFor('assigned', (f) => f.type === 'assigned', 0, 15_000);
    if (assigned.type !== 'assigned') throw new Error('no queuing result');
    page.send({ type: 'join', token: assigned.token });
    await seat.waitFor('join', (f) => f.type === 'chat.join', 0, 15_000);
    seat.send({
      type: 'chat.accept',
      id: 'accept',
      interactionId: chat.interactionId,
      token: assigned.token,
    });
    await page.waitFor('active', (f) => f.type === 'active', 0, 15_000);

    // One message in flight at a time: latency without queueing behind earlier messages.
    const samples: number[] = [];
    // When the page heard "stored" (the server committed it): splits server time from relay time.
    const storedSamples: number[] = [];
    const storedAt = new Map<string, number>();
    page.socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as WebchatServerFrame;
      if (frame.type === 'stored') storedAt.set(frame.clientId, performance.now());
    });
    for (let i = 0; i < messages + warmup; i++) {
      const clientId = `m${i}`;
      const sentAt = performance.now();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`message ${i} never reached the seat`)), 10_000);
        const onMessage = (data: WebSocket.RawData) => {
          const frame = JSON.parse(String(data)) as ServerMessage;
          if (frame.type === 'chat.message' && frame.message.clientId === clientId) {
            clearTimeout(timer);
            seat.socket.off('message', onMessage);
            resolve();
          }
        };
        seat.socket.on('message', onMessage);
        page.send({ type: 'message', clientId, text: `bench message ${i} with some ordinary text` });
      });
      if (i >= warmup) samples.push(performance.now() - sentAt);
      if (i >= warmup) {
        const stored = storedAt.get(clientId);
        if (stored !== undefined) storedSamples.push(stored - sentAt);
      }
      storedAt.delete(clientId);
      // The stored frames for the page pile up in its record otherwise.
      page.frames.length = 0;
      seat.frames.length = 0;
    }
    await page.close();
    await seat.close();
    const floor = await echoFloor(messages);
    const write = durableWriteFloor(messages);
    process.stdout.write(
      `${JSON.stringify(
        {
          chatLatency: summary(samples),
          storedAckToCustomer: summary(storedSamples),
          floor: { rawWsRoundTrip: floor, durableSqliteCommit: write },
          note: 'each chat message is committed (WAL, synchronous FULL) before it is relayed; durableSqliteCommit is that cost alone on this disk',
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await server.stop();
  }
}

if (process.argv.includes('--server')) await runServer();
else await runClient();
