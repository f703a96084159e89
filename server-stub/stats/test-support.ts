import type { AgentState, Channel } from '@contract/agent';
import { parseStatsEvent, type StatsEvent } from './events';

// Builders for the tests: short calls that produce validated StatsEvent records for one tenant.

/** Seconds → ms, so scenarios read in seconds. */
export const s = (seconds: number): number => seconds * 1000;

/** A set of event builders bound to one tenant. */
export function eventsFor(tenantId: string) {
  const make = (input: Record<string, unknown>): StatsEvent => parseStatsEvent({ tenantId, ...input });
  return {
    configure: (at: number, queueId: string, serviceLevelSeconds: number, name = queueId) =>
      make({ type: 'queue.configured', at, queueId, name, serviceLevelSeconds }),
    members: (at: number, queueId: string, agentIds: string[]) =>
      make({ type: 'queue.members', at, queueId, agentIds }),
    queued: (at: number, interactionId: string, queueId: string, channel: Channel = 'voice') =>
      make({ type: 'interaction.queued', at, interactionId, queueId, channel }),
    offered: (at: number, interactionId: string, queueId: string, agentId: string) =>
      make({ type: 'interaction.offered', at, interactionId, queueId, agentId }),
    answered: (at: number, interactionId: string, queueId: string, agentId: string) =>
      make({ type: 'interaction.answered', at, interactionId, queueId, agentId }),
    abandoned: (at: number, interactionId: string, queueId: string) =>
      make({ type: 'interaction.abandoned', at, interactionId, queueId }),
    overflowed: (at: number, interactionId: string, fromQueueId: string, toQueueId: string | null) =>
      make({ type: 'interaction.overflowed', at, interactionId, fromQueueId, toQueueId }),
    ended: (at: number, interactionId: string, queueId: string, agentId: string, wrapup = false) =>
      make({ type: 'interaction.ended', at, interactionId, queueId, agentId, wrapup }),
    wrapupEnded: (at: number, interactionId: string, agentId: string) =>
      make({ type: 'interaction.wrapupEnded', at, interactionId, agentId }),
    agent: (at: number, agentId: string, state: AgentState, reason: string | null = null) =>
      make({ type: 'agent.state', at, agentId, state, reason }),
  };
}
