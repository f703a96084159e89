import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { percentile, round } from './stats';

// The load generator of the end-to-end routing benchmark: N agent seats on real WebSockets that
// accept, end and wrap up whatever they are offered, and a channel adapter creating interactions
// over HTTP. Offer latency is measured in this process only (create sent -> offer frame received),
// so the two processes' clocks never meet.

/** What the load generator needs to know about the server. */
export interface EndToEndTarget {
  port: number;
  queueId: string;
  adminToken: string;
  agentTokens: string[];
}

/** Figures of one paced phase. */
export interface PacedResult {
  targetPerSecond: number;
  createdPerSecond: number;
  createErrors: number;
}

/** Offer latencies of every interaction created since the last paced phase began. */
export interface LatencyResult {
  offers: number;
  offerLatencyP50Ms: number;
  offerLatencyP99Ms: number;
  offerLatencyMaxMs: number;
}

/** Figures of the saturated phase. */
export interface SaturatedResult {
  inFlightCreates: number;
  interactionsRoutedPerSecond: number;
  interactionsCompletedPerSecond: number;
  /** WebSocket frames the server sent to the seats, per second. */
  serverFramesPerSecond: number;
  /** Frames the seats sent to the server (setState, accept, end, wrap-up), per second. */
  seatFramesPerSecond: number;
  createErrors: number;
}

/** The running load: seats connected and a create function. */
export interface Load {
  paced(ratePerSecond: number, durationMs: number): Promise<PacedResult>;
  saturated(inFlight: number, durationMs: number): Promise<SaturatedResult>;
  /** Latencies of the last paced phase, including offers that arrived after it (call after `drain`). */
  latency(): LatencyResult;
  /** Waits (up to `timeoutMs`) until every interaction created so far has been offered. */
  drain(timeoutMs: number): Promise<boolean>;
  /** Frames refused by the server (error frames), which should stay 0. */
  errorFrames(): number;
  close(): void;
}

