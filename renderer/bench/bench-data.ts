import type { Channel } from '@contract/agent';
import { channels } from '@contract/agent';
import type { Interaction, InteractionState } from '@contract/routing';

const states: InteractionState[] = ['queued', 'offered', 'active', 'held', 'wrapup'];
const subjects = [
  'Bill too high',
  'Router keeps dropping',
  'Change my plan',
  'Where is my parcel',
  'Roaming abroad',
];

/** A deterministic interaction number `n` of a bench tenant (no randomness: every run sees the same rows). */
export function benchInteraction(n: number, at: number, patch: Partial<Interaction> = {}): Interaction {
  const channel = channels[n % channels.length] as Channel;
  const state = states[n % states.length] as InteractionState;
  const time = new Date(at - (n % 3600) * 1000).toISOString();
  return {
    id: `bench-${n}`,
    channel,
    queueId: `q${n % 6}`,
    customerId: `cust-${n % 500}`,
    state,
    agentId: state === 'queued' ? null : `a${n % 24}`,
    attached: {
      customerName: `Customer ${n}`,
      subject: subjects[n % subjects.length],
      priority: n % 10,
    },
    createdAt: time,
    updatedAt: time,
    estimatedWaitSeconds: null,
    position: null,
    disposition: null,
    releaseReason: null,
    ...patch,
  };
}

/** The bench tenant's list of `count` interactions. */
export function benchInteractions(count: number, at: number): Interaction[] {
  return Array.from({ length: count }, (_, n) => benchInteraction(n, at));
}
