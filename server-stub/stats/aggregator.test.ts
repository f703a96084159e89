import { describe, expect, it } from 'vitest';
import { createStatsAggregator, type QueueFigures, type StatsSnapshot } from './aggregator';
import { eventsFor, s } from './test-support';

const nine = Date.UTC(2026, 0, 12, 9, 0, 0); // a Monday, 09:00 UTC
const t = (seconds: number) => nine + s(seconds);

const queueIn = (snapshot: StatsSnapshot, queueId: string): QueueFigures => {
  const queue = snapshot.queues.find((q) => q.queueId === queueId);
  if (!queue) throw new Error(`no queue ${queueId} in snapshot`);
  return queue;
};

/** Ten calls with known waits on a 20 s threshold (times in seconds after 09:00). */
function tenCalls() {
  const stats = createStatsAggregator();
  const e = eventsFor('acme');
  const events = [
    e.configure(t(-60), 'sales', 20, 'Sales'),
    e.queued(t(0), 'c1', 'sales'),
    e.offered(t(1), 'c1', 'sales', 'a1'),
    e.answered(t(5), 'c1', 'sales', 'a1'), // wait 5: in SL
    e.queued(t(10), 'c2', 'sales'),
    e.queued(t(20), 'c3', 'sales'),
    e.answered(t(30), 'c2', 'sales', 'a2'), // wait 20: in SL (threshold inclusive, as Asterisk's <=)
    e.queued(t(30), 'c4', 'sales'),
    e.queued(t(40), 'c5', 'sales'),
    e.answered(t(41), 'c3', 'sales', 'a3'), // wait 21: not in SL
    e.abandoned(t(50), 'c5', 'sales'), // waited 10: abandoned in SL
    e.queued(t(50), 'c6', 'sales'),
    e.ended(t(50), 'c2', 'sales', 'a2'), // talk 20, no wrap-up
    e.queued(t(60), 'c7', 'sales'),
    e.ended(t(65), 'c1', 'sales', 'a1', true), // talk 60, then wrap-up
    e.answered(t(70), 'c7', 'sales', 'a2'), // wait 10: in SL
    e.queued(t(70), 'c8', 'sales'),
    e.wrapupEnded(t(75), 'c1', 'a1'), // wrap-up 10: handle 70
    e.queued(t(80), 'c9', 'sales'),
    e.answered(t(90), 'c4', 'sales', 'a1'), // wait 60: not in SL
    e.queued(t(90), 'c10', 'sales'),
    e.answered(t(95), 'c9', 'sales', 'a4'), // wait 15: in SL
    e.abandoned(t(95), 'c8', 'sales'), // waited 25: abandoned after SL
    e.abandoned(t(100), 'c6', 'sales'), // waited 50: abandoned after SL
  ];
  for (const event of events) stats.apply(event);
  return stats;
}

