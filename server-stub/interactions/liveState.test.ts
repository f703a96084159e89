import { describe, expect, it } from 'vitest';
import type { Decision } from '../routing/decisions';
import { createLiveState } from './liveState';

const audience = { agents: ['a1'], wallboards: true, customer: false };
const offer: Decision = {
  type: 'offer',
  at: 1,
  by: 'system',
  audience,
  offerId: 'o1',
  interactionId: 'i1',
  agentId: 'a1',
  queueId: 'q',
  channel: 'voice',
  customerId: null,
  priority: { vip: false, tier: null, boosts: [] },
  expiresAt: 21_000,
  data: {},
};

describe('live state', () => {
  it('keeps an offer until it is withdrawn or the interaction moves on', () => {
    const live = createLiveState();
    live.apply([offer]);
    expect(live.offer('i1')?.expiresAt).toBe(21_000);
    live.apply([
      {
        type: 'offer_withdrawn',
        at: 2,
        by: 'system',
        audience,
        offerId: 'o1',
        interactionId: 'i1',
        agentId: 'a1',
        reason: 'timeout',
      },
    ]);
    expect(live.offer('i1')).toBeUndefined();
    live.apply([
      offer,
      {
        type: 'interaction_state',
        at: 3,
        by: 'a1',
        audience,
        interactionId: 'i1',
        state: 'active',
        queueId: 'q',
        agentId: 'a1',
        disposition: null,
      },
    ]);
    expect(live.offer('i1')).toBeUndefined();
  });

  it('remembers each agent’s last status with the time it began', () => {
    const live = createLiveState();
    live.apply([
      { type: 'agent_state', at: 0, by: 'a1', audience, agentId: 'a1', state: 'not_ready', reason: 'break' },
    ]);
    expect(live.agent('a1')).toEqual({
      agentId: 'a1',
      state: 'not_ready',
      reason: 'break',
      since: new Date(0).toISOString(),
    });
  });
});
