// Routing engine benchmark: 5,000 agents, 100 skills, 20,000 waiting interactions. Prints ONE JSON
// object. Speed is judged against a floor measured in the same run (plain Map work of the same
// count), because this machine is shared and noisy. Run: npm run bench:routing:engine
import { performance } from 'node:perf_hooks';
import type { RouterEventInput } from '../events';
import { createRouter, type Router } from '../router';

const agentCount = 5000;
const skillCount = 100;
const queueCount = 100;
const waitingTarget = 20_000;
const cycles = Number(process.env.BENCH_CYCLES ?? 40_000);
const start = 1_700_000_000_000;

/** A deterministic pseudo-random sequence, so every run routes the same centre. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

function must(router: Router, event: RouterEventInput) {
  const r = router.handle(event);
  if (!r.ok) throw new Error(`${event.type} refused: ${r.error.code} ${r.error.message}`);
  return r.decisions;
}

function centre(at: number): Router {
  const router = createRouter();
  const random = lcg(42);
  for (let s = 0; s < skillCount; s++) must(router, { type: 'skill_upsert', at, skillId: `s${s}` });
  must(router, { type: 'reason_codes_set', at, codes: ['break'] });
  for (let q = 0; q < queueCount; q++) {
    must(router, {
      type: 'queue_upsert',
      at,
      queue: {
        queueId: `q${q}`,
        rings: [
          { afterSeconds: 0, skills: [{ skillId: `s${q}`, minProficiency: 5 }] },
          { afterSeconds: 60, skills: [{ skillId: `s${q}`, minProficiency: 1 }] },
        ],
        wrapupSeconds: 0,
        offerTimeoutSeconds: 3600,
        announce: null,
      },
    });
  }
  for (let a = 0; a < agentCount; a++) {
    const skills: Record<string, number> = {};
    for (let k = 0; k < 5; k++) skills[`s${Math.floor(random() * skillCount)}`] = 1 + Math.floor(random() * 10);
    skills[`s${a % skillCount}`] = 10; // every queue has staff
    must(router, { type: 'agent_upsert', at, agent: { agentId: `a${a}`, skills } });
  }
  return router;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((x, y) => x - y);
  const total = samples.reduce((s, x) => s + x, 0);
  return {
    decisions: samples.length,
    decisionsPerSecond: Math.round(samples.length / (total / 1000)),
    meanMicros: +((total / samples.length) * 1000).toFixed(2),
    p50Micros: +(percentile(sorted, 0.5) * 1000).toFixed(2),
    p99Micros: +(percentile(sorted, 0.99) * 1000).toFixed(2),
  };
}

/** Agents freeing up while 20,000 interactions wait: each end picks the next interaction for that agent. */
function agentSide() {
  let at = start;
  const router = centre(at);
  let n = 0;
  const arrive = () =>
    must(router, { type: 'arrive', at, interactionId: `i${n}`, queueId: `q${n++ % queueCount}`, channel: 'voice', priority: { vip: n % 50 === 0, tier: n % 7 === 0 ? 'gold' : null, boosts: [] } });
  const t0 = performance.now();
  for (let k = 0; k < waitingTarget + agentCount; k++) {
    arrive();
    if (k % 100 === 0) at += 1;
  }
  const enqueueMs = performance.now() - t0;
  const holding = new Map<string, string>();
  for (let a = 0; a < agentCount; a++) {
    for (const d of must(router, { type: 'agent_state', at, agentId: `a${a}`, state: 'ready' })) if (d.type === 'offer') holding.set(d.agentId, d.interactionId);
  }
  for (const [agentId, interactionId] of holding) must(router, { type: 'accept', at, interactionId, agentId });
  const waitingBefore = router.queueView('q0', at)!.waiting;
  const samples: number[] = [];
  for (let c = 0; c < cycles; c++) {
    at += 1;
    const agentId = `a${c % agentCount}`;
    const current = holding.get(agentId);
    if (current === undefined) continue;
    const t = performance.now();
    const out = must(router, { type: 'end', at, interactionId: current });
    samples.push(performance.now() - t);
    holding.delete(agentId);
    for (const d of out) if (d.type === 'offer') {
      holding.set(d.agentId, d.interactionId);
      must(router, { type: 'accept', at, interactionId: d.interactionId, agentId: d.agentId });
    }
    arrive();
  }
  let waiting = 0;
  for (let q = 0; q < queueCount; q++) waiting += router.queueView(`q${q}`, at)!.waiting;
  return { ...summarise(samples), waitingAtEnd: waiting, waitingInQ0Before: waitingBefore, enqueuePerSecond: Math.round((waitingTarget + agentCount) / (enqueueMs / 1000)) };
}

/** Arrivals meeting ready agents: each arrival picks an agent by strategy among 5,000. */
function interactionSide() {
  const at = start;
  const router = centre(at);
  for (let a = 0; a < agentCount; a++) must(router, { type: 'agent_state', at, agentId: `a${a}`, state: 'ready' });
  const samples: number[] = [];
  for (let n = 0; n < agentCount * 3; n++) {
    const t = performance.now();
    const out = must(router, { type: 'arrive', at, interactionId: `c${n}`, queueId: `q${n % queueCount}`, channel: 'im' });
    samples.push(performance.now() - t);
    for (const d of out) if (d.type === 'offer') must(router, { type: 'accept', at, interactionId: d.interactionId, agentId: d.agentId });
  }
  return summarise(samples);
}

/** Same-run floor: the same count of plain Map writes and reads of small records, no routing at all. */
function floor(count: number) {
  const t = performance.now();
  const map = new Map<string, { id: string; at: number }>();
  let hits = 0;
  for (let k = 0; k < count; k++) map.set(`k${k}`, { id: `k${k}`, at: k });
  for (let k = 0; k < count; k++) if (map.get(`k${k}`)?.at === k) hits++;
  const ms = performance.now() - t;
  return { operations: count * 2, opsPerSecond: Math.round((count * 2) / (ms / 1000)), hits };
}

const agents = agentSide();
const arrivals = interactionSide();
const base = floor(cycles);
const heapUsedMB = +(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1);
console.log(
  JSON.stringify({
    bench: 'routing-engine',
    setup: { agents: agentCount, skills: skillCount, queues: queueCount, waiting: waitingTarget },
    agentFreesUp: agents,
    arrivalMeetsReadyAgents: arrivals,
    floor: base,
    // How many plain Map operations one routing decision costs: stable across fast and slow machines.
    decisionCostInMapOps: +(base.opsPerSecond / agents.decisionsPerSecond).toFixed(1),
    targetDecisionsPerSecond: 100_000,
    heapUsedMB,
  }),
);
