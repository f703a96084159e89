import { BehaviorSubject, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@contract/ws';
import type { TabsState } from '../conversations/tabs-state';
import type { CustomerFocus } from './customer-focus';
import { customerFocus$ } from './focus-stream';
import { interaction } from './testing';

describe('customer focus stream', () => {
  it('follows the active tab, pops a ringing call over it, and returns to the tab when the call is answered elsewhere', () => {
    const frames = new Subject<ServerMessage>();
    const chat = interaction({ id: 'chat', customerId: 'chatter' });
    const tabs = new BehaviorSubject<TabsState>({ tabs: [], activeId: null });
    const seen: CustomerFocus[] = [];
    const subscription = customerFocus$(frames, tabs).subscribe((f) => seen.push(f));
    tabs.next({ tabs: [{ id: 'chat', interaction: chat, gone: null, unseen: 0 }], activeId: 'chat' });
    const call = interaction({ id: 'call', channel: 'voice', state: 'offered', customerId: 'caller' });
    frames.next({ type: 'interaction.offer', interaction: call, expiresAt: '2026-03-02T09:00:30.000Z' });
    frames.next({ type: 'interaction.revoked', interactionId: 'call', reason: 'cancelled' });
    // The same chat tab again changes nothing on screen.
    tabs.next({ ...tabs.value });
    subscription.unsubscribe();
    expect(seen).toEqual([
      { kind: 'none' },
      { kind: 'customer', customerId: 'chatter', ringing: false },
      { kind: 'customer', customerId: 'caller', ringing: true },
      { kind: 'customer', customerId: 'chatter', ringing: false },
    ]);
  });
});
