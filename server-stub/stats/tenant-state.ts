import { agentStates, type AgentState } from '@contract/agent';
import { createAgentRecord, type AgentRecord } from './agent-stats';
import type { LocalCalendar } from './calendar';
import { createDayWindows, type DayWindows } from './day-windows';

/** A count of agents per state. */
export type StateCounts = Record<AgentState, number>;

/** What the aggregator keeps per queue. */
export interface QueueRecord {
  readonly queueId: string;
  name: string;
  serviceLevelSeconds: number;
  readonly windows: DayWindows;
  /** Interactions waiting now → when they entered this queue. Insertion order is arrival order. */
  readonly waiting: Map<string, number>;
  /** Agents serving the queue, when the integration told us (`queue.members`); else null. */
  members: Set<string> | null;
  byState: StateCounts | null;
  rev: number;
}

/** An interaction the aggregator is following, from entering a queue until its handling ends. */
export interface LiveInteraction {
  queueId: string;
  queuedAt: number;
  phase: 'waiting' | 'active' | 'wrapup';
  agentId: string | null;
  answeredAt: number;
  endedAt: number;
}

/** Everything one tenant's statistics need; no tenant ever reads another's. */
export interface TenantState {
  readonly tenantId: string;
  readonly calendar: LocalCalendar;
  readonly queues: Map<string, QueueRecord>;
  readonly agents: Map<string, AgentRecord>;
  readonly interactions: Map<string, LiveInteraction>;
  /** Agent → the queues it serves (from `queue.members`). */
  readonly agentQueues: Map<string, Set<string>>;
  readonly byState: StateCounts;
  /** Events that did not match what the aggregator knows (e.g. an answer for an unknown interaction). */
  ignoredEvents: number;
}

/** Zero agents in every state. */
export function emptyStateCounts(): StateCounts {
  return Object.fromEntries(agentStates.map((s) => [s, 0])) as StateCounts;
}

/** A tenant with nothing known yet. */
export function createTenantState(tenantId: string, calendar: LocalCalendar): TenantState {
  return {
    tenantId,
    calendar,
    queues: new Map(),
    agents: new Map(),
    interactions: new Map(),
    agentQueues: new Map(),
    byState: emptyStateCounts(),
    ignoredEvents: 0,
  };
}

/** The queue, created with the default threshold when first mentioned before its configuration. */
export function queueOf(
  tenant: TenantState,
  queueId: string,
  defaultServiceLevelSeconds: number,
): QueueRecord {
  let queue = tenant.queues.get(queueId);
  if (!queue) {
    queue = {
      queueId,
      name: queueId,
      serviceLevelSeconds: defaultServiceLevelSeconds,
      windows: createDayWindows(tenant.calendar),
      waiting: new Map(),
      members: null,
      byState: null,
      rev: 0,
    };
    tenant.queues.set(queueId, queue);
  }
  return queue;
}

/** The agent, created logged out when first mentioned. */
export function agentOf(tenant: TenantState, agentId: string, at: number): AgentRecord {
  let agent = tenant.agents.get(agentId);
  if (!agent) {
    agent = createAgentRecord(agentId, at, tenant.calendar.dayOf(at).start);
    tenant.agents.set(agentId, agent);
    tenant.byState[agent.state] += 1;
  }
  return agent;
}

/** Moves one agent between state counts, in the tenant and in every queue it serves. */
export function recountAgentState(
  tenant: TenantState,
  agentId: string,
  from: AgentState,
  to: AgentState,
): void {
  if (from === to) return;
  tenant.byState[from] -= 1;
  tenant.byState[to] += 1;
  for (const queueId of tenant.agentQueues.get(agentId) ?? []) {
    const queue = tenant.queues.get(queueId);
    if (queue?.byState) {
      queue.byState[from] -= 1;
      queue.byState[to] += 1;
      queue.rev += 1;
    }
  }
}

/** Replaces a queue's members, keeping the agent → queues index and the queue's state counts right. */
export function setQueueMembers(
  tenant: TenantState,
  queue: QueueRecord,
  agentIds: readonly string[],
  at: number,
): void {
  for (const agentId of queue.members ?? []) tenant.agentQueues.get(agentId)?.delete(queue.queueId);
  const members = new Set(agentIds);
  const byState = emptyStateCounts();
  for (const agentId of members) {
    byState[agentOf(tenant, agentId, at).state] += 1;
    let queues = tenant.agentQueues.get(agentId);
    if (!queues) {
      queues = new Set();
      tenant.agentQueues.set(agentId, queues);
    }
    queues.add(queue.queueId);
  }
  queue.members = members;
  queue.byState = byState;
  queue.rev += 1;
}
