import type { ComponentType } from 'react';
import type { Channel } from '@contract/agent';
import type { ConversationPaneProps } from './pane-props';

/** A conversation pane component: every channel's pane takes the same props. */
export type ConversationPane = ComponentType<ConversationPaneProps>;

/** Which pane shows each channel's conversations; a channel without one gets the fallback. */
export interface PaneRegistry {
  panes: Partial<Record<Channel, ConversationPane>>;
  fallback: ConversationPane;
}

/** The pane for a channel: its own when registered, else the registry's fallback. */
export function paneFor(registry: PaneRegistry, channel: Channel): ConversationPane {
  return registry.panes[channel] ?? registry.fallback;
}
