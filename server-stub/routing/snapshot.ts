import type { Capacity, QueueConfig } from './events';
import { slotName, type AgentRec, type BlacklistEntry, type EngineState, type InteractionRec } from './state';

const byKey = <T>(entries: Iterable<[string, T]>) =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const sorted = (items: Iterable<string>) => [...items].sort();

/** The engine's whole state as plain data in a canonical order: two engines fed the same events give equal snapshots. */
export interface RouterSnapshot {
  lastAt: number;
  seq: number;
  skills: string[];
  reasonCodes: string[];
  teams: [string, Capacity][];
  queues: {
    config: QueueConfig;
    waiting: string[];
    preferredCount: number;
    pool: string[];
    channels: string[];
    available: [string, string[]][];
    rrCursor: string | null;
    ahtMs: number;
    nextAnnounceAt: number | null;
  }[];
  agents: (Omit<AgentRec, 'skills' | 'work' | 'rings' | 'entries' | 'preferredWaiting'> & {
    skills: [string, number][];
    work: [string, string][];
    rings: [string, number][];
    preferredWaiting: string[];
  })[];
  interactions: InteractionRec[];
  idempotencyKeys: [string, string][];
  closed: [string, string][];
  blacklist: [string, [string, BlacklistEntry][]][];
  reached: [string, { day: number; count: number }][];
}

export function snapshotOf(state: EngineState): RouterSnapshot {
  return {
    lastAt: state.lastAt,
    seq: state.seq,
    skills: sorted(state.skills),
    reasonCodes: sorted(state.reasonCodes),
    teams: byKey(state.teams),
    queues: byKey(state.queues).map(([, q]) => ({
      config: q.config,
      waiting: q.waiting.toArray().map((i) => i.id),
      preferredCount: q.preferredCount,
      pool: sorted(q.pool),
      channels: [...q.channels],
      available: byKey(
        q.available.flatMap((agents, slot) =>
          agents && agents.size > 0 ? [[slotName(slot), agents] as [string, typeof agents]] : [],
        ),
      ).map(([list, agents]): [string, string[]] => [list, agents.toArray().map((e) => e.agent.id)]),
      rrCursor: q.rrCursor,
      ahtMs: q.ahtMs,
      nextAnnounceAt: q.nextAnnounceAt,
    })),
    agents: byKey(state.agents).map(([, a]) => ({
      id: a.id,
      teamId: a.teamId,
      skills: byKey(a.skills),
      capacity: a.capacity,
      presence: a.presence,
      reason: a.reason,
      offer: a.offer,
      work: byKey(a.work),
      load: a.load,
      calls: [...a.calls],
      idleSince: a.idleSince,
      shown: a.shown,
      lastExpired: a.lastExpired,
      rings: byKey(a.rings),
      preferredWaiting: sorted(a.preferredWaiting),
    })),
    interactions: byKey(state.interactions).map(([, i]) => structuredClone(i)),
    idempotencyKeys: byKey(state.idempotencyKeys),
    // Kept in closing order: the oldest is forgotten first, so the order is part of the state.
    closed: [...state.closed].map(([id, c]) => [id, c.outcome]),
    blacklist: byKey(state.blacklist).map(([c, entries]) => [c, byKey(entries)]),
    reached: byKey(state.reached),
  };
}
