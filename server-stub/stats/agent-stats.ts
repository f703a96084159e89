import { agentStates, type AgentState } from '@contract/agent';

/** Time spent in each state, in ms. */
export type StateDurations = Record<AgentState, number>;

/** What the aggregator keeps per agent; today's figures reset at the tenant's local midnight. */
export interface AgentRecord {
  readonly agentId: string;
  state: AgentState;
  reason: string | null;
  since: number;
  /** Start of the local day the "today" figures below belong to. */
  dayStart: number;
  stateMsToday: StateDurations;
  offeredToday: number;
  answeredToday: number;
  handledToday: number;
  handleMsToday: number;
  /** Bumped on every change, so a wallboard hub can send only the agents that changed. */
  rev: number;
}

/** One agent's line on the wallboard. */
export interface AgentFigures {
  agentId: string;
  state: AgentState;
  reason: string | null;
  /** When the agent entered the current state (epoch ms): lets a client tick the timer itself. */
  since: number;
  timeInStateMs: number;
  offeredToday: number;
  answeredToday: number;
  handledToday: number;
  averageHandleMs: number | null;
  /** Time in each state since local midnight, the current state counted up to the snapshot. */
  stateMsToday: StateDurations;
  /** (busy + wrapup) ÷ (ready + reserved + busy + wrapup) × 100 over today; null before any such time. */
  occupancyPercent: number | null;
  rev: number;
}

/** Zero time in every state. */
export function emptyDurations(): StateDurations {
  return Object.fromEntries(agentStates.map((s) => [s, 0])) as StateDurations;
}

/** A new agent, logged out since `at` unless told otherwise. */
export function createAgentRecord(agentId: string, at: number, dayStart: number): AgentRecord {
  return {
    agentId,
    state: 'logged_out',
    reason: null,
    since: at,
    dayStart,
    stateMsToday: emptyDurations(),
    offeredToday: 0,
    answeredToday: 0,
    handledToday: 0,
    handleMsToday: 0,
    rev: 0,
  };
}

/** Moves the agent's "today" to the day starting at `dayStart` when it is a newer day. */
export function rollAgentDay(agent: AgentRecord, dayStart: number): void {
  if (dayStart <= agent.dayStart) return;
  agent.dayStart = dayStart;
  agent.stateMsToday = emptyDurations();
  agent.offeredToday = 0;
  agent.answeredToday = 0;
  agent.handledToday = 0;
  agent.handleMsToday = 0;
}

/** Records a state change at `at`, crediting today with the time spent in the state being left. */
export function changeAgentState(
  agent: AgentRecord,
  state: AgentState,
  reason: string | null,
  at: number,
  dayStart: number,
): void {
  rollAgentDay(agent, dayStart);
  agent.stateMsToday[agent.state] += Math.max(0, at - Math.max(agent.since, agent.dayStart));
  agent.state = state;
  agent.reason = reason;
  agent.since = at;
}

/** The agent's wallboard line at `at`, where the local day containing `at` started at `dayStart`. */
export function agentFigures(agent: AgentRecord, at: number, dayStart: number): AgentFigures {
  const current = dayStart === agent.dayStart;
  const stateMsToday = current ? { ...agent.stateMsToday } : emptyDurations();
  stateMsToday[agent.state] += Math.max(0, at - Math.max(agent.since, dayStart));
  const working = stateMsToday.busy + stateMsToday.wrapup;
  const available = working + stateMsToday.ready + stateMsToday.reserved;
  const handled = current ? agent.handledToday : 0;
  return {
    agentId: agent.agentId,
    state: agent.state,
    reason: agent.reason,
    since: agent.since,
    timeInStateMs: Math.max(0, at - agent.since),
    offeredToday: current ? agent.offeredToday : 0,
    answeredToday: current ? agent.answeredToday : 0,
    handledToday: handled,
    averageHandleMs: handled > 0 ? agent.handleMsToday / handled : null,
    stateMsToday,
    occupancyPercent: available > 0 ? (100 * working) / available : null,
    rev: agent.rev,
  };
}
