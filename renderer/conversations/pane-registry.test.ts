import { describe, expect, it } from 'vitest';
import type { ConversationPaneProps } from './pane-props';
import { paneFor } from './pane-registry';
import type { PaneRegistry } from './pane-registry';

const Fallback = (_: ConversationPaneProps) => null;
const Chat = (_: ConversationPaneProps) => null;

describe('paneFor', () => {
  const registry: PaneRegistry = { panes: { im: Chat }, fallback: Fallback };

  it('returns the pane registered for the channel', () => {
    expect(paneFor(registry, 'im')).toBe(Chat);
  });

  it('returns the fallback for a channel without its own pane', () => {
    expect(paneFor(registry, 'fax')).toBe(Fallback);
  });
});
