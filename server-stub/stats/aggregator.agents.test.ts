import { describe, expect, it } from 'vitest';
import { createStatsAggregator } from './aggregator';
import { eventsFor, s } from './test-support';

const nine = Date.parse('2026-01-12T09:00:00Z');
const t = (seconds: number) => nine + s(seconds);
const e = eventsFor('acme');

describe('agent figures', () => {
  it('gives each agent its state, reason, time in state, answered calls and average handle time today', () => {
    const stats = createStatsAggregator();
    stats.apply(e.agent(t(0), 'a1', 'ready'));
    stats.apply(e.queued(t(0), 'c1', 'q'));
    stats.apply(e.offered(t(1), 'c1', 'q', 'a1'));
    stats.apply(e.agent(t(1), 'a1', 'reserved'));
    stats.apply(e.answered(t(4), 'c1', 'q', 'a1'));
    stats.apply(e.agent(t(4), 'a1', 'busy'));
    stats.apply(e.ended(t(64), 'c1', 'q', 'a1', true));
    stats.apply(e.agent(t(64), 'a1', 'wrapup'));
    stats.apply(e.wrapupEnded(t(94), 'c1', 'a1'));
    stats.apply(e.agent(t(94), 'a1', 'not_ready', 'break'));
    const agent = stats.snapshot('acme', t(154)).agents[0]!;
    expect(agent).toMatchObject({
      agentId: 'a1',
      state: 'not_ready',
      reason: 'break',
      timeInStateMs: s(60),
      offeredToday: 1,
      answeredToday: 1,
      handledToday: 1,
      averageHandleMs: s(90),
    });
    expect(agent.stateMsToday).toMatchObject({
      ready: s(1),
      reserved: s(3),
      busy: s(60),
      wrapup: s(30),
      not_ready: s(60),
    });
    expect(agent.occupancyPercent).toBeCloseTo((100 * 90) / 94, 10);
  });

  it('counts agents by state for the tenant and, once members are known, for each queue', () => {
    const stats = createStatsAggregator();
    stats.apply(e.agent(t(0), 'a1', 'ready'));
    stats.apply(e.agent(t(0), 'a2', 'busy'));
    stats.apply(e.agent(t(0), 'a3', 'not_ready', 'lunch'));
    stats.apply(e.members(t(1), 'sales', ['a1', 'a2', 'a4']));
    stats.apply(e.queued(t(1), 'c1', 'support'));
    let snapshot = stats.snapshot('acme', t(2));
    expect(snapshot.agentsByState).toMatchObject({ ready: 1, busy: 1, not_ready: 1, logged_out: 1 });
    const sales = () => snapshot.queues.find((q) => q.queueId === 'sales')!;
    expect(sales().agentsByState).toMatchObject({ ready: 1, busy: 1, logged_out: 1, not_ready: 0 });
    expect(snapshot.queues.find((q) => q.queueId === 'support')!.agentsByState).toBeNull();

    stats.apply(e.agent(t(3), 'a4', 'ready'));
    stats.apply(e.agent(t(3), 'a3', 'ready'));
    stats.apply(e.members(t(4), 'sales', ['a1', 'a4']));
    stats.apply(e.agent(t(5), 'a2', 'ready'));
    snapshot = stats.snapshot('acme', t(6));
    expect(sales().agentsByState).toMatchObject({ ready: 2, busy: 0, logged_out: 0 });
    expect(snapshot.agentsByState).toMatchObject({ ready: 4, busy: 0, not_ready: 0, logged_out: 0 });
  });
});
