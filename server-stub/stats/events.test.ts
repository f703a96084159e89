import { describe, expect, it } from 'vitest';
import type { SeatError } from '@contract/errors';
import { parseStatsEvent, statsEventSchema } from './events';

describe('parseStatsEvent', () => {
  it('accepts every kind of record and fills the defaults', () => {
    const ended = parseStatsEvent({
      type: 'interaction.ended',
      at: 1,
      tenantId: 't',
      interactionId: 'i',
      queueId: 'q',
      agentId: 'a',
    });
    expect(ended).toMatchObject({ wrapup: false });
    const state = parseStatsEvent({
      type: 'agent.state',
      at: 1,
      tenantId: 't',
      agentId: 'a',
      state: 'ready',
    });
    expect(state).toMatchObject({ reason: null });
    expect(statsEventSchema.options).toHaveLength(10);
  });

  it('refuses an unknown type, a missing tenant, a negative time or an extra field with VALIDATION_FAILED', () => {
    const bad = [
      { type: 'interaction.teleported', at: 1, tenantId: 't', interactionId: 'i' },
      { type: 'interaction.abandoned', at: 1, interactionId: 'i', queueId: 'q' },
      { type: 'interaction.abandoned', at: -1, tenantId: 't', interactionId: 'i', queueId: 'q' },
      { type: 'interaction.abandoned', at: 1, tenantId: 't', interactionId: 'i', queueId: 'q', x: 1 },
      { type: 'queue.configured', at: 1, tenantId: 't', queueId: 'q', name: 'Q', serviceLevelSeconds: -5 },
      { type: 'agent.state', at: 1, tenantId: 't', agentId: 'a', state: 'sleeping' },
    ];
    for (const input of bad) {
      try {
        parseStatsEvent(input);
        expect.unreachable(`accepted ${JSON.stringify(input)}`);
      } catch (error) {
        expect((error as SeatError).code).toBe('VALIDATION_FAILED');
        expect((error as SeatError).details?.length).toBeGreaterThan(0);
      }
    }
  });
});
