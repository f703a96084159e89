import { describe, expect, it } from 'vitest';
import { createStatsAggregator } from './aggregator';
import { eventsFor, s } from './test-support';

const e = eventsFor('acme');
const at = (iso: string) => Date.parse(iso);

describe('statistics windows', () => {
  it('rolls over to a new quarter hour exactly at the boundary and keeps the earlier ones of today', () => {
    const stats = createStatsAggregator();
    stats.apply(e.queued(at('2026-01-12T09:14:50Z'), 'c1', 'q'));
    stats.apply(e.answered(at('2026-01-12T09:14:59.999Z'), 'c1', 'q', 'a1'));
    stats.apply(e.queued(at('2026-01-12T09:15:00Z'), 'c2', 'q'));
    stats.apply(e.answered(at('2026-01-12T09:15:05Z'), 'c2', 'q', 'a1'));
    stats.apply(e.queued(at('2026-01-12T09:15:06Z'), 'c3', 'q'));
    stats.apply(e.answered(at('2026-01-12T09:16:00Z'), 'c3', 'q', 'a1'));

    const snapshot = stats.snapshot('acme', at('2026-01-12T09:20:00Z'), { intervals: true });
    const queue = snapshot.queues[0]!;
    expect(queue.currentInterval).toMatchObject({
      start: at('2026-01-12T09:15:00Z'),
      answered: 2,
      offered: 2,
    });
    const intervals = queue.intervals ?? [];
    expect(intervals).toHaveLength(4 * 9 + 2); // 00:00 … 09:15
    expect(intervals[0]!.start).toBe(at('2026-01-12T00:00:00Z'));
    expect(intervals.at(-2)).toMatchObject({ start: at('2026-01-12T09:00:00Z'), answered: 1, offered: 1 });
    expect(intervals.at(-1)).toMatchObject({ start: at('2026-01-12T09:15:00Z'), answered: 2 });
    expect(queue.today).toMatchObject({ offered: 3, answered: 3 });
  });

  it('shows an empty current quarter hour once time passes the boundary with no new event', () => {
    const stats = createStatsAggregator();
    stats.apply(e.queued(at('2026-01-12T09:10:00Z'), 'c1', 'q'));
    const later = stats.snapshot('acme', at('2026-01-12T09:31:00Z')).queues[0]!;
    expect(later.currentInterval).toMatchObject({ start: at('2026-01-12T09:30:00Z'), offered: 0 });
    expect(later.today.offered).toBe(1);
    expect(later.longestWaitMs).toBe(s(21 * 60));
  });

  it('starts a new day at local midnight: today resets, yesterday’s quarter hours are dropped, waiting calls stay', () => {
    const stats = createStatsAggregator();
    stats.apply(e.queued(at('2026-01-12T23:59:00Z'), 'c1', 'q'));
    stats.apply(e.answered(at('2026-01-12T23:59:30Z'), 'c1', 'q', 'a1'));
    stats.apply(e.queued(at('2026-01-12T23:59:50Z'), 'c2', 'q'));

    const justAfter = stats.snapshot('acme', at('2026-01-13T00:00:00Z'), { intervals: true }).queues[0]!;
    expect(justAfter.today).toMatchObject({ start: at('2026-01-13T00:00:00Z'), offered: 0, answered: 0 });
    expect(justAfter.intervals).toHaveLength(1);
    expect(justAfter.waiting).toBe(1);

    stats.apply(e.answered(at('2026-01-13T00:00:10Z'), 'c2', 'q', 'a1'));
    const next = stats.snapshot('acme', at('2026-01-13T00:01:00Z'), { intervals: true }).queues[0]!;
    // The call that arrived yesterday is answered today: it counts where its answer happens.
    expect(next.today).toMatchObject({ offered: 0, answered: 1, answeredWithinSl: 1 });
    expect(next.intervals?.map((i) => i.answered)).toEqual([1]);
  });

  it('ignores for the figures an event from a day already closed, but still follows the interaction', () => {
    const stats = createStatsAggregator();
    stats.apply(e.queued(at('2026-01-13T00:00:05Z'), 'c2', 'q'));
    stats.apply(e.queued(at('2026-01-12T23:59:59Z'), 'c1', 'q'));
    const queue = stats.snapshot('acme', at('2026-01-13T00:01:00Z')).queues[0]!;
    expect(queue.today.offered).toBe(1);
    expect(queue.waiting).toBe(2);
  });

  it('aligns days to each tenant’s own time zone, fixed offset or IANA name', () => {
    const zones: Record<string, string | { utcOffsetMinutes: number }> = {
      ny: 'America/New_York',
      mumbai: { utcOffsetMinutes: 330 },
    };
    const stats = createStatsAggregator({ timeZoneOf: (tenantId) => zones[tenantId] });
    // 03:00 UTC on 13 January is 22:00 on the 12th in New York and 08:30 on the 13th in Mumbai.
    const instant = at('2026-01-13T03:00:00Z');
    for (const tenant of ['ny', 'mumbai', 'utc']) stats.apply(eventsFor(tenant).queued(instant, 'c1', 'q'));
    expect(stats.snapshot('ny', instant).day).toEqual({
      start: at('2026-01-12T05:00:00Z'),
      end: at('2026-01-13T05:00:00Z'),
    });
    expect(stats.snapshot('ny', instant).timeZone).toBe('America/New_York');
    expect(stats.snapshot('mumbai', instant).day.start).toBe(at('2026-01-12T18:30:00Z'));
    expect(stats.snapshot('mumbai', instant).timeZone).toBe('UTC+05:30');
    expect(stats.snapshot('utc', instant).day.start).toBe(at('2026-01-13T00:00:00Z'));
    // New York's day ends at 05:00 UTC: the call counted on the 12th is not in the 13th's figures.
    expect(stats.snapshot('ny', at('2026-01-13T05:00:00Z')).queues[0]!.today.offered).toBe(0);
    expect(stats.snapshot('mumbai', at('2026-01-13T05:00:00Z')).queues[0]!.today.offered).toBe(1);
  });

  it('has 92 quarter hours on the day clocks spring forward and 100 on the day they fall back', () => {
    const stats = createStatsAggregator({ timeZone: 'America/New_York' });
    stats.apply(e.queued(at('2026-03-08T12:00:00Z'), 'c1', 'q'));
    const spring = stats.snapshot('acme', at('2026-03-09T03:59:00Z'), { intervals: true });
    expect(spring.day.end - spring.day.start).toBe(s(23 * 3600));
    expect(spring.queues[0]!.intervals).toHaveLength(92);
    const autumn = stats.snapshot('acme', at('2026-11-02T04:59:00Z'), { intervals: true });
    expect(autumn.day.end - autumn.day.start).toBe(s(25 * 3600));
    expect(autumn.queues[0]!.intervals).toHaveLength(100);
  });
});
