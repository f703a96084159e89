import type { AgentStatus } from '@contract/ws';
import type { AgentStateRequest } from './transitions';

/** One accepted change of an agent's state, as subscribers (sockets, wallboard, router) see it. */
export interface AgentStateChange {
  tenantId: string;
  previous: AgentStatus;
  status: AgentStatus;
}

/**
 * Holds every agent's state. One implementation today (SQLite); the router takes it over later,
 * so callers depend on this interface only.
 */
export interface AgentStateService {
  /** The agent's current state; NOT_FOUND when the agent is not in the tenant. */
  get(tenantId: string, agentId: string): Promise<AgentStatus>;
  /** Applies an agent's request if the rules allow it; `changed` is false for a no-op. */
  request(
    tenantId: string,
    agentId: string,
    request: AgentStateRequest,
  ): Promise<{ status: AgentStatus; changed: boolean }>;
  /** Subscribes to accepted changes; returns the unsubscribe. */
  onChange(listener: (change: AgentStateChange) => void): () => void;
}
