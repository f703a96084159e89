import { channels, type Channel } from '../../contract/agent';
import type { Capacity } from './events';
import type { AgentRec } from './state';

/** Limits when neither the agent nor its team says otherwise. */
export const defaultCapacity: Record<Channel, number> = {
  voice: 1,
  im: 3,
  email: 5,
  sms: 5,
  social: 3,
  fax: 2,
};

/** The agent's limit on a channel: its own setting, else its team's, else the default. */
export function capacityOf(
  agent: Pick<AgentRec, 'capacity'>,
  team: Capacity | undefined,
  channel: Channel,
): number {
  return agent.capacity[channel] ?? team?.[channel] ?? defaultCapacity[channel];
}

/** What the capacity rules read of an agent: its limits, its load per channel and its own calls. */
export type Occupied = Pick<AgentRec, 'capacity' | 'load' | 'calls'>;

/**
 * Whether the agent has room for one more interaction on `channel`; a voice call blocks everything
 * else, and a call of the agent's own (no interaction) blocks every channel, voice included.
 */
export function hasRoom(agent: Occupied, team: Capacity | undefined, channel: Channel): boolean {
  if (agent.calls.length > 0) return false;
  if (channel !== 'voice' && agent.load.voice > 0) return false;
  return agent.load[channel] < capacityOf(agent, team, channel);
}

/** Whether the agent has room on at least one channel. */
export function hasAnyRoom(agent: Occupied, team: Capacity | undefined): boolean {
  for (const c of channels) if (hasRoom(agent, team, c)) return true;
  return false;
}

/** Share of the agent's total capacity in use, 0..1: the key of "least occupied". */
export function occupancy(agent: Occupied, team: Capacity | undefined): number {
  if (agent.load.voice > 0 || agent.calls.length > 0) return 1;
  let used = 0;
  let total = 0;
  for (const c of channels) {
    used += agent.load[c];
    total += capacityOf(agent, team, c);
  }
  return total === 0 ? 1 : used / total;
}
