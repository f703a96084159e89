import { channels, type Channel } from '../../contract/agent';
import type { AgentStateName, TerminalState } from './decisions';
import type { Capacity, Priority, QueueConfig } from './events';
import { Fifo } from './fifo';
import { SortedList } from './sorted-list';
import { TimerHeap } from './timer-heap';

/** An agent as the engine tracks it: configuration, chosen presence and current work. */
export interface AgentRec {
  id: string;
  teamId: string | null;
  skills: Map<string, number>;
  capacity: Capacity;
  presence: 'logged_out' | 'ready' | 'not_ready';
  reason: string | null;
  /** The one offer ringing at this agent, if any (an agent is offered one thing at a time). */
  offer: { interactionId: string; offerId: string } | null;
  /** Interactions held (offered, active or in wrap-up), by id, with their channel. */
  work: Map<string, Channel>;
  load: Record<Channel, number>;
  /** Calls of its own (not interactions), by id, in the order they started: each blocks every channel. */
  calls: string[];
  /** Last time the agent became free or got work: the key of "longest idle". */
  idleSince: number;
  /** The derived state last announced, so a change is announced exactly once. */
  shown: { state: AgentStateName; reason: string | null; since: number };
  /** The last offer this agent let expire, to answer a late accept with OFFER_EXPIRED. */
  lastExpired: { interactionId: string; offerId: string } | null;
  /** Queues this agent can serve, with the first bullseye ring whose requirements it meets. */
  rings: Map<string, number>;
  /** This agent's entries in queues' availability lists, kept to remove them again. */
  entries: IndexedEntry[];
  /** Interactions waiting only for this agent while their preferred-agent window is open. */
  preferredWaiting: Set<string>;
}

/** Where one of an agent's entries sits: the queue and the slot (see `slotOf`) of its list. */
export interface IndexedEntry {
  queue: QueueRec;
  slot: number;
  entry: AgentEntry;
}

/** An agent's place in a queue's list of available agents; keys depend on the queue's strategy. */
export interface AgentEntry {
  agent: AgentRec;
  k1: number;
  k2: number;
}

/** A queue: configuration, waiting interactions in routing order, agents available to it. */
export interface QueueRec {
  config: QueueConfig;
  waiting: SortedList<InteractionRec>;
  /** Interactions of this queue inside a preferred-agent window (not in `waiting`). */
  preferredCount: number;
  /** Agents qualified for at least one ring, whatever their state. */
  pool: Set<string>;
  /** How many agents of `pool` have presence `ready`: kept by `setPresence` and the pool's changes, read per arrival. */
  readyCount: number;
  /** The same waiting interactions split by ring and channel (index `slotOf`), so an agent finds its best one from a few heads. */
  buckets: (SortedList<InteractionRec> | undefined)[];
  /** Channels this queue has received; agents are indexed only for these. */
  channels: Channel[];
  /** Available agents by ring and channel (index `slotOf`: the agent's ring, a channel it has room on), in strategy order. */
  available: (SortedList<AgentEntry> | undefined)[];
  rrCursor: string | null;
  /** Moving average of handle time (accept to end of wrap-up), for the estimated wait. */
  ahtMs: number;
  nextAnnounceAt: number | null;
}

export type LiveState = 'queued' | 'offered' | 'active' | 'wrapup';

/** An interaction the router is moving; removed from the live map once terminal. */
export interface InteractionRec {
  id: string;
  seq: number;
  idempotencyKey: string | null;
  channel: Channel;
  customerId: string | null;
  priority: Priority;
  data: Record<string, unknown>;
  queueId: string;
  state: LiveState;
  arrivedAt: number;
  enteredQueueAt: number;
  /** Extra priority gained on the way (e.g. overflow downward), in ms. */
  raiseMs: number;
  /** Routing order key: effective arrival = arrival minus priority boosts; smaller goes first. */
  key: number;
  ring: number;
  nextRingAt: number | null;
  preferredAgentId: string | null;
  preferredUntil: number | null;
  offerCount: number;
  offer: { offerId: string; agentId: string; expiresAt: number } | null;
  agentId: string | null;
  acceptedAt: number | null;
  wrapupUntil: number | null;
  overflowAt: number | null;
  /** Queues visited through overflow, to stop a loop. */
  visited: string[];
  announced: { ewtSeconds: number; position: number } | null;
}