describe('createStatsAggregator', () => {
  it('computes every queue figure for ten hand-timed calls on a 20 s threshold', () => {
    const queue = queueIn(tenCalls().snapshot('acme', t(120)), 'sales');
    expect(queue.name).toBe('Sales');
    expect(queue.waiting).toBe(1);
    expect(queue.oldestQueuedAt).toBe(t(90));
    expect(queue.longestWaitMs).toBe(s(30));
    const today = queue.today;
    expect(today).toMatchObject({
      offered: 10,
      answered: 6,
      answeredWithinSl: 4,
      abandoned: 3,
      abandonedWithinSl: 1,
      overflowed: 0,
      handled: 2,
      longestAnswerWaitMs: s(60),
    });
    expect(today.serviceLevelPercent).toBeCloseTo((100 * 4) / 6, 10); // SL = 4 / 6
    expect(today.serviceLevel2Percent).toBeCloseTo((100 * 5) / 9, 10); // SL2 = (4 + 1) / (6 + 3)
    expect(today.abandonRatePercent).toBeCloseTo((100 * 3) / 9, 10);
    expect(today.averageSpeedOfAnswerMs).toBeCloseTo(s(5 + 20 + 21 + 60 + 10 + 15) / 6, 6);
    expect(today.averageHandleMs).toBe(s((70 + 20) / 2));
    expect(today.averageTalkMs).toBe(s((60 + 20) / 2));
    expect(today.averageWrapupMs).toBe(s(10 / 2));
    expect(queue.currentInterval).toMatchObject({
      start: nine,
      end: nine + s(900),
      offered: 10,
      answered: 6,
    });
  });

  it('counts an answer exactly at the threshold as within service level and one a millisecond later as not', () => {
    const stats = createStatsAggregator();
    const e = eventsFor('acme');
    stats.apply(e.configure(nine, 'q', 20));
    stats.apply(e.queued(t(0), 'on-time', 'q'));
    stats.apply(e.queued(t(0), 'late', 'q'));
    stats.apply(e.answered(t(20), 'on-time', 'q', 'a1'));
    stats.apply(e.answered(t(20) + 1, 'late', 'q', 'a2'));
    const today = queueIn(stats.snapshot('acme', t(30)), 'q').today;
    expect(today.answeredWithinSl).toBe(1);
    expect(today.serviceLevelPercent).toBe(50);
  });

  it('counts an abandon within the threshold as met in SL2 and leaves SL to answered calls only', () => {
    const stats = createStatsAggregator();
    const e = eventsFor('acme');
    stats.apply(e.configure(nine, 'q', 30));
    stats.apply(e.queued(t(0), 'quick-hangup', 'q'));
    stats.apply(e.queued(t(0), 'answered-late', 'q'));
    stats.apply(e.abandoned(t(10), 'quick-hangup', 'q'));
    stats.apply(e.answered(t(40), 'answered-late', 'q', 'a1'));
    const today = queueIn(stats.snapshot('acme', t(60)), 'q').today;
    expect(today.serviceLevelPercent).toBe(0);
    expect(today.serviceLevel2Percent).toBe(50);
  });

  it('reports no service level or averages (null, not 0 %) before anything was answered or abandoned', () => {
    const stats = createStatsAggregator();
    const e = eventsFor('acme');
    stats.apply(e.queued(t(0), 'c1', 'q'));
    const today = queueIn(stats.snapshot('acme', t(5)), 'q').today;
    expect(today.offered).toBe(1);
    expect(today.serviceLevelPercent).toBeNull();
    expect(today.serviceLevel2Percent).toBeNull();
    expect(today.averageSpeedOfAnswerMs).toBeNull();
    expect(today.averageHandleMs).toBeNull();
  });

  it('uses the default threshold of 20 s for a queue not configured yet, and the new one once configured', () => {
    const stats = createStatsAggregator();
    const e = eventsFor('acme');
    stats.apply(e.queued(t(0), 'c1', 'q'));
    stats.apply(e.answered(t(25), 'c1', 'q', 'a1'));
    stats.apply(e.configure(t(26), 'q', 30));
    stats.apply(e.queued(t(30), 'c2', 'q'));
    stats.apply(e.answered(t(55), 'c2', 'q', 'a1'));
    const queue = queueIn(stats.snapshot('acme', t(60)), 'q');
    expect(queue.serviceLevelSeconds).toBe(30);
    expect(queue.today.answeredWithinSl).toBe(1);
  });

  it('measures the wait from entering the overflow queue and counts the overflow on the queue it left', () => {
    const stats = createStatsAggregator();
    const e = eventsFor('acme');
    stats.apply(e.configure(nine, 'first', 20));
    stats.apply(e.configure(nine, 'second', 20));
    stats.apply(e.queued(t(0), 'c1', 'first'));
    stats.apply(e.overflowed(t(60), 'c1', 'first', 'second'));
    stats.apply(e.answered(t(70), 'c1', 'second', 'a1'));
    stats.apply(e.queued(t(70), 'c2', 'first'));
    stats.apply(e.overflowed(t(80), 'c2', 'first', null));
    const snapshot = stats.snapshot('acme', t(90));
    expect(queueIn(snapshot, 'first').today).toMatchObject({ offered: 2, overflowed: 2, answered: 0 });
    expect(queueIn(snapshot, 'second').today).toMatchObject({ offered: 1, answered: 1, answeredWithinSl: 1 });
    expect(queueIn(snapshot, 'second').today.averageSpeedOfAnswerMs).toBe(s(10));
    expect(queueIn(snapshot, 'first').waiting).toBe(0);
  });

  it('keeps the original wait of a call put back at the head of its queue after an agent did not answer', () => {
    const stats = createStatsAggregator();
    const e = eventsFor('acme');
    stats.apply(e.queued(t(0), 'c1', 'q'));
    stats.apply(e.offered(t(5), 'c1', 'q', 'a1'));
    stats.apply(e.queued(t(20), 'c1', 'q'));
    stats.apply(e.offered(t(21), 'c1', 'q', 'a2'));
    stats.apply(e.answered(t(25), 'c1', 'q', 'a2'));
    const snapshot = stats.snapshot('acme', t(30));
    const queue = queueIn(snapshot, 'q');
    expect(queue.today).toMatchObject({ offered: 1, answered: 1, answeredWithinSl: 0 });
    expect(queue.today.averageSpeedOfAnswerMs).toBe(s(25));
    expect(snapshot.agents.find((a) => a.agentId === 'a1')).toMatchObject({
      offeredToday: 1,
      answeredToday: 0,
    });
    expect(snapshot.agents.find((a) => a.agentId === 'a2')).toMatchObject({
      offeredToday: 1,
      answeredToday: 1,
    });
  });

  it('ends the first agent’s handling when a call is transferred back into a queue', () => {
    const stats = createStatsAggregator();
    const e = eventsFor('acme');
    stats.apply(e.queued(t(0), 'c1', 'front'));
    stats.apply(e.answered(t(10), 'c1', 'front', 'a1'));
    stats.apply(e.queued(t(70), 'c1', 'back-office'));
    const snapshot = stats.snapshot('acme', t(80));
    expect(queueIn(snapshot, 'front').today).toMatchObject({ answered: 1, handled: 1, handleMs: s(60) });
    expect(queueIn(snapshot, 'back-office')).toMatchObject({ waiting: 1, longestWaitMs: s(10) });
  });

  it('counts an event that matches nothing as ignored and changes no figure', () => {
    const stats = createStatsAggregator();
    const e = eventsFor('acme');
    stats.apply(e.queued(t(0), 'c1', 'q'));
    const before = stats.snapshot('acme', t(10));
    stats.apply(e.answered(t(5), 'unknown', 'q', 'a1'));
    stats.apply(e.abandoned(t(6), 'c1', 'other-queue'));
    stats.apply(e.ended(t(7), 'c1', 'q', 'a1'));
    stats.apply(e.wrapupEnded(t(8), 'c1', 'a1'));
    const after = stats.snapshot('acme', t(10));
    expect(after.ignoredEvents).toBe(4);
    expect(queueIn(after, 'q').today).toEqual(queueIn(before, 'q').today);
    expect(queueIn(after, 'q').waiting).toBe(1);
  });

  it('shows a tenant only its own queues, agents and counts, even with the same ids as another tenant', () => {
    const stats = createStatsAggregator();
    const acme = eventsFor('acme');
    const globex = eventsFor('globex');
    stats.apply(acme.queued(t(0), 'c1', 'sales'));
    stats.apply(acme.answered(t(5), 'c1', 'sales', 'a1'));
    stats.apply(acme.agent(t(5), 'a1', 'busy'));
    stats.apply(globex.queued(t(1), 'c1', 'sales'));
    stats.apply(globex.queued(t(2), 'c2', 'support'));
    const a = stats.snapshot('acme', t(10));
    const g = stats.snapshot('globex', t(10));
    expect(a.queues.map((q) => q.queueId)).toEqual(['sales']);
    expect(queueIn(a, 'sales')).toMatchObject({ waiting: 0, today: { offered: 1, answered: 1 } });
    expect(g.queues.map((q) => q.queueId)).toEqual(['sales', 'support']);
    expect(queueIn(g, 'sales')).toMatchObject({ waiting: 1, today: { offered: 1, answered: 0 } });
    expect(g.agents).toEqual([]);
    expect(g.agentsByState.busy).toBe(0);
    expect(stats.snapshot('nobody', t(10))).toMatchObject({ queues: [], agents: [], ignoredEvents: 0 });
  });
});
