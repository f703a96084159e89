import { describe, expect, it } from 'vitest';
import type { ChannelCapacity } from '@contract/http/agents';
import {
  closeTab,
  cycleTab,
  emptyTabs,
  markGone,
  openTab,
  selectIndex,
  selectTab,
  setUnseen,
  updateInteraction,
} from './tabs-state';
import type { TabsState } from './tabs-state';
import { interaction } from './testing';

const capacity: ChannelCapacity = { voice: 1, im: 2, sms: 2, email: 3, fax: 1, social: 1 };

function openAll(...ids: string[]): TabsState {
  let state = emptyTabs;
  for (const id of ids) state = openTab(state, interaction(id, { channel: 'email' }), capacity).state;
  return state;
}

describe('openTab', () => {
  it('opens a new tab at the end and shows it', () => {
    const result = openTab(emptyTabs, interaction('i1'), capacity);
    expect(result.outcome).toBe('opened');
    expect(result.state.tabs.map((t) => t.id)).toEqual(['i1']);
    expect(result.state.activeId).toBe('i1');
  });

  it('focuses an open tab instead of opening it twice, taking the newer interaction', () => {
    const state = openAll('e1', 'e2');
    const result = openTab(state, interaction('e1', { channel: 'email', state: 'wrapup' }), capacity);
    expect(result.outcome).toBe('focused');
    expect(result.state.tabs).toHaveLength(2);
    expect(result.state.activeId).toBe('e1');
    expect(result.state.tabs[0]?.interaction.state).toBe('wrapup');
  });

  it('refuses a tab beyond the channel capacity and leaves the strip as it was', () => {
    let state = openTab(emptyTabs, interaction('c1'), capacity).state;
    state = openTab(state, interaction('c2'), capacity).state;
    const result = openTab(state, interaction('c3'), capacity);
    expect(result).toMatchObject({ outcome: 'full', limit: 2 });
    expect(result.state).toBe(state);
  });

  it('counts only working tabs against the capacity: ended or transferred ones leave room', () => {
    let state = openTab(emptyTabs, interaction('c1', { state: 'ended' }), capacity).state;
    state = openTab(state, interaction('c2'), capacity).state;
    state = markGone(state, 'c2', 'transferred');
    state = openTab(state, interaction('c3'), capacity).state;
    expect(openTab(state, interaction('c4'), capacity).outcome).toBe('opened');
  });

  it('allows one voice call, as the router does', () => {
    const state = openTab(emptyTabs, interaction('v1', { channel: 'voice' }), capacity).state;
    expect(openTab(state, interaction('v2', { channel: 'voice' }), capacity).outcome).toBe('full');
    expect(openTab(state, interaction('c1'), capacity).outcome).toBe('opened');
  });
});

describe('closeTab', () => {
  it('shows the right-hand neighbour when the active tab closes, else the left one', () => {
    const state = selectTab(openAll('e1', 'e2', 'e3'), 'e2');
    expect(closeTab(state, 'e2').activeId).toBe('e3');
    expect(closeTab(closeTab(state, 'e3'), 'e2').activeId).toBe('e1');
    expect(closeTab(openAll('e1'), 'e1')).toEqual({ tabs: [], activeId: null });
  });

  it('keeps the active tab when another closes', () => {
    const state = openAll('e1', 'e2');
    expect(closeTab(state, 'e1')).toMatchObject({ activeId: 'e2' });
  });
});

describe('switching tabs', () => {
  it('cycles forward and back with wrap-around', () => {
    const state = openAll('e1', 'e2', 'e3');
    expect(cycleTab(state, 1).activeId).toBe('e1');
    expect(cycleTab(state, -1).activeId).toBe('e2');
  });

  it('selects by index and ignores an index past the end', () => {
    const state = openAll('e1', 'e2');
    expect(selectIndex(state, 0).activeId).toBe('e1');
    expect(selectIndex(state, 5)).toBe(state);
  });

  it('clears the unseen count of the tab it shows', () => {
    let state = openAll('e1', 'e2');
    state = setUnseen(state, 'e1', 3);
    expect(state.tabs[0]?.unseen).toBe(3);
    expect(selectTab(state, 'e1').tabs[0]?.unseen).toBe(0);
  });
});

describe('live changes', () => {
  it('keeps no unseen count on the shown tab', () => {
    const state = openAll('e1');
    expect(setUnseen(state, 'e1', 2)).toBe(state);
  });

  it('replaces the interaction of an open tab and ignores others', () => {
    const state = openAll('e1');
    const next = updateInteraction(state, interaction('e1', { channel: 'email', state: 'wrapup' }));
    expect(next.tabs[0]?.interaction.state).toBe('wrapup');
    expect(updateInteraction(state, interaction('zz'))).toBe(state);
  });

  it('marks a tab gone once and only once', () => {
    const state = markGone(openAll('e1'), 'e1', 'revoked');
    expect(state.tabs[0]?.gone).toBe('revoked');
    expect(markGone(state, 'e1', 'revoked')).toBe(state);
  });
});