/** Connects every agent seat, sets them ready and returns the load driver. */
export async function startLoad(target: EndToEndTarget): Promise<Load> {
  const seats: WebSocket[] = [];
  const sentAt = new Map<string, number>();
  let samples: number[] = [];
  let offers = 0;
  let completed = 0;
  let serverFrames = 0;
  let seatFrames = 0;
  let errors = 0;
  let readyCount = 0;
  let ids = 0;

  const onFrame = (socket: WebSocket, text: string) => {
    serverFrames++;
    const frame = JSON.parse(text) as {
      type: string;
      interaction?: { id: string; state: string; attached: { k?: string } };
      status?: { state: string };
    };
    const send = (body: Record<string, unknown>) => {
      seatFrames++;
      socket.send(JSON.stringify({ ...body, id: String(++ids) }));
    };
    switch (frame.type) {
      case 'hello':
        send({ type: 'agent.setState', state: 'ready' });
        break;
      case 'agent.state':
        if (frame.status?.state === 'ready') readyCount++;
        break;
      case 'interaction.offer': {
        offers++;
        const key = frame.interaction!.attached.k;
        const started = key === undefined ? undefined : sentAt.get(key);
        if (started !== undefined) {
          samples.push(performance.now() - started);
          sentAt.delete(key!);
        }
        send({ type: 'interaction.accept', interactionId: frame.interaction!.id });
        break;
      }
      case 'interaction.update':
        if (frame.interaction!.state === 'active')
          send({ type: 'interaction.end', interactionId: frame.interaction!.id });
        else if (frame.interaction!.state === 'wrapup')
          send({ type: 'interaction.wrapup', interactionId: frame.interaction!.id, disposition: 'done' });
        else if (frame.interaction!.state === 'ended') completed++;
        break;
      case 'error':
        errors++;
        break;
      default:
        break;
    }
  };

  // Open the seats in batches; each greets, then the seat asks to be ready.
  for (let i = 0; i < target.agentTokens.length; i += 100) {
    const opened = await Promise.all(
      target.agentTokens.slice(i, i + 100).map((token) => {
        // The listener goes on before `open`: the server greets at once, and a lost hello is a lost seat.
        const socket = new WebSocket(`ws://127.0.0.1:${target.port}/ws?token=${encodeURIComponent(token)}`, {
          perMessageDeflate: false,
        });
        socket.on('message', (data) => onFrame(socket, String(data)));
        return new Promise<WebSocket>(
          (resolve, reject) => (socket.once('open', () => resolve(socket)), socket.once('error', reject)),
        );
      }),
    );
    seats.push(...opened);
  }
  const readyBy = Date.now() + 30_000;
  while (readyCount < seats.length && Date.now() < readyBy) await new Promise((r) => setTimeout(r, 20));
  if (readyCount < seats.length) throw new Error(`only ${readyCount} of ${seats.length} agents became ready`);

  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let keyCounter = 0;
  let createErrors = 0;
  const create = () =>
    new Promise<void>((resolve) => {
      const k = `b${++keyCounter}`;
      // SMS, which a seat accepts with a frame (a call is accepted only by answering it on the phone);
      // the bench agents take one at a time, as they would a call.
      const body = JSON.stringify({ channel: 'sms', queueId: target.queueId, attached: { k } });
      sentAt.set(k, performance.now());
      const req = request(
        {
          host: '127.0.0.1',
          port: target.port,
          method: 'POST',
          path: '/api/interactions',
          agent,
          headers: {
            authorization: `Bearer ${target.adminToken}`,
            'content-type': 'application/json',
            'idempotency-key': `bench-key-${k}`,
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          if (res.statusCode !== 201) createErrors++;
          res.resume();
          res.on('end', () => resolve());
        },
      );
      req.on('error', () => {
        createErrors++;
        resolve();
      });
      req.end(body);
    });

  return {
    async paced(ratePerSecond, durationMs) {
      samples = [];
      const errorsBefore = createErrors;
      const started = performance.now();
      let sent = 0;
      const pending: Promise<void>[] = [];
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const elapsed = performance.now() - started;
          const due = Math.min(
            Math.floor((elapsed / 1000) * ratePerSecond),
            Math.floor((durationMs / 1000) * ratePerSecond),
          );
          while (sent < due) {
            pending.push(create());
            sent++;
          }
          if (elapsed >= durationMs) {
            clearInterval(timer);
            resolve();
          }
        }, 2);
      });
      await Promise.all(pending);
      return {
        targetPerSecond: ratePerSecond,
        createdPerSecond: Math.round(sent / (durationMs / 1000)),
        createErrors: createErrors - errorsBefore,
      };
    },

    async saturated(inFlight, durationMs) {
      const before = { offers, completed, serverFrames, seatFrames, createErrors };
      const started = performance.now();
      let running = true;
      const worker = async () => {
        while (running) await create();
      };
      const workers = Array.from({ length: inFlight }, worker);
      await new Promise((r) => setTimeout(r, durationMs));
      running = false;
      const seconds = (performance.now() - started) / 1000;
      const result = {
        inFlightCreates: inFlight,
        interactionsRoutedPerSecond: Math.round((offers - before.offers) / seconds),
        interactionsCompletedPerSecond: Math.round((completed - before.completed) / seconds),
        serverFramesPerSecond: Math.round((serverFrames - before.serverFrames) / seconds),
        seatFramesPerSecond: Math.round((seatFrames - before.seatFrames) / seconds),
        createErrors: createErrors - before.createErrors,
      };
      await Promise.all(workers);
      return result;
    },

    latency: () => ({
      offers: samples.length,
      offerLatencyP50Ms: round(percentile(samples, 50)),
      offerLatencyP99Ms: round(percentile(samples, 99)),
      offerLatencyMaxMs: round(percentile(samples, 100)),
    }),
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (sentAt.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return sentAt.size === 0;
    },
    errorFrames: () => errors,
    close() {
      for (const s of seats) s.terminate();
      agent.destroy();
    },
  };
}
