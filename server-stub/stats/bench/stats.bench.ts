// Benchmark of the statistics aggregator: how many events per second apply() takes for a large centre
// (1,000,000 events, 2,000 agents, 20 queues, one tenant), beside a floor measured in the same run —
// the same events counted by a plain loop of Map increments — and how long a snapshot takes.
// Run: npm run bench:stats (prints one JSON document). Event generation is outside the timings.
import { performance } from 'node:perf_hooks';
import { createStatsAggregator } from '../aggregator';
import type { StatsEvent } from '../events';

const totalEvents = Number(process.env.STATS_BENCH_EVENTS ?? 1_000_000);
const agents = 2000;
const queues = 20;
const blockSize = 100_000;
const tenantId = 'bench';
const dayStart = Date.parse('2026-01-12T00:00:00Z');
const start = dayStart + 7 * 3600_000;

/** Writes events `from`…`from + count` of a fixed, realistic flow into `out` (eight events per call). */
function generate(from: number, count: number, out: StatsEvent[]): void {
  out.length = 0;
  for (let n = from; n < from + count; n++) {
    const call = Math.floor(n / 8);
    const step = n % 8;
    // Spread the calls over ten hours of the day, so quarter hours roll over many times.
    const at = start + Math.floor((n * 36_000) / 1000);
    const interactionId = `i${call}`;
    const queueId = `q${call % queues}`;
    const agentId = `a${call % agents}`;
    const abandons = call % 10 === 9;
    if (abandons && step > 1) {
      out.push({ type: 'agent.state', at, tenantId, agentId, state: 'ready', reason: null });
      continue;
    }
    switch (step) {
      case 0:
        out.push({ type: 'interaction.queued', at, tenantId, interactionId, queueId, channel: 'voice' });
        break;
      case 1:
        out.push(
          abandons
            ? { type: 'interaction.abandoned', at, tenantId, interactionId, queueId }
            : { type: 'interaction.offered', at, tenantId, interactionId, queueId, agentId },
        );
        break;
      case 2:
        out.push({ type: 'interaction.answered', at, tenantId, interactionId, queueId, agentId });
        break;
      case 3:
        out.push({ type: 'agent.state', at, tenantId, agentId, state: 'busy', reason: null });
        break;
      case 4:
        out.push({ type: 'interaction.ended', at, tenantId, interactionId, queueId, agentId, wrapup: true });
        break;
      case 5:
        out.push({ type: 'agent.state', at, tenantId, agentId, state: 'wrapup', reason: null });
        break;
      case 6:
        out.push({ type: 'interaction.wrapupEnded', at, tenantId, interactionId, agentId });
        break;
      default:
        out.push({ type: 'agent.state', at, tenantId, agentId, state: 'ready', reason: null });
    }
  }
}

function timeBlocks(consume: (events: StatsEvent[]) => void): number {
  const block: StatsEvent[] = [];
  let ms = 0;
  for (let from = 0; from < totalEvents; from += blockSize) {
    generate(from, Math.min(blockSize, totalEvents - from), block);
    const t0 = performance.now();
    consume(block);
    ms += performance.now() - t0;
  }
  return ms;
}

// Floor: the least any counter could do per event — one Map increment per event and per queue/agent.
const floorCounts = new Map<string, number>();
const floorMs = timeBlocks((events) => {
  for (const event of events) {
    floorCounts.set(event.type, (floorCounts.get(event.type) ?? 0) + 1);
    const key = 'queueId' in event ? event.queueId : 'agentId' in event ? event.agentId : event.tenantId;
    floorCounts.set(key, (floorCounts.get(key) ?? 0) + 1);
  }
});

const stats = createStatsAggregator();
for (let q = 0; q < queues; q++) {
  stats.apply({
    type: 'queue.configured',
    at: start - 1,
    tenantId,
    queueId: `q${q}`,
    name: `Queue ${q}`,
    serviceLevelSeconds: 20,
  });
  const members = Array.from({ length: agents / queues }, (_, i) => `a${i * queues + q}`);
  stats.apply({ type: 'queue.members', at: start - 1, tenantId, queueId: `q${q}`, agentIds: members });
}
const applyMs = timeBlocks((events) => {
  for (const event of events) stats.apply(event);
});

const end = start + Math.floor((totalEvents * 36_000) / 1000);
const median = (runs: number, fn: () => void): number => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
};
const snapshot = stats.snapshot(tenantId, end);
const snapshotMs = median(21, () => stats.snapshot(tenantId, end));
const snapshotWithIntervalsMs = median(21, () => stats.snapshot(tenantId, end, { intervals: true }));
const handled = snapshot.queues.reduce((sum, q) => sum + q.today.handled, 0);

console.log(
  JSON.stringify(
    {
      benchmark: 'stats aggregator apply + snapshot',
      events: totalEvents,
      agents,
      queues,
      floor: {
        what: 'plain loop of Map counter increments',
        ms: round(floorMs),
        eventsPerSecond: perSecond(totalEvents, floorMs),
      },
      apply: {
        ms: round(applyMs),
        eventsPerSecond: perSecond(totalEvents, applyMs),
        timesFloor: round(applyMs / floorMs),
      },
      snapshot: { medianMs: round(snapshotMs), withIntervalsMedianMs: round(snapshotWithIntervalsMs) },
      check: {
        handledToday: handled,
        ignoredEvents: snapshot.ignoredEvents,
        agentsInSnapshot: snapshot.agents.length,
      },
    },
    null,
    2,
  ),
);

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}
