import { z } from 'zod';
import { parseOrThrow } from '@contract/errors';
import type { AgentFigures } from './agent-stats';
import type { QueueFigures, SnapshotOptions, StatsSnapshot } from './aggregator';

/**
 * One frame for a wallboard. It fits the contract's `wallboard.snapshot` payload (contract/wallboard.ts):
 * a `full` frame lists every queue and agent; a `delta` frame only those that changed since the last
 * frame, to be merged by queueId / agentId. Time-in-state and longest wait tick on the client from
 * `since` / `oldestQueuedAt`, so a ticking clock alone never causes a frame.
 */
export interface WallboardFrame extends Omit<StatsSnapshot, 'at'> {
  kind: 'full' | 'delta';
  /** ISO 8601 time of the figures. */
  at: string;
  atMs: number;
}

/** Receives a tenant's wallboard frames. */
export type WallboardListener = (frame: WallboardFrame) => void;

/** Options of the wallboard hub. */
export interface WallboardHubOptions {
  /** Where snapshots come from (the stats aggregator). */
  source: { snapshot(tenantId: string, at: number, options?: SnapshotOptions): StatsSnapshot };
  /** At most one delta per tenant per this many ms, however many events arrive. */
  minIntervalMs: number;
  /** Put today's quarter hours in full frames (for a chart). Default true. */
  intervalsInFull?: boolean;
  /** Told when a listener throws; the other listeners still get the frame. Default: rethrown after the flush. */
  onListenerError?: (error: unknown, tenantId: string) => void;
}

/** Fans one tenant's figures out to that tenant's wallboards only, throttled. */
export interface WallboardHub {
  /** Adds a wallboard of a tenant; it gets a full frame at the next flush. Returns the unsubscribe. */
  subscribe(tenantId: string, listener: WallboardListener): () => void;
  /** Notes that the tenant's figures changed (call after applying each of its events). */
  markChanged(tenantId: string): void;
  /** Publishes what is due at `at`: full frames to new wallboards, deltas at most every minIntervalMs. */
  flush(at: number): void;
  /** Number of wallboards of a tenant (for tests and metrics). */
  subscriberCount(tenantId: string): number;
}

interface TenantFeed {
  listeners: Set<WallboardListener>;
  needFull: Set<WallboardListener>;
  changed: boolean;
  lastPublishAt: number;
  /** End of the quarter hour last published: after it the current-interval figures change on their own. */
  nextBoundary: number;
  queueKeys: Map<string, string>;
  agentKeys: Map<string, string>;
  byStateKey: string;
}

const optionsSchema = z.object({ minIntervalMs: z.number().int().positive().max(3_600_000) });
const tenantIdSchema = z.string().min(1).max(128);

const queueKey = (q: QueueFigures): string => `${q.rev}|${q.currentInterval.start}|${q.today.start}`;
const agentKey = (a: AgentFigures, dayStart: number): string => `${a.rev}|${dayStart}`;

/** Creates a hub with no sockets and no clock: the caller flushes with the current time. */
export function createWallboardHub(options: WallboardHubOptions): WallboardHub {
  parseOrThrow(optionsSchema, { minIntervalMs: options.minIntervalMs });
  const feeds = new Map<string, TenantFeed>();
  const intervalsInFull = options.intervalsInFull ?? true;

  const frameOf = (kind: WallboardFrame['kind'], snapshot: StatsSnapshot): WallboardFrame => ({
    ...snapshot,
    kind,
    at: new Date(snapshot.at).toISOString(),
    atMs: snapshot.at,
  });

  const deliver = (
    tenantId: string,
    listeners: Iterable<WallboardListener>,
    frame: WallboardFrame,
    errors: unknown[],
  ) => {
    for (const listener of listeners) {
      try {
        listener(frame);
      } catch (error) {
        if (options.onListenerError) options.onListenerError(error, tenantId);
        else errors.push(error);
      }
    }
  };

  const remember = (feed: TenantFeed, snapshot: StatsSnapshot): void => {
    for (const q of snapshot.queues) feed.queueKeys.set(q.queueId, queueKey(q));
    for (const a of snapshot.agents) feed.agentKeys.set(a.agentId, agentKey(a, snapshot.day.start));
    feed.byStateKey = JSON.stringify(snapshot.agentsByState);
    feed.nextBoundary = snapshot.queues[0]?.currentInterval.end ?? Number.POSITIVE_INFINITY;
    feed.nextBoundary = Math.min(feed.nextBoundary, snapshot.day.end);
  };

  const flushTenant = (tenantId: string, feed: TenantFeed, at: number, errors: unknown[]): void => {
    const throttled = at - feed.lastPublishAt < options.minIntervalMs;
    const due = !throttled && (feed.changed || at >= feed.nextBoundary);
    const newcomers = [...feed.needFull];
    if (newcomers.length === 0 && !due) return;
    const veterans = [...feed.listeners].filter((listener) => !feed.needFull.has(listener));
    feed.needFull.clear();

    const snapshot = options.source.snapshot(tenantId, at, {
      intervals: intervalsInFull && newcomers.length > 0,
    });
    if (due && veterans.length > 0) {
      const queues = snapshot.queues.filter((q) => feed.queueKeys.get(q.queueId) !== queueKey(q));
      const agents = snapshot.agents.filter(
        (a) => feed.agentKeys.get(a.agentId) !== agentKey(a, snapshot.day.start),
      );
      if (
        queues.length > 0 ||
        agents.length > 0 ||
        feed.byStateKey !== JSON.stringify(snapshot.agentsByState)
      ) {
        const delta: WallboardFrame = {
          ...frameOf('delta', snapshot),
          queues: queues.map(withoutIntervals),
          agents,
        };
        deliver(tenantId, veterans, delta, errors);
        feed.lastPublishAt = at;
      }
    }
    if (newcomers.length > 0) deliver(tenantId, newcomers, frameOf('full', snapshot), errors);
    // Remember what every wallboard now shows; while throttled, older wallboards have not caught up,
    // so their next delta must still be computed against what they last received.
    if (due || veterans.length === 0) {
      remember(feed, snapshot);
      feed.changed = false;
    }
  };

  return {
    subscribe(tenantId, listener) {
      parseOrThrow(tenantIdSchema, tenantId);
      let feed = feeds.get(tenantId);
      if (!feed) {
        feed = {
          listeners: new Set(),
          needFull: new Set(),
          changed: false,
          lastPublishAt: Number.NEGATIVE_INFINITY,
          nextBoundary: Number.POSITIVE_INFINITY,
          queueKeys: new Map(),
          agentKeys: new Map(),
          byStateKey: '',
        };
        feeds.set(tenantId, feed);
      }
      const joined = feed;
      joined.listeners.add(listener);
      joined.needFull.add(listener);
      return () => {
        joined.listeners.delete(listener);
        joined.needFull.delete(listener);
        if (joined.listeners.size === 0 && feeds.get(tenantId) === joined) feeds.delete(tenantId);
      };
    },

    markChanged(tenantId) {
      const feed = feeds.get(tenantId);
      if (feed) feed.changed = true;
    },

    flush(at) {
      const errors: unknown[] = [];
      for (const [tenantId, feed] of feeds) flushTenant(tenantId, feed, at, errors);
      if (errors.length > 0) throw new AggregateError(errors, 'A wallboard listener failed.');
    },

    subscriberCount: (tenantId) => feeds.get(tenantId)?.listeners.size ?? 0,
  };
}

function withoutIntervals(queue: QueueFigures): QueueFigures {
  const { intervals: _intervals, ...rest } = queue;
  return rest;
}
