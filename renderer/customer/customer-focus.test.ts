import { describe, expect, it } from 'vitest';
import type { Interaction } from '@contract/routing';
import type { ServerMessage } from '@contract/ws';
import { focusOf, nextRinging } from './customer-focus';
import { interaction } from './testing';

const offer = (i: Interaction): ServerMessage => ({
  type: 'interaction.offer',
  interaction: i,
  expiresAt: '2026-03-02T09:00:30.000Z',
});
const call = interaction({ id: 'call', channel: 'voice', state: 'offered', customerId: 'caller' });

describe('customer focus', () => {
  it('rings from a voice offer until the call leaves the offered state or is withdrawn', () => {
    const ringing = nextRinging(null, offer(call));
    expect(ringing?.id).toBe('call');
    expect(
      nextRinging(ringing, { type: 'interaction.update', interaction: { ...call, state: 'active' } }),
    ).toBeNull();
    expect(
      nextRinging(ringing, { type: 'interaction.revoked', interactionId: 'call', reason: 'timeout' }),
    ).toBeNull();
    expect(
      nextRinging(ringing, {
        type: 'interaction.update',
        interaction: { ...call, id: 'other', state: 'ended' },
      }),
    ).toBe(ringing);
  });

  it('ignores offers of other channels', () => {
    const chat = interaction({ state: 'offered' });
    expect(nextRinging(null, offer(chat))).toBeNull();
  });

  it("shows the ringing caller over the open tab, then the tab's customer, or says it is anonymous", () => {
    const tab = interaction({ customerId: 'chatter' });
    expect(focusOf(call, tab)).toEqual({ kind: 'customer', customerId: 'caller', ringing: true });
    expect(focusOf(null, tab)).toEqual({ kind: 'customer', customerId: 'chatter', ringing: false });
    expect(focusOf(null, interaction({ channel: 'email', customerId: null }))).toEqual({
      kind: 'anonymous',
      channel: 'email',
    });
    expect(focusOf(null, null)).toEqual({ kind: 'none' });
  });
});
