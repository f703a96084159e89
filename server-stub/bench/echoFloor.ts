import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { percentile, round } from './stats';

/** The raw WebSocket floor measured in the same run as the routing figures. */
export interface EchoFloor {
  connections: number;
  payloadBytes: number;
  /** Round trip at the paced rate, like offers at the target interactions per second. */
  pacedRatePerSecond: number;
  roundTripP50Ms: number;
  roundTripP99Ms: number;
  /** Messages echoed per second with every connection keeping `window` messages in flight. */
  throughputMessagesPerSecond: number;
}

/** Opens `count` sockets to `url` and resolves when all are open. */
export async function openSockets(url: string, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  // Open in batches so the listener's backlog is not overrun on a small machine.
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from(
      { length: Math.min(100, count - i) },
      () => new WebSocket(url, { perMessageDeflate: false }),
    );
    await Promise.all(
      batch.map(
        (s) =>
          new Promise<void>((resolve, reject) => (s.once('open', () => resolve()), s.once('error', reject))),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Measures paced round trips then saturated throughput against an echo server at `url`. */
export async function measureEchoFloor(options: {
  url: string;
  connections: number;
  payloadBytes: number;
  ratePerSecond: number;
  pacedMs: number;
  saturatedMs: number;
  window: number;
}): Promise<EchoFloor> {
  const sockets = await openSockets(options.url, options.connections);
  const filler = 'x'.repeat(Math.max(0, options.payloadBytes - 40));
  const sentAt = new Map<number, number>();
  const samples: number[] = [];
  let received = 0;
  let saturated = false;
  let seq = 0;
  const send = (socket: WebSocket) => {
    const id = seq++;
    sentAt.set(id, performance.now());
    socket.send(JSON.stringify({ id, filler }));
  };
  for (const socket of sockets) {
    socket.on('message', (data) => {
      const { id } = JSON.parse(data.toString()) as { id: number };
      const started = sentAt.get(id);
      sentAt.delete(id);
      received++;
      if (saturated) send(socket);
      else if (started !== undefined) samples.push(performance.now() - started);
    });
  }

  // Paced: one message every 1/rate seconds, spread over the sockets, like offers to agents.
  const pacedEnd = performance.now() + options.pacedMs;
  let next = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.floor(
        ((performance.now() - (pacedEnd - options.pacedMs)) / 1000) * options.ratePerSecond,
      );
      while (next < due) send(sockets[next++ % sockets.length]!);
      if (performance.now() >= pacedEnd) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  await new Promise((r) => setTimeout(r, 200));

  // Saturated: each socket keeps `window` messages in flight; count what comes back.
  saturated = true;
  received = 0;
  const started = performance.now();
  for (const socket of sockets) for (let w = 0; w < options.window; w++) send(socket);
  await new Promise((r) => setTimeout(r, options.saturatedMs));
  const elapsed = (performance.now() - started) / 1000;
  const throughput = received / elapsed;
  saturated = false;
  for (const socket of sockets) socket.terminate();

  return {
    connections: options.connections,
    payloadBytes: options.payloadBytes,
    pacedRatePerSecond: options.ratePerSecond,
    roundTripP50Ms: round(percentile(samples, 50)),
    roundTripP99Ms: round(percentile(samples, 99)),
    throughputMessagesPerSecond: Math.round(throughput),
  };
}
