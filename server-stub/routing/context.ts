import type { Decision } from './decisions';
import type { RouterConfig } from './events';
import type { EngineState } from './state';

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
}
