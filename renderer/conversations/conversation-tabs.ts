import { BehaviorSubject, Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import type { ChannelCapacity } from '@contract/http/agents';
import type { Interaction } from '@contract/routing';
import { outOfViewReason } from '@contract/ws';
import type { ServerMessage } from '@contract/ws';
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
import type { OpenResult, TabsState } from './tabs-state';

/**
 * Limits the seat assumes until the agent's own are loaded: the routing server's defaults
 * (server-stub/routing/capacity.ts), so the seat never allows fewer tabs than the server's work.
 */
export const defaultCapacity: ChannelCapacity = { voice: 1, im: 3, email: 5, sms: 5, social: 3, fax: 2 };

/** What the tabs follow: the socket's frames and whose seat this is. */
export interface ConversationTabsOptions {
  frames$: Observable<ServerMessage>;
  /** The signed-in user's agent id (null for admins): their accepted work opens by itself. */
  agentId: string | null;
}

/** An open refused because the channel's working tabs reached the agent's capacity. */
export interface RefusedOpen {
  interaction: Interaction;
  limit: number;
}

/** The open conversations of one seat: the tab strip's state and what changes it. */
export interface ConversationTabs {
  readonly state$: Observable<TabsState>;
  readonly state: TabsState;
  /** Opens (or focuses) the interaction's tab within the agent's channel capacity. */
  open(interaction: Interaction): OpenResult['outcome'];
  close(id: string): void;
  select(id: string): void;
  selectIndex(index: number): void;
  cycle(step: number): void;
  setUnseen(id: string, unseen: number): void;
  /** The agent's channel capacity once loaded. */
  setCapacity(capacity: ChannelCapacity): void;
  readonly capacity: ChannelCapacity;
  /** Opens refused for capacity, so the area can tell the agent why nothing opened. */
  readonly refused$: Observable<RefusedOpen>;
  /** Starts following frames; returns the disposer. */
  start(): () => void;
}

/** Creates the tabs of one seat; frames are followed from start(). */
export function createConversationTabs(options: ConversationTabsOptions): ConversationTabs {
  const subject = new BehaviorSubject<TabsState>(emptyTabs);
  const refused = new Subject<RefusedOpen>();
  let capacity = defaultCapacity;
  const tryOpen = (interaction: Interaction): OpenResult['outcome'] => {
    const result = openTab(subject.value, interaction, capacity);
    if (result.outcome === 'full') refused.next({ interaction, limit: result.limit });
    set(result.state);
    return result.outcome;
  };
  const set = (next: TabsState) => {
    if (next !== subject.value) subject.next(next);
  };
  const isOpen = (id: string) => subject.value.tabs.some((t) => t.id === id);
  const mine = (interaction: Interaction) =>
    options.agentId !== null && interaction.agentId === options.agentId;

  const onFrame = (frame: ServerMessage) => {
    const state = subject.value;
    switch (frame.type) {
      case 'interaction.offer':
        return set(updateInteraction(state, frame.interaction, null));
      case 'interaction.update': {
        const interaction = frame.interaction;
        const tab = state.tabs.find((t) => t.id === interaction.id);
        if (!tab) {
          // Work the agent just accepted opens by itself, as the desk phone's line would.
          if (mine(interaction) && interaction.state === 'active') tryOpen(interaction);
          return;
        }
        // Was this seat's and now is someone else's (or back in a queue): a transfer took it away.
        const transferred = mine(tab.interaction) && !mine(interaction);
        return set(updateInteraction(state, interaction, transferred ? 'transferred' : undefined));
      }
      case 'interaction.revoked':
        // A lead's list losing work from view says nothing about a conversation this seat has open.
        if (frame.reason === outOfViewReason) return undefined;
        return isOpen(frame.interactionId) ? set(markGone(state, frame.interactionId, 'revoked')) : undefined;
      default:
        return undefined;
    }
  };

  return {
    state$: subject.asObservable(),
    get state() {
      return subject.value;
    },
    get capacity() {
      return capacity;
    },
    refused$: refused.asObservable(),
    open: tryOpen,
    close: (id) => set(closeTab(subject.value, id)),
    select: (id) => set(selectTab(subject.value, id)),
    selectIndex: (index) => set(selectIndex(subject.value, index)),
    cycle: (step) => set(cycleTab(subject.value, step)),
    setUnseen: (id, unseen) => set(setUnseen(subject.value, id, unseen)),
    setCapacity(next) {
      capacity = next;
    },
    start() {
      const subscription = options.frames$.subscribe(onFrame);
      return () => subscription.unsubscribe();
    },
  };
}
