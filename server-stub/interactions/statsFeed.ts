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

/** A queue's display name and service-level threshold, from the directory. */
export type QueueInfo = (queueId: string) => { name: string; serviceLevelSeconds: number } | undefined;

type Requirement = { skillId: string; minProficiency: number };

/** Creates a feed for one tenant. */
export function createStatsFeed(tenantId: string, queueInfo: QueueInfo): StatsFeed {
  const live = new Map<string, Live>();
  // Queue membership for "agents by state per queue": who meets the queue's first ring.
  const requirements = new Map<string, Requirement[]>();
  const skillsOf = new Map<string, Record<string, number>>();
  const members = new Map<string, Set<string>>();
  const dirty = new Set<string>();
  const qualifies = (skills: Record<string, number>, reqs: Requirement[]) =>
    reqs.every((r) => (skills[r.skillId] ?? 0) >= r.minProficiency);
  const membersEvent = (queueId: string, at: number): StatsEventInput => ({
    tenantId,
    at,
    type: 'queue.members',
    queueId,
    agentIds: [...(members.get(queueId) ?? [])].sort(),
  });

  const config = (event: RouterEvent, out: StatsEventInput[]) => {
    if (event.type === 'queue_upsert') {
      const { queueId, rings } = event.queue;
      const info = queueInfo(queueId);
      out.push({
        tenantId,
        at: event.at,
        type: 'queue.configured',
        queueId,
        name: info?.name ?? queueId,
        serviceLevelSeconds: info?.serviceLevelSeconds ?? 20,
      });
      const reqs = rings[0]?.skills ?? [];
      requirements.set(queueId, reqs);
      members.set(
        queueId,
        new Set([...skillsOf].filter(([, skills]) => qualifies(skills, reqs)).map(([agentId]) => agentId)),
      );
      dirty.delete(queueId);
      out.push(membersEvent(queueId, event.at));
    } else if (event.type === 'agent_upsert') {
      const { agentId, skills } = event.agent;
      skillsOf.set(agentId, skills);
      for (const [queueId, reqs] of requirements) {
        const set = members.get(queueId) ?? new Set<string>();
        members.set(queueId, set);
        const was = set.has(agentId);
        const is = qualifies(skills, reqs);
        if (was === is) continue;
        if (is) set.add(agentId);
        else set.delete(agentId);
        // Announced with the next other event: a start-up of thousands of agents sends each list once.
        dirty.add(queueId);
      }
    }
  };

  return {
    translate(event, decisions) {
      const out: StatsEventInput[] = [];
      if (event.type !== 'agent_upsert' && dirty.size > 0) {
        for (const queueId of dirty) out.push(membersEvent(queueId, event.at));
        dirty.clear();
      }
      config(event, out);
      if (event.type === 'arrive') {
        live.set(event.interactionId, {
          channel: event.channel,
          state: 'new',
          queueId: event.queueId,
          agentId: null,
        });
      }
      // Each record is written out in full: spreading a shared `base` into every record took a slow
      // V8 path (~2 µs a spread) and was most of this function's cost under load.
      for (const d of decisions) {
        switch (d.type) {
          case 'agent_state':
            out.push({
              tenantId,
              at: d.at,
              type: 'agent.state',
              agentId: d.agentId,
              state: d.state,
              reason: d.reason,
            });
            break;
          case 'offer':
            out.push({
              tenantId,
              at: d.at,
              type: 'interaction.offered',
              interactionId: d.interactionId,
              queueId: d.queueId,
              agentId: d.agentId,
            });
            break;
          case 'overflow': {
            // The release or re-queue that follows is already counted by this record.
            const item = live.get(d.interactionId);
            if (item) item.state = 'overflowing';
            out.push({
              tenantId,
              at: d.at,
              type: 'interaction.overflowed',
              interactionId: d.interactionId,
              fromQueueId: d.fromQueueId,
              toQueueId: d.toQueueId,
            });
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
              out.push({
                tenantId,
                at: d.at,
                type: 'interaction.queued',
                interactionId: d.interactionId,
                queueId: d.queueId,
                channel: item.channel,
              });
            } else if (d.state === 'active' && previous !== 'active' && d.agentId) {
              out.push({
                tenantId,
                at: d.at,
                type: 'interaction.answered',
                interactionId: d.interactionId,
                queueId: d.queueId,
                agentId: d.agentId,
              });
            } else if (d.state === 'wrapup' && previousAgent) {
              out.push({
                tenantId,
                at: d.at,
                type: 'interaction.ended',
                interactionId: d.interactionId,
                queueId: d.queueId,
                agentId: previousAgent,
                wrapup: true,
              });
            } else if (d.state === 'ended' && previous === 'wrapup' && previousAgent) {
              out.push({
                tenantId,
                at: d.at,
                type: 'interaction.wrapupEnded',
                interactionId: d.interactionId,
                agentId: previousAgent,
              });
            } else if (d.state === 'ended' && previous === 'active' && previousAgent) {
              out.push({
                tenantId,
                at: d.at,
                type: 'interaction.ended',
                interactionId: d.interactionId,
                queueId: d.queueId,
                agentId: previousAgent,
                wrapup: false,
              });
            } else if (d.state === 'abandoned') {
              out.push({
                tenantId,
                at: d.at,
                type: 'interaction.abandoned',
                interactionId: d.interactionId,
                queueId: d.queueId,
              });
            } else if (
              (d.state === 'released' || d.state === 'callback') &&
              (previous === 'queued' || previous === 'offered')
            ) {
              out.push({
                tenantId,
                at: d.at,
                type: 'interaction.overflowed',
                interactionId: d.interactionId,
                fromQueueId: d.queueId,
                toQueueId: null,
              });
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
