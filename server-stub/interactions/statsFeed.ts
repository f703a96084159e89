import type { Channel } from '@contract/agent';
import type { Decision } from '../routing/decisions';
import type { RouterEvent } from '../routing/events';
import type { StatsEventInput } from '../stats/events';

// Translates the engine's decisions into the statistics module's own records. It remembers what it
// needs of each live interaction (channel, last state) and forgets it at the terminal state, so its
// memory is bounded by the live interactions.

interface Live {
  channel: Channel;
  state: string;
  queueId: string;
  agentId: string | null;
}

/** Derives StatsEvents from one accepted event and its decisions, for one tenant. */
export interface StatsFeed {
  translate(event: RouterEvent, decisions: readonly Decision[]): StatsEventInput[];
}

const terminal = new Set(['ended', 'abandoned', 'released', 'callback']);

/** Creates a feed for one tenant. */
export function createStatsFeed(tenantId: string): StatsFeed {
  const live = new Map<string, Live>();

  return {
    translate(event, decisions) {
      const out: StatsEventInput[] = [];
      if (event.type === 'arrive') {
        live.set(event.interactionId, { channel: event.channel, state: 'new', queueId: event.queueId, agentId: null });
      }
      for (const d of decisions) {
        const base = { tenantId, at: d.at };
        switch (d.type) {
          case 'agent_state':
            out.push({ ...base, type: 'agent.state', agentId: d.agentId, state: d.state, reason: d.reason });
            break;
          case 'offer':
            out.push({ ...base, type: 'interaction.offered', interactionId: d.interactionId, queueId: d.queueId, agentId: d.agentId });
            break;
          case 'overflow': {
            // The release or re-queue that follows is already counted by this record.
            const item = live.get(d.interactionId);
            if (item) item.state = 'overflowing';
            out.push({ ...base, type: 'interaction.overflowed', interactionId: d.interactionId, fromQueueId: d.fromQueueId, toQueueId: d.toQueueId });
            break;
          }
          case 'interaction_state': {
            const item = live.get(d.interactionId);
            if (!item) break;
            const previous = item.state;
            const previousAgent = item.agentId;
            item.state = d.state;
            item.queueId = d.queueId;
            item.agentId = d.agentId;
            if (d.state === 'queued' && previous !== 'offered') {
              out.push({ ...base, type: 'interaction.queued', interactionId: d.interactionId, queueId: d.queueId, channel: item.channel });
            } else if (d.state === 'active' && previous !== 'active' && d.agentId) {
              out.push({ ...base, type: 'interaction.answered', interactionId: d.interactionId, queueId: d.queueId, agentId: d.agentId });
            } else if (d.state === 'wrapup' && previousAgent) {
              out.push({ ...base, type: 'interaction.ended', interactionId: d.interactionId, queueId: d.queueId, agentId: previousAgent, wrapup: true });
            } else if (d.state === 'ended' && previous === 'wrapup' && previousAgent) {
              out.push({ ...base, type: 'interaction.wrapupEnded', interactionId: d.interactionId, agentId: previousAgent });
            } else if (d.state === 'ended' && previous === 'active' && previousAgent) {
              out.push({ ...base, type: 'interaction.ended', interactionId: d.interactionId, queueId: d.queueId, agentId: previousAgent, wrapup: false });
            } else if (d.state === 'abandoned') {
              out.push({ ...base, type: 'interaction.abandoned', interactionId: d.interactionId, queueId: d.queueId });
            } else if ((d.state === 'released' || d.state === 'callback') && (previous === 'queued' || previous === 'offered')) {
              out.push({ ...base, type: 'interaction.overflowed', interactionId: d.interactionId, fromQueueId: d.queueId, toQueueId: null });
            }
            if (terminal.has(d.state)) live.delete(d.interactionId);
            break;
          }
          default:
            break;
        }
      }
      return out;
    },
  };
}
