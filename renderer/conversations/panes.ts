import { ChatPane } from '../chat/ChatPane';
import { EmailPane } from '../email/EmailPane';
import { GenericPane } from './GenericPane';
import type { PaneRegistry } from './pane-registry';

/**
 * The seat's conversation panes by channel. A channel's helper plugs its pane in with one import and
 * one line here (e.g. `email: EmailPane`); channels without a line get the generic pane.
 */
export const conversationPanes: PaneRegistry = {
  panes: {
    im: ChatPane,
    email: EmailPane,
  },
  fallback: GenericPane,
};
