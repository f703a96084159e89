import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentStates } from '@contract/agent';
import { createStatsAggregator } from './aggregator';
import { sumCounters } from './day-windows';
import type { StatsEvent } from './events';
import type { WindowCounters } from './window-counters';

const dayStart = Date.parse('2026-01-12T00:00:00Z');
const interactionIds = ['i0', 'i1', 'i2', 'i3', 'i4', 'i5'];
const queueIds = ['q0', 'q1', 'q2'];
const agentIds = ['a0', 'a1', 'a2', 'a3'];

// Random commands over small pools of ids, so that most match a live interaction and some do not:
// the invariants must hold whatever order the feed brings.
const command = fc.record({
  kind: fc.constantFrom(
    'queued',
    'offered',
    'answered',
    'abandoned',
    'overflowed',
    'overflowedOut',
    'ended',
    'endedWrapup',
    'wrapupEnded',
    'agent',
    'members',
    'configure',
  ),
  stepMs: fc.integer({ min: 0, max: 120_000 }),
  interaction: fc.constantFrom(...interactionIds),
  queue: fc.constantFrom(...queueIds),
  other: fc.constantFrom(...queueIds),
  agent: fc.constantFrom(...agentIds),
  state: fc.constantFrom(...agentStates),
  members: fc.subarray(agentIds),
  sl: fc.integer({ min: 0, max: 60 }),
});
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

function toEvents(tenantId: string, commands: Command[], from: number): StatsEvent[] {
  let at = from;
  return commands.map((c): StatsEvent => {
    at += c.stepMs;
    const base = { at, tenantId, interactionId: c.interaction };
    switch (c.kind) {
      case 'queued':
        return { ...base, type: 'interaction.queued', queueId: c.queue, channel: 'voice' };
      case 'offered':
        return { ...base, type: 'interaction.offered', queueId: c.queue, agentId: c.agent };
      case 'answered':
        return { ...base, type: 'interaction.answered', queueId: c.queue, agentId: c.agent };
      case 'abandoned':
        return { ...base, type: 'interaction.abandoned', queueId: c.queue };
      case 'overflowed':
        return { ...base, type: 'interaction.overflowed', fromQueueId: c.queue, toQueueId: c.other };
      case 'overflowedOut':
        return { ...base, type: 'interaction.overflowed', fromQueueId: c.queue, toQueueId: null };
      case 'ended':
      case 'endedWrapup':
        return {
          ...base,
          type: 'interaction.ended',
          queueId: c.queue,
          agentId: c.agent,
          wrapup: c.kind === 'endedWrapup',
        };
      case 'wrapupEnded':
        return { ...base, type: 'interaction.wrapupEnded', agentId: c.agent };
      case 'agent':
        return { at, tenantId, type: 'agent.state', agentId: c.agent, state: c.state, reason: null };
      case 'members':
        return { at, tenantId, type: 'queue.members', queueId: c.queue, agentIds: c.members };
      case 'configure':
        return {
          at,
          tenantId,
          type: 'queue.configured',
          queueId: c.queue,
          name: c.queue,
          serviceLevelSeconds: c.sl,
        };
    }
  });
}

const counterFields = (c: WindowCounters) => ({ ...c });
// Eighty commands of at most two minutes each stay well inside the day that starts at 01:00.
const commands = fc.array(command, { maxLength: 80 });

describe('statistics invariants (property)', () => {
  it('today’s quarter hours add up to today, and every call that entered a queue is accounted for', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const stats = createStatsAggregator();
        const events = toEvents('acme', cmds, dayStart + 3600_000);
        for (const event of events) stats.apply(event);
        const end = (events.at(-1)?.at ?? dayStart) + 1000;
        const snapshot = stats.snapshot('acme', end, { intervals: true });

        let answered = 0;
        let handled = 0;
        for (const q of snapshot.queues) {
          const t = q.today;
          expect(counterFields(sumCounters(q.intervals ?? []))).toMatchObject(
            counterFields(sumCounters([t])),
          );
          expect(t.offered).toBe(t.answered + t.abandoned + t.overflowed + q.waiting);
          expect(t.answeredWithinSl).toBeLessThanOrEqual(t.answered);
          expect(t.abandonedWithinSl).toBeLessThanOrEqual(t.abandoned);
          expect(t.handled).toBeLessThanOrEqual(t.answered);
          for (const p of [t.serviceLevelPercent, t.serviceLevel2Percent, t.abandonRatePercent]) {
            if (p !== null) expect(p >= 0 && p <= 100).toBe(true);
          }
          expect(q.longestWaitMs).toBeGreaterThanOrEqual(0);
          answered += t.answered;
          handled += t.handled;
        }
        expect(snapshot.agents.reduce((sum, a) => sum + a.answeredToday, 0)).toBe(answered);
        expect(snapshot.agents.reduce((sum, a) => sum + a.handledToday, 0)).toBe(handled);
        const byState = Object.fromEntries(agentStates.map((s) => [s, 0]));
        for (const a of snapshot.agents) byState[a.state]! += 1;
        expect(snapshot.agentsByState).toEqual(byState);
      }),
      { numRuns: 300 },
    );
  });

  it('a queue’s agents-by-state counts match the states of exactly its last announced members', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const stats = createStatsAggregator();
        const events = toEvents('acme', cmds, dayStart + 3600_000);
        for (const event of events) stats.apply(event);
        const snapshot = stats.snapshot('acme', dayStart + 23 * 3600_000);
        const stateOf = new Map(snapshot.agents.map((a) => [a.agentId, a.state]));
        for (const q of snapshot.queues) {
          const last = events.filter((e) => e.type === 'queue.members' && e.queueId === q.queueId).at(-1);
          if (last?.type !== 'queue.members') {
            expect(q.agentsByState).toBeNull();
            continue;
          }
          const expected = Object.fromEntries(agentStates.map((s) => [s, 0]));
          for (const id of new Set(last.agentIds)) expected[stateOf.get(id) ?? 'logged_out']! += 1;
          expect(q.agentsByState).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('another tenant’s events, interleaved in any way, never change a tenant’s snapshot', () => {
    fc.assert(
      fc.property(commands, commands, fc.array(fc.boolean(), { maxLength: 160 }), (mine, theirs, picks) => {
        const alone = createStatsAggregator();
        const shared = createStatsAggregator();
        const a = toEvents('acme', mine, dayStart + 3600_000);
        const b = toEvents('globex', theirs, dayStart + 3600_000);
        for (const event of a) alone.apply(event);
        let i = 0;
        let j = 0;
        for (const pickA of picks) {
          if (pickA && i < a.length) shared.apply(a[i++]!);
          else if (j < b.length) shared.apply(b[j++]!);
        }
        while (i < a.length) shared.apply(a[i++]!);
        while (j < b.length) shared.apply(b[j++]!);
        const at = dayStart + 12 * 3600_000;
        expect(shared.snapshot('acme', at, { intervals: true })).toEqual(
          alone.snapshot('acme', at, { intervals: true }),
        );
      }),
      { numRuns: 100 },
    );
  });
});
