import { describe, expect, it } from 'vitest';
import { SeatError } from '@contract/errors';
import { wallboardSnapshotSchema } from '@contract/wallboard';
import { createStatsAggregator } from './aggregator';
import { eventsFor, s } from './test-support';
import { createWallboardHub, type WallboardFrame } from './wallboard-hub';
import type { StatsEvent } from './events';

const nine = Date.parse('2026-01-12T09:00:00Z');

function setup(minIntervalMs = 1000) {
  const stats = createStatsAggregator();
  const hub = createWallboardHub({ source: stats, minIntervalMs });
  const apply = (event: StatsEvent) => {
    stats.apply(event);
    hub.markChanged(event.tenantId);
  };
  const record = (tenantId: string) => {
    const frames: WallboardFrame[] = [];
    const dispose = hub.subscribe(tenantId, (frame) => frames.push(frame));
    return { frames, dispose };
  };
  return { stats, hub, apply, record };
}

describe('createWallboardHub', () => {
  it('sends a new wallboard one full frame of its tenant, valid against the contract, at the next flush', () => {
    const { hub, apply, record } = setup();
    const acme = eventsFor('acme');
    apply(acme.configure(nine, 'sales', 20, 'Sales'));
    apply(acme.queued(nine + s(1), 'c1', 'sales'));
    apply(acme.agent(nine, 'a1', 'ready'));
    const board = record('acme');
    expect(board.frames).toHaveLength(0);
    hub.flush(nine + s(2));
    expect(board.frames).toHaveLength(1);
    const frame = board.frames[0]!;
    expect(frame.kind).toBe('full');
    expect(frame.at).toBe('2026-01-12T09:00:02.000Z');
    expect(wallboardSnapshotSchema.safeParse(frame).success).toBe(true);
    expect(frame.queues[0]).toMatchObject({ queueId: 'sales', waiting: 1, longestWaitMs: s(1) });
    expect(frame.queues[0]!.intervals).toHaveLength(37);
    expect(frame.agents).toMatchObject([{ agentId: 'a1', state: 'ready' }]);
  });

  it('never sends one tenant’s figures to another tenant’s wallboard', () => {
    const { hub, apply, record } = setup();
    const acmeBoard = record('acme');
    const globexBoard = record('globex');
    hub.flush(nine);
    apply(eventsFor('acme').queued(nine + s(1), 'c1', 'secret-queue'));
    hub.flush(nine + s(5));
    expect(acmeBoard.frames.map((f) => f.kind)).toEqual(['full', 'delta']);
    expect(globexBoard.frames.map((f) => f.kind)).toEqual(['full']);
    expect(JSON.stringify(globexBoard.frames)).not.toContain('secret-queue');
    expect(globexBoard.frames.every((f) => f.tenantId === 'globex')).toBe(true);
  });

  it('sends at most one delta per interval while 2,000 agents change state many times', () => {
    const { hub, apply, record } = setup(1000);
    const acme = eventsFor('acme');
    const board = record('acme');
    hub.flush(nine);
    const states = ['ready', 'reserved', 'busy', 'wrapup'] as const;
    // 10 seconds of traffic: every 100 ms, 200 agents change state, and the server flushes each time.
    for (let tick = 1; tick <= 100; tick++) {
      const at = nine + tick * 100;
      for (let i = 0; i < 200; i++) {
        const agent = (tick * 200 + i) % 2000;
        apply(acme.agent(at, `a${agent}`, states[(tick + i) % states.length]!));
      }
      hub.flush(at);
    }
    const deltas = board.frames.filter((f) => f.kind === 'delta');
    expect(deltas).toHaveLength(10);
    for (let i = 1; i < deltas.length; i++)
      expect(deltas[i]!.atMs - deltas[i - 1]!.atMs).toBeGreaterThanOrEqual(1000);
  });

  it('puts in a delta only the queues and agents that changed since the last frame', () => {
    const { hub, apply, record } = setup();
    const acme = eventsFor('acme');
    apply(acme.queued(nine, 'c1', 'sales'));
    apply(acme.queued(nine, 'c2', 'support'));
    apply(acme.agent(nine, 'a1', 'ready'));
    apply(acme.agent(nine, 'a2', 'ready'));
    const board = record('acme');
    hub.flush(nine + s(1));
    apply(acme.answered(nine + s(2), 'c2', 'support', 'a2'));
    apply(acme.agent(nine + s(2), 'a2', 'busy'));
    hub.flush(nine + s(3));
    const delta = board.frames[1]!;
    expect(delta.kind).toBe('delta');
    expect(delta.queues.map((q) => q.queueId)).toEqual(['support']);
    expect(delta.agents.map((a) => a.agentId)).toEqual(['a2']);
    expect(delta.agentsByState).toMatchObject({ ready: 1, busy: 1 });
    expect(wallboardSnapshotSchema.safeParse(delta).success).toBe(true);
    hub.flush(nine + s(10));
    expect(board.frames).toHaveLength(2);
  });

  it('sends a delta when the quarter hour rolls over, even with no new event', () => {
    const { hub, apply, record } = setup();
    apply(eventsFor('acme').queued(nine + s(60), 'c1', 'sales'));
    const board = record('acme');
    hub.flush(nine + s(120));
    hub.flush(nine + s(899));
    expect(board.frames).toHaveLength(1);
    hub.flush(nine + s(900));
    expect(board.frames).toHaveLength(2);
    expect(board.frames[1]!.queues[0]!.currentInterval).toMatchObject({ start: nine + s(900), offered: 0 });
  });

  it('catches a new wallboard up with a full frame while older ones keep their throttled deltas', () => {
    const { hub, apply, record } = setup(1000);
    const acme = eventsFor('acme');
    const first = record('acme');
    hub.flush(nine);
    apply(acme.queued(nine + 100, 'c1', 'sales'));
    const second = record('acme');
    hub.flush(nine + 200);
    expect(second.frames.map((f) => f.kind)).toEqual(['full']);
    expect(second.frames[0]!.queues[0]!.waiting).toBe(1);
    hub.flush(nine + 1000);
    expect(first.frames.map((f) => f.kind)).toEqual(['full', 'delta']);
    expect(first.frames[1]!.queues[0]!.waiting).toBe(1);
  });

  it('stops sending after unsubscribe and forgets a tenant whose last wallboard left', () => {
    const { hub, apply, record } = setup();
    const board = record('acme');
    hub.flush(nine);
    board.dispose();
    apply(eventsFor('acme').queued(nine + s(1), 'c1', 'sales'));
    hub.flush(nine + s(5));
    expect(board.frames).toHaveLength(1);
    expect(hub.subscriberCount('acme')).toBe(0);
    board.dispose();
  });

  it('still delivers to the other wallboards when one listener throws, then reports the failure', () => {
    const { hub, record } = setup();
    hub.subscribe('acme', () => {
      throw new Error('socket closed');
    });
    const healthy = record('acme');
    expect(() => hub.flush(nine)).toThrow(AggregateError);
    expect(healthy.frames).toHaveLength(1);

    const seen: unknown[] = [];
    const stats = createStatsAggregator();
    const tolerant = createWallboardHub({
      source: stats,
      minIntervalMs: 500,
      onListenerError: (e) => seen.push(e),
    });
    tolerant.subscribe('acme', () => {
      throw new Error('socket closed');
    });
    expect(() => tolerant.flush(nine)).not.toThrow();
    expect(seen).toHaveLength(1);
  });

  it('rejects a bad interval or tenant id with VALIDATION_FAILED', () => {
    const stats = createStatsAggregator();
    expect(() => createWallboardHub({ source: stats, minIntervalMs: 0 })).toThrow(SeatError);
    const hub = createWallboardHub({ source: stats, minIntervalMs: 100 });
    try {
      hub.subscribe('', () => undefined);
      expect.unreachable('an empty tenant id must be refused');
    } catch (error) {
      expect((error as SeatError).code).toBe('VALIDATION_FAILED');
    }
    expect(hub.subscriberCount('')).toBe(0);
  });
});
