import { describe, expect, it } from 'vitest';
import { createConversationTabs } from './conversation-tabs';
import type { RefusedOpen } from './conversation-tabs';
import { fakeConversationSocket, interaction } from './testing';

function setup() {
  const { frames, socket } = fakeConversationSocket();
  const tabs = createConversationTabs({ frames$: socket.messages$, agentId: 'a1' });
  const stop = tabs.start();
  const refused: RefusedOpen[] = [];
  tabs.refused$.subscribe((r) => refused.push(r));
  return { frames, tabs, stop, refused };
}

describe('createConversationTabs', () => {
  it('opens work the agent just accepted by itself', () => {
    const { frames, tabs } = setup();
    frames.next({ type: 'interaction.update', interaction: interaction('c1', { state: 'active' }) });
    expect(tabs.state.tabs.map((t) => t.id)).toEqual(['c1']);
    expect(tabs.state.activeId).toBe('c1');
  });

  it("does not open someone else's or unaccepted work by itself", () => {
    const { frames, tabs } = setup();
    frames.next({ type: 'interaction.update', interaction: interaction('c1', { agentId: 'a2' }) });
    frames.next({ type: 'interaction.update', interaction: interaction('c2', { state: 'wrapup' }) });
    expect(tabs.state.tabs).toEqual([]);
  });

  it('follows updates of open tabs and marks a transfer away as gone', () => {
    const { frames, tabs } = setup();
    tabs.open(interaction('c1'));
    frames.next({
      type: 'interaction.update',
      interaction: interaction('c1', { agentId: 'a2', state: 'offered' }),
    });
    expect(tabs.state.tabs[0]).toMatchObject({ gone: 'transferred', interaction: { agentId: 'a2' } });
  });

  it('marks a revoked offer as gone', () => {
    const { frames, tabs } = setup();
    tabs.open(interaction('c1', { state: 'offered' }));
    frames.next({ type: 'interaction.revoked', interactionId: 'c1', reason: 'timeout' });
    expect(tabs.state.tabs[0]?.gone).toBe('revoked');
  });

  it("keeps a tab open when the work only leaves a team lead's view of the tenant", () => {
    const { frames, tabs } = setup();
    tabs.open(interaction('c1', { state: 'active' }));
    frames.next({ type: 'interaction.revoked', interactionId: 'c1', reason: 'out_of_view' });
    expect(tabs.state.tabs[0]?.gone).toBeNull();
  });

  it('uses the capacity it is given and reports refused opens', () => {
    const { tabs, refused } = setup();
    tabs.setCapacity({ voice: 1, im: 1, sms: 1, email: 1, fax: 1, social: 1 });
    expect(tabs.open(interaction('c1'))).toBe('opened');
    expect(tabs.open(interaction('c2'))).toBe('full');
    expect(refused).toEqual([{ interaction: interaction('c2'), limit: 1 }]);
  });

  it('stops following frames once disposed', () => {
    const { frames, tabs, stop } = setup();
    stop();
    frames.next({ type: 'interaction.update', interaction: interaction('c1') });
    expect(tabs.state.tabs).toEqual([]);
  });
});
