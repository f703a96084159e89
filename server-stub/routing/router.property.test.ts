import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../contract/agent';
import { capacityOf } from './capacity';
import type { Decision } from './decisions';
import type { RouterEventInput } from './events';
import { createRouter, type Router } from './router';
import type { RouterSnapshot } from './snapshot';

// Random days in a small centre: events are drawn as abstract commands and turned into concrete
// events against the current state, so most are meaningful and some are deliberately wrong.

const agents = ['a1', 'a2', 'a3', 'a4'];
const queues = ['sales', 'support', 'vip'];
const start = 1_700_000_000_000;

const setupEvents = (seedSkills: number[]): RouterEventInput[] => [
  { type: 'skill_upsert', at: start, skillId: 'billing' },
  { type: 'skill_upsert', at: start, skillId: 'french' },
  { type: 'reason_codes_set', at: start, codes: ['break', 'lunch'] },
  {
    type: 'queue_upsert',
    at: start,
    queue: { queueId: 'vip', strategy: 'most_skilled', offerTimeoutSeconds: 15, wrapupSeconds: 0 },
  },
  {
    type: 'queue_upsert',
    at: start,
    queue: {
      queueId: 'support',
      strategy: 'round_robin',
      rings: [
        { afterSeconds: 0, skills: [{ skillId: 'billing', minProficiency: 7 }] },
        { afterSeconds: 20, skills: [{ skillId: 'billing', minProficiency: 3 }] },
      ],
      overflow: { maxWaitSeconds: 90, target: { kind: 'queue', queueId: 'vip', raisePrioritySeconds: 30 } },
      preferredAgentSeconds: 10,
      wrapupSeconds: 15,
    },
  },
  {
    type: 'queue_upsert',
    at: start,
    queue: {
      queueId: 'sales',
      strategy: 'least_occupied',
      rings: [
        { afterSeconds: 0, skills: [{ skillId: 'french', minProficiency: 2 }] },
        { afterSeconds: 40, skills: [] },
      ],
      overflow: { maxLength: 4, maxWaitSeconds: 120, target: { kind: 'callback' } },
      announce: { thresholdSeconds: 5, minChangeSeconds: 5, intervalSeconds: 7 },
      wrapupSeconds: 10,
    },
  },
  ...agents.map((agentId, k): RouterEventInput => ({
    type: 'agent_upsert',
    at: start,
    agent: {
      agentId,
      skills: { billing: 1 + ((seedSkills[k] ?? 0) % 10), french: 1 + ((seedSkills[k + 4] ?? 0) % 10) },
      capacity: k === 0 ? { im: 1 } : {},
    },
  })),
];

