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
// Head starts (seconds) as the default queue priority classes give them: most work has none, then
// silver, gold and VIP customers.
const headStarts = [0, 0, 0, 0, 300, 0, 600, 0, 0, 3600];
/** The bench queues' service-level threshold, as inbox-bench.tsx lists them. */
export const benchServiceLevelSeconds = 20;

/** A deterministic interaction number `n` of a bench tenant (no randomness: every run sees the same rows). */
export function benchInteraction(n: number, at: number, patch: Partial<Interaction> = {}): Interaction {
  const channel = channels[n % channels.length] as Channel;
  const state = states[n % states.length] as InteractionState;
  const created = at - (n % 3600) * 1000;
  const time = new Date(created).toISOString();
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
    },
    createdAt: time,
    updatedAt: time,
    estimatedWaitSeconds: null,
    position: null,
    disposition: null,
    releaseReason: null,
    priority: headStarts[n % headStarts.length] ?? 0,
    slaDueAt: new Date(created + benchServiceLevelSeconds * 1000).toISOString(),
    ...patch,
  };
}

/** The bench tenant's list of `count` interactions. */
export function benchInteractions(count: number, at: number): Interaction[] {
  return Array.from({ length: count }, (_, n) => benchInteraction(n, at));
}
