import type { Channel } from '@contract/agent';
import type { ChannelCapacity } from '@contract/http/agents';
import type { Interaction, InteractionState } from '@contract/routing';

/** Why a conversation is no longer this seat's to work, or null while it is. */
export type Gone = 'revoked' | 'transferred' | null;

/** One open conversation tab. */
export interface ConversationTab {
  id: string;
  interaction: Interaction;
  gone: Gone;
  /** New items the pane reported while its tab was not shown. */
  unseen: number;
}

/** The open tabs in strip order and the one shown. */
export interface TabsState {
  tabs: readonly ConversationTab[];
  activeId: string | null;
}

export const emptyTabs: TabsState = { tabs: [], activeId: null };

const doneStates: ReadonlySet<InteractionState> = new Set([
  'ended',
  'abandoned',
  'overflowed',
  'released',
  'callback',
]);

/** Whether a tab still holds work in progress (it counts against the agent's channel capacity). */
export function isWorking(tab: ConversationTab): boolean {
  return tab.gone === null && !doneStates.has(tab.interaction.state);
}

/** How many working tabs of a channel are open. */
export function workingCount(state: TabsState, channel: Channel): number {
  return state.tabs.filter((t) => t.interaction.channel === channel && isWorking(t)).length;
}

/** Result of asking to open a conversation. */
export type OpenResult =
  { outcome: 'opened' | 'focused'; state: TabsState } | { outcome: 'full'; state: TabsState; limit: number };

/**
 * Opens a tab for the interaction, or focuses it when already open. A new tab is refused when the
 * channel already has as many working tabs as the agent's capacity for it (a voice call: one).
 */
export function openTab(state: TabsState, interaction: Interaction, capacity: ChannelCapacity): OpenResult {
  if (state.tabs.some((t) => t.id === interaction.id))
    return {
      outcome: 'focused',
      state: { ...updateInteraction(state, interaction), activeId: interaction.id },
    };
  const limit = capacity[interaction.channel];
  if (workingCount(state, interaction.channel) >= limit) return { outcome: 'full', state, limit };
  const tab: ConversationTab = { id: interaction.id, interaction, gone: null, unseen: 0 };
  return { outcome: 'opened', state: { tabs: [...state.tabs, tab], activeId: interaction.id } };
}

/** Closes a tab; the neighbour to its right (else left) is shown when it was the active one. */
export function closeTab(state: TabsState, id: string): TabsState {
  const index = state.tabs.findIndex((t) => t.id === id);
  if (index === -1) return state;
  const tabs = state.tabs.filter((t) => t.id !== id);
  if (state.activeId !== id) return { ...state, tabs };
  const next = tabs[index] ?? tabs[index - 1] ?? null;
  return { tabs, activeId: next?.id ?? null };
}

/** Shows a tab and clears its unseen count. */
export function selectTab(state: TabsState, id: string): TabsState {
  if (!state.tabs.some((t) => t.id === id)) return state;
  return {
    tabs: state.tabs.map((t) => (t.id === id && t.unseen > 0 ? { ...t, unseen: 0 } : t)),
    activeId: id,
  };
}

/** Shows the tab `step` places from the active one, wrapping around the strip. */
export function cycleTab(state: TabsState, step: number): TabsState {
  const count = state.tabs.length;
  if (count === 0) return state;
  const index = state.tabs.findIndex((t) => t.id === state.activeId);
  const target = state.tabs[(((index + step) % count) + count) % count];
  return target ? selectTab(state, target.id) : state;
}

/** Shows the n-th tab (0-based) when there is one. */
export function selectIndex(state: TabsState, index: number): TabsState {
  const target = state.tabs[index];
  return target ? selectTab(state, target.id) : state;
}

/** Replaces an open tab's interaction with a newer description of it. */
export function updateInteraction(state: TabsState, interaction: Interaction, gone?: Gone): TabsState {
  if (!state.tabs.some((t) => t.id === interaction.id)) return state;
  return {
    ...state,
    tabs: state.tabs.map((t) =>
      t.id === interaction.id ? { ...t, interaction, gone: gone === undefined ? t.gone : gone } : t,
    ),
  };
}

/** Marks an open tab as no longer this seat's to work. */
export function markGone(state: TabsState, id: string, gone: Exclude<Gone, null>): TabsState {
  if (!state.tabs.some((t) => t.id === id && t.gone !== gone)) return state;
  return { ...state, tabs: state.tabs.map((t) => (t.id === id ? { ...t, gone } : t)) };
}

/** Records how many new items a pane has unseen; a shown tab keeps none. */
export function setUnseen(state: TabsState, id: string, unseen: number): TabsState {
  const count = id === state.activeId ? 0 : Math.max(0, unseen);
  if (!state.tabs.some((t) => t.id === id && t.unseen !== count)) return state;
  return { ...state, tabs: state.tabs.map((t) => (t.id === id ? { ...t, unseen: count } : t)) };
}