const command = fc.record({
  kind: fc.constantFrom(
    'arrive',
    'arrive',
    'arrive',
    'state',
    'state',
    'accept',
    'accept',
    'accept',
    'reject',
    'end',
    'end',
    'wrapup',
    'cancel',
    'transfer',
    'consult',
    'call_start',
    'call_end',
    'tick',
    'tick',
    'bogus',
  ),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  dt: fc.oneof({ arbitrary: fc.nat(3000), weight: 4 }, { arbitrary: fc.nat(40_000), weight: 1 }),
});
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(items: T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

function toEvent(s: RouterSnapshot, cmd: Command, at: number, n: number): RouterEventInput {
  const live = s.interactions;
  const offered = live.filter((i) => i.state === 'offered');
  const active = live.filter((i) => i.state === 'active');
  switch (cmd.kind) {
    case 'arrive':
      return {
        type: 'arrive',
        at,
        interactionId: `i${n}`,
        idempotencyKey: cmd.c % 7 === 0 ? 'k-reused' : `k${n}`,
        queueId: pick(queues, cmd.a)!,
        channel: pick<Channel>(['voice', 'voice', 'im', 'email'], cmd.b)!,
        priority: { vip: cmd.c % 5 === 0, tier: cmd.c % 3 === 0 ? 'gold' : null, boosts: [] },
        preferredAgentId: cmd.c % 4 === 0 ? pick(agents, cmd.a) : null,
      };
    case 'state': {
      const state = pick(['ready', 'ready', 'not_ready', 'logged_out'] as const, cmd.b)!;
      return {
        type: 'agent_state',
        at,
        agentId: pick(agents, cmd.a)!,
        state,
        reason: state === 'not_ready' ? pick(['break', 'lunch'], cmd.c) : null,
      };
    }
    case 'accept':
    case 'reject': {
      const i = pick(offered, cmd.a) ?? pick(live, cmd.a);
      const agentId = cmd.c % 6 === 0 ? pick(agents, cmd.b)! : (i?.offer?.agentId ?? pick(agents, cmd.b)!);
      return { type: cmd.kind, at, interactionId: i?.id ?? 'none', agentId };
    }
    case 'end': {
      const i = pick(active, cmd.a) ?? pick(live, cmd.a);
      return { type: 'end', at, interactionId: i?.id ?? 'none' };
    }
    case 'wrapup': {
      const i =
        pick(
          live.filter((x) => x.state === 'wrapup'),
          cmd.a,
        ) ?? pick(live, cmd.a);
      return {
        type: 'wrapup_done',
        at,
        interactionId: i?.id ?? 'none',
        agentId: i?.agentId ?? 'a1',
        disposition: 'done',
      };
    }
    case 'cancel':
      return { type: 'cancel', at, interactionId: pick(live, cmd.a)?.id ?? 'none' };
    case 'transfer': {
      const i = pick(active, cmd.a);
      const to = cmd.c % 2 === 0 ? { queueId: pick(queues, cmd.b)! } : { agentId: pick(agents, cmd.b)! };
      return { type: 'transfer', at, interactionId: i?.id ?? 'none', agentId: i?.agentId ?? 'a1', to };
    }
    case 'consult': {
      // An attended transfer to a colleague on a consultation call (theirs, or a call id they are not on).
      // Only to ready colleagues: one not ready may take it too, which the offer invariants below do not
      // expect (router.test.ts covers that case).
      const i = pick(active, cmd.a);
      const target =
        pick(
          s.agents.filter((a) => a.presence === 'ready').map((a) => a.id),
          cmd.b,
        ) ?? 'ghost';
      const calls = s.agents.find((a) => a.id === target)?.calls ?? [];
      return {
        type: 'transfer',
        at,
        interactionId: i?.id ?? 'none',
        agentId: i?.agentId ?? 'a1',
        to: { agentId: target },
        consulted: true,
        callId: pick(calls, cmd.c) ?? `call${cmd.c % 5}`,
      };
    }
    case 'call_start':
      return {
        type: 'agent_call_start',
        at,
        agentId: cmd.c % 9 === 0 ? 'ghost' : pick(agents, cmd.a)!,
        callId: `call${cmd.b % 5}`,
      };
    case 'call_end': {
      const withCalls = s.agents.filter((a) => a.calls.length > 0);
      const agent = pick(withCalls, cmd.a);
      return {
        type: 'agent_call_end',
        at,
        agentId: agent?.id ?? pick(agents, cmd.a)!,
        callId: (agent && pick(agent.calls, cmd.b)) ?? `call${cmd.b % 5}`,
      };
    }
    case 'tick':
      return { type: 'tick', at };
    case 'bogus':
      return { type: 'accept', at, interactionId: `i${cmd.a}`, agentId: 'ghost' };
  }
  throw new Error(`unhandled ${String(cmd.kind)}`);
}

/** Invariants that must hold after every event. */
function checkState(s: RouterSnapshot, decisions: Decision[], before: RouterSnapshot): void {
  const byId = new Map(s.interactions.map((i) => [i.id, i]));
  const offeredTo = new Map<string, string>();
  for (const a of s.agents) {
    for (const c of channels)
      expect(a.load[c]).toBeLessThanOrEqual(capacityOf({ capacity: a.capacity }, undefined, c));
    if (a.offer) {
      // Never two live offers for one interaction, and the offer the agent holds is the interaction's offer.
      expect(offeredTo.has(a.offer.interactionId)).toBe(false);
      offeredTo.set(a.offer.interactionId, a.id);
      const i = byId.get(a.offer.interactionId);
      expect(i?.state).toBe('offered');
      expect(i?.offer?.offerId).toBe(a.offer.offerId);
      expect(a.presence).toBe('ready');
    }
    expect(a.work.length).toBe(channels.reduce((n, c) => n + a.load[c], 0));
    // On a call of its own an agent is talking: shown busy unless signed out or an offer rings.
    if (a.calls.length > 0 && a.presence !== 'logged_out' && a.offer === null)
      expect(a.shown.state).toBe('busy');
  }
  for (const i of s.interactions)
    if (i.state === 'offered') expect(offeredTo.get(i.id)).toBe(i.offer?.agentId);
  const beforeById = new Map(before.interactions.map((i) => [i.id, i]));
  const withdrawn = new Set(decisions.flatMap((d) => (d.type === 'offer_withdrawn' ? [d.offerId] : [])));
  for (const d of decisions) {
    if (d.type !== 'offer' || withdrawn.has(d.offerId)) continue;
    // Offered only to an agent that is ready, with room: a voice call alone, never next to a call.
    const agent = s.agents.find((a) => a.id === d.agentId)!;
    expect(agent.presence).toBe('ready');
    expect(agent.offer?.offerId).toBe(d.offerId);
    if (d.channel !== 'voice') expect(agent.load.voice).toBe(0);
    // An agent on a call of its own is never offered anything.
    expect(agent.calls).toEqual([]);
    // FIFO inside one queue and priority class: nobody of the same class who entered earlier, untouched, still waits.
    const x = byId.get(d.interactionId)!;
    const xBefore = beforeById.get(x.id);
    if (
      x.offerCount !== 1 ||
      x.visited.length > 0 ||
      !xBefore ||
      xBefore.preferredUntil !== null ||
      xBefore.state !== 'queued'
    )
      continue;
    for (const y of s.interactions) {
      if (
        y.state !== 'queued' ||
        y.queueId !== x.queueId ||
        y.offerCount > 0 ||
        y.visited.length > 0 ||
        y.preferredUntil !== null
      )
        continue;
      if (
        y.channel !== x.channel ||
        JSON.stringify(y.priority) !== JSON.stringify(x.priority) ||
        y.raiseMs !== x.raiseMs
      )
        continue;
      if (y.enteredQueueAt !== y.arrivedAt || x.enteredQueueAt !== x.arrivedAt) continue;
      expect(y.arrivedAt > x.arrivedAt || (y.arrivedAt === x.arrivedAt && y.seq > x.seq)).toBe(true);
    }
  }
}

function run(router: Router, events: RouterEventInput[]): Decision[] {
  return events.flatMap((e) => {
    const r = router.handle(e);
    if (!r.ok) throw new Error(`replayed event refused: ${r.error.code}`);
    return r.decisions;
  });
}

describe('routing invariants under random days', () => {
  it('keeps offers legal, one per interaction, FIFO per class, ends everything once, and replays to the same state', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(100), { minLength: 8, maxLength: 8 }),
        fc.array(command, { minLength: 40, maxLength: 150 }),
        (skills, commands) => {
          const router = createRouter();
          const accepted: RouterEventInput[] = setupEvents(skills);
          const decisions = run(router, accepted);
          let at = start;
          let n = 0;
          for (const cmd of commands) {
            at += cmd.dt;
            const before = router.snapshot();
            const event = toEvent(before, cmd, at, n++);
            const result = router.handle(event);
            if (!result.ok) {
              expect(router.snapshot()).toEqual(before);
              continue;
            }
            accepted.push(event);
            decisions.push(...result.decisions);
            checkState(router.snapshot(), result.decisions, before);
          }
          // Drain: every agent takes what it holds to the end, and time runs out for the rest.
          for (let round = 0; round < 200 && router.snapshot().interactions.length > 0; round++) {
            at += 5000;
            // The server ticks before any event once a deadline is due; so does this drain.
            const tick = router.handle({ type: 'tick', at });
            if (tick.ok) decisions.push(...tick.decisions);
            accepted.push({ type: 'tick', at });
            const s = router.snapshot();
            const i = s.interactions[0];
            if (!i) break;
            const agentId = i.offer?.agentId ?? i.agentId ?? 'a1';
            const step: RouterEventInput =
              i.state === 'queued' || i.state === 'offered'
                ? { type: 'cancel', at, interactionId: i.id }
                : i.state === 'active'
                  ? { type: 'end', at, interactionId: i.id }
                  : { type: 'wrapup_done', at, interactionId: i.id, agentId, disposition: 'done' };
            const result = router.handle(step);
            expect(result.ok).toBe(true);
            if (result.ok) decisions.push(...result.decisions);
            accepted.push(step);
          }
          const final = router.snapshot();
          expect(final.interactions).toEqual([]);
          // Every interaction that arrived ends in exactly one terminal state.
          const terminal = new Map<string, number>();
          for (const d of decisions) {
            if (
              d.type === 'interaction_state' &&
              ['ended', 'abandoned', 'released', 'callback'].includes(d.state)
            ) {
              terminal.set(d.interactionId, (terminal.get(d.interactionId) ?? 0) + 1);
            }
          }
          const arrived = accepted.flatMap((e) => (e.type === 'arrive' ? [e.interactionId] : []));
          expect([...terminal.keys()].sort()).toEqual([...arrived].sort());
          expect([...terminal.values()].every((c) => c === 1)).toBe(true);
          // A restart replays the accepted events into a fresh engine: same decisions, same state.
          const replica = createRouter();
          expect(run(replica, accepted)).toEqual(decisions);
          expect(replica.snapshot()).toEqual(final);
        },
      ),
      { numRuns: 80 },
    );
    // Generous: the machine is shared and slow; this bounds a hang, it does not measure speed.
  }, 120_000);
});
