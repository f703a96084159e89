import type { ServerMessage } from '@contract/ws';
import { createRouter } from '../routing/router';
import { createStatsAggregator, type StatsAggregator } from '../stats/aggregator';
import type { SeatStore } from '../store/database';
import { createSeededStore } from '../testing/seededStore';
import { createInteractionLog } from './eventLog';
import { createInteractionService, type InteractionService } from './interactionService';
import { createGroupCommit } from './groupCommit';
import { createInteractionProjection } from './projection';
import type { Scheduler } from './tenantRouter';

/** A timer queue driven by the test's clock instead of the real one. */
export interface ManualScheduler extends Scheduler {
  /** Moves the clock to `at`, firing every due timer in order. */
  advanceTo(at: number): void;
  pending(): number;
}

/** Creates a scheduler whose timers fire only when the test moves the clock. */
export function createManualScheduler(clock: { now: number }): ManualScheduler {
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  return {
    set(callback, delayMs) {
      const handle = next++;
      timers.set(handle, { at: clock.now + delayMs, callback });
      return handle;
    },
    clear(handle) {
      timers.delete(handle as number);
    },
    advanceTo(at) {
      for (let guard = 0; guard < 10_000; guard++) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= at).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        clock.now = Math.max(clock.now, due[1].at);
        due[1].callback();
      }
      clock.now = at;
    },
    pending: () => timers.size,
  };
}

/** A seeded store with a routing service on a test clock, recording every frame sent to agents. */
export interface RoutingFixture {
  store: SeatStore;
  clock: { now: number };
  scheduler: ManualScheduler;
  service: InteractionService;
  stats: StatsAggregator;
  frames: { tenantId: string; agentId: string; frame: ServerMessage }[];
  framesTo(agentId: string): ServerMessage[];
  /** Lets the end-of-turn group commit run (after timers fired by the manual scheduler). */
  settle(): Promise<void>;
  /** A second service over the same store, as after a restart (the first one stops). */
  restart(): Promise<InteractionService>;
  dispose(): Promise<void>;
}

export const demoTenant = 'tenant-demo';
export const agentOf = (n: number) => `demo-agent-agent${String(n).padStart(2, '0')}`;

/** Builds the fixture; ids are i-1, i-2… so tests read well. */
export async function openRoutingFixture(): Promise<RoutingFixture> {
  const clock = { now: Date.parse('2026-03-02T09:00:00Z') };
  const { store, dispose } = await createSeededStore(() => clock.now);
  const scheduler = createManualScheduler(clock);
  const frames: RoutingFixture['frames'] = [];
  let ids = 0;
  let stats = createStatsAggregator();
  const build = () => {
    stats = createStatsAggregator();
    const built = stats;
    return createInteractionService({
      sqlite: store.sqlite,
      db: store.db,
      log: createInteractionLog(store.sqlite),
      commit: createGroupCommit((fn) => createInteractionLog(store.sqlite).transaction(fn)),
      projection: createInteractionProjection(store.sqlite),
      engineFactory: (config) => createRouter(config),
      routerConfigOf: () => ({ utcOffsetMinutes: 0, rememberClosed: 1000 }),
      now: () => clock.now,
      newId: () => `i-${++ids}`,
      scheduler,
      sinks: {
        toAgent: (tenantId, agentId, frame) => frames.push({ tenantId, agentId, frame }),
        stats: (event) => built.apply(event),
      },
      onTickError: (error) => {
        throw error;
      },
    });
  };
  let service = build();
  await service.start();
  const fixture: RoutingFixture = {
    store,
    clock,
    scheduler,
    get service() {
      return service;
    },
    get stats() {
      return stats;
    },
    frames,
    settle: () => new Promise<void>((resolve) => setImmediate(resolve)),
    framesTo: (agentId) => frames.filter((f) => f.agentId === agentId).map((f) => f.frame),
    async restart() {
      service.stop();
      service = build();
      await service.start();
      return service;
    },
    async dispose() {
      service.stop();
      await dispose();
    },
  };
  return fixture;
}
