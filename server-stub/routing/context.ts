import type { Decision } from './decisions';
import type { RouterConfig } from './events';
import type { AgentRec, EngineState, InteractionRec } from './state';

/** Everything one event's handling works with: the state, the clock of the event, and what it decides. */
export interface Ctx {
  state: EngineState;
  config: RouterConfig;
  /** The time of the change being applied (the event's time, or a deadline's time inside a tick). */
  now: number;
  /** Who the change is attributed to. */
  by: string;
  out: Decision[];
  /** Agents that may have become able to take work; the dispatcher looks at them after the event. */
  dirtyAgents: Set<string>;
  /** Interactions that may have become routable; the dispatcher looks at them after the event. */
  dirtyInteractions: Set<string>;
  /**
   * Agents changed since their availability lists were last rebuilt. An agent changes several
   * times inside one event (freed, offered, reserved), so it is re-indexed once, from its final
   * state, just before anything reads the lists (see `flushReindex`).
   */
  reindex: Set<AgentRec>;
  /** Reused arrays the dispatcher fills each round, so a routing round allocates nothing. */
  spare: { agentIds: string[]; interactions: InteractionRec[] };
}

/** The per-engine sets a Ctx works with, created once and emptied for every event. */
export interface CtxScratch {
  dirtyAgents: Set<string>;
  dirtyInteractions: Set<string>;
  reindex: Set<AgentRec>;
  spare: { agentIds: string[]; interactions: InteractionRec[] };
}

export function newScratch(): CtxScratch {
  return {
    dirtyAgents: new Set(),
    dirtyInteractions: new Set(),
    reindex: new Set(),
    spare: { agentIds: [], interactions: [] },
  };
}

/** A fresh Ctx for one event over the engine's reusable sets (emptied here, whatever a failed event left). */
export function newCtx(state: EngineState, config: RouterConfig, now: number, scratch: CtxScratch): Ctx {
  // Only what a failed event left behind: clearing an empty Set still allocates a new table in V8.
  if (scratch.dirtyAgents.size > 0) scratch.dirtyAgents.clear();
  if (scratch.dirtyInteractions.size > 0) scratch.dirtyInteractions.clear();
  if (scratch.reindex.size > 0) scratch.reindex.clear();
  if (scratch.spare.agentIds.length > 0) scratch.spare.agentIds.length = 0;
  if (scratch.spare.interactions.length > 0) scratch.spare.interactions.length = 0;
  const { dirtyAgents, dirtyInteractions, reindex, spare } = scratch;
  return { state, config, now, by: 'system', out: [], dirtyAgents, dirtyInteractions, reindex, spare };
}
