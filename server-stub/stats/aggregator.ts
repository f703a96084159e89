import type { AgentState } from '@contract/agent';
import { agentFigures, changeAgentState, type AgentFigures } from './agent-stats';
import { createLocalCalendar, type TimeZoneSpec } from './calendar';
import type { TimedFigures } from './day-windows';
import type { StatsEvent } from './events';
import { applyInteractionEvent } from './interaction-flow';
import {
  agentOf,
  createTenantState,
  emptyStateCounts,
  queueOf,
  recountAgentState,
  setQueueMembers,
  type QueueRecord,
  type TenantState,
} from './tenant-state';

/** Options of the statistics aggregator. */
export interface StatsAggregatorOptions {
  /** Wall clock of every tenant without its own (default: UTC). */
  timeZone?: TimeZoneSpec;
  /** A tenant's own wall clock; asked once, when the tenant is first seen. */
  timeZoneOf?: (tenantId: string) => TimeZoneSpec | undefined;
  /** Threshold for a queue not yet configured (default 20 s, Asterisk's usual servicelevel). */
  defaultServiceLevelSeconds?: number;
}

/** One queue on the wallboard. */
export interface QueueFigures {
  queueId: string;
  name: string;
  serviceLevelSeconds: number;
  /** Interactions in the queue now (ringing an agent included). */
  waiting: number;
  /** When the oldest waiting interaction entered the queue, or null. */
  oldestQueuedAt: number | null;
  /** How long the oldest waiting interaction has waited at the snapshot (0 when none). */
  longestWaitMs: number;
  /** Members by state, when the queue's members are known; else null. */
  agentsByState: Record<AgentState, number> | null;
  currentInterval: TimedFigures;
  today: TimedFigures;
  /** Today's quarter hours, oldest first, up to the current one; only when asked for. */
  intervals?: TimedFigures[];
  /** Bumped on every change to the queue's counters, waiting list or members. */
  rev: number;
}

/** A tenant's statistics at one instant. */
export interface StatsSnapshot {
  tenantId: string;
  at: number;
  timeZone: string;
  day: { start: number; end: number };
  queues: QueueFigures[];
  agents: AgentFigures[];
  agentsByState: Record<AgentState, number>;
  /** Events that did not match what was known (a sign of a gap in the feed). */
  ignoredEvents: number;
}

/** Snapshot options. */
export interface SnapshotOptions {
  /** Include each queue's quarter hours of today (for a chart). */
  intervals?: boolean;
}

/** Pure live statistics: events in, snapshots out; time only ever comes from the caller. */
export interface StatsAggregator {
  /** Counts one event (already validated, e.g. with parseStatsEvent). O(1), plus O(members) for queue.members. */
  apply(event: StatsEvent): void;
  /** The tenant's figures at `at`. O(queues + agents), times 96 with intervals. */
  snapshot(tenantId: string, at: number, options?: SnapshotOptions): StatsSnapshot;
}

/** Creates an aggregator with no state outside itself. */
export function createStatsAggregator(options: StatsAggregatorOptions = {}): StatsAggregator {
  const defaultZone = options.timeZone ?? { utcOffsetMinutes: 0 };
  const defaultSl = options.defaultServiceLevelSeconds ?? 20;
  // Validate the default zone now, so a bad configuration fails at start and not on first event.
  createLocalCalendar(defaultZone);
  const tenants = new Map<string, TenantState>();

  const tenantOf = (tenantId: string): TenantState => {
    let tenant = tenants.get(tenantId);
    if (!tenant) {
      const calendar = createLocalCalendar(options.timeZoneOf?.(tenantId) ?? defaultZone);
      tenant = createTenantState(tenantId, calendar);
      tenants.set(tenantId, tenant);
    }
    return tenant;
  };

  return {
    apply(event) {
      const tenant = tenantOf(event.tenantId);
      switch (event.type) {
        case 'agent.state': {
          const agent = agentOf(tenant, event.agentId, event.at);
          const from = agent.state;
          changeAgentState(agent, event.state, event.reason, event.at, tenant.calendar.dayOf(event.at).start);
          agent.rev += 1;
          recountAgentState(tenant, event.agentId, from, event.state);
          return;
        }
        case 'queue.configured': {
          const queue = queueOf(tenant, event.queueId, defaultSl);
          queue.name = event.name;
          queue.serviceLevelSeconds = event.serviceLevelSeconds;
          queue.rev += 1;
          return;
        }
        case 'queue.members':
          setQueueMembers(tenant, queueOf(tenant, event.queueId, defaultSl), event.agentIds, event.at);
          return;
        default:
          if (!applyInteractionEvent(tenant, event, defaultSl)) tenant.ignoredEvents += 1;
      }
    },

    snapshot(tenantId, at, snapshotOptions = {}) {
      const tenant = tenantOf(tenantId);
      const day = tenant.calendar.dayOf(at);
      const queues: QueueFigures[] = [];
      for (const queue of tenant.queues.values()) queues.push(queueFigures(queue, at, snapshotOptions));
      const agents: AgentFigures[] = [];
      for (const agent of tenant.agents.values()) agents.push(agentFigures(agent, at, day.start));
      return {
        tenantId,
        at,
        timeZone: tenant.calendar.zone,
        day: { start: day.start, end: day.end },
        queues,
        agents,
        agentsByState: { ...emptyStateCounts(), ...tenant.byState },
        ignoredEvents: tenant.ignoredEvents,
      };
    },
  };
}

function queueFigures(queue: QueueRecord, at: number, options: SnapshotOptions): QueueFigures {
  // Map keeps insertion order and a queue is entered in time order, so the first entry is the oldest.
  const first = queue.waiting.values().next();
  const oldestQueuedAt = first.done ? null : first.value;
  return {
    queueId: queue.queueId,
    name: queue.name,
    serviceLevelSeconds: queue.serviceLevelSeconds,
    waiting: queue.waiting.size,
    oldestQueuedAt,
    longestWaitMs: oldestQueuedAt === null ? 0 : Math.max(0, at - oldestQueuedAt),
    agentsByState: queue.byState ? { ...queue.byState } : null,
    currentInterval: queue.windows.currentInterval(at),
    today: queue.windows.today(at),
    ...(options.intervals ? { intervals: queue.windows.intervalsToday(at) } : {}),
    rev: queue.rev,
  };
}