/** Blacklist limits for one customer and category, confirmed by a team lead. */
export interface BlacklistEntry {
  allowedHours: { from: number; to: number }[] | null;
  maxPerDay: number | null;
  message: string | null;
}

/** The whole mutable state of one engine instance; nothing lives outside it. */
export interface EngineState {
  lastAt: number;
  seq: number;
  skills: Set<string>;
  reasonCodes: Set<string>;
  teams: Map<string, Capacity>;
  queues: Map<string, QueueRec>;
  agents: Map<string, AgentRec>;
  interactions: Map<string, InteractionRec>;
  idempotencyKeys: Map<string, string>;
  /** Recently closed interactions with their outcome, oldest first, bounded. */
  closed: Map<string, { outcome: TerminalState; idempotencyKey: string | null }>;
  /** The keys of `closed` in closing order, to forget the oldest in O(1). */
  closedOrder: Fifo<string>;
  blacklist: Map<string, Map<string, BlacklistEntry>>;
  /** Times each blacklisted customer reached a person on its local day. */
  reached: Map<string, { day: number; count: number }>;
  timers: TimerHeap;
}

export const compareInteractions = (a: InteractionRec, b: InteractionRec) => a.key - b.key || a.seq - b.seq;
export const compareAgentEntries = (a: AgentEntry, b: AgentEntry) =>
  a.k1 - b.k1 || a.k2 - b.k2 || (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0);

export function emptyState(): EngineState {
  return {
    lastAt: 0,
    seq: 0,
    skills: new Set(),
    reasonCodes: new Set(),
    teams: new Map(),
    queues: new Map(),
    agents: new Map(),
    interactions: new Map(),
    idempotencyKeys: new Map(),
    closed: new Map(),
    closedOrder: new Fifo(),
    blacklist: new Map(),
    reached: new Map(),
    timers: new TimerHeap(),
  };
}

export function newQueue(config: QueueConfig): QueueRec {
  return {
    config,
    waiting: new SortedList(compareInteractions),
    preferredCount: 0,
    pool: new Set(),
    readyCount: 0,
    buckets: [],
    channels: [],
    available: [],
    rrCursor: null,
    ahtMs: config.defaultHandleSeconds * 1000,
    nextAnnounceAt: null,
  };
}

const channelIndex: Record<Channel, number> = Object.fromEntries(channels.map((c, k) => [c, k])) as Record<
  Channel,
  number
>;

/** Index of the list of one ring and one channel inside a queue (numbers, not names: no string built per lookup). */
export const slotOf = (ring: number, channel: Channel) => ring * channels.length + channelIndex[channel];

/** Name of the list in slot `slot`, as snapshots show it: `ring:channel`. */
export const slotName = (slot: number) =>
  `${Math.floor(slot / channels.length)}:${channels[slot % channels.length]!}`;

/** Changes an agent's presence, keeping the ready counts of the queues whose pool it is in. */
export function setPresence(state: EngineState, agent: AgentRec, presence: AgentRec['presence']): void {
  const delta = (presence === 'ready' ? 1 : 0) - (agent.presence === 'ready' ? 1 : 0);
  agent.presence = presence;
  if (delta === 0) return;
  // `rings` names exactly the queues whose pool holds this agent.
  for (const queueId of agent.rings.keys()) {
    const queue = state.queues.get(queueId);
    if (queue) queue.readyCount += delta;
  }
}

export const zeroLoad = (): Record<Channel, number> => ({
  voice: 0,
  im: 0,
  sms: 0,
  email: 0,
  fax: 0,
  social: 0,
});
