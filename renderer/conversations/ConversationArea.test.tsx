import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualTimers } from '../api/testing/fake-socket';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { ConversationArea } from './ConversationArea';
import type { ConversationAreaServices } from './ConversationArea';
import { createConversationTabs } from './conversation-tabs';
import { GenericPane } from './GenericPane';
import { agentUser, fakeConversationSocket, interaction } from './testing';

afterEach(cleanup);

function setup() {
  const { socket } = fakeConversationSocket();
  const tabs = createConversationTabs({ frames$: socket.messages$, agentId: 'a1' });
  const timers = new ManualTimers();
  const services: ConversationAreaServices = {
    http: { request: () => Promise.reject(new Error('unused')) },
    serverUrl: 'http://seat.test',
    getToken: () => null,
    timers,
    now: () => 0,
    loadCapacity: () => Promise.resolve({ voice: 1, im: 1, sms: 1, email: 2, fax: 1, social: 1 }),
    fetch: () => Promise.reject(new Error('unused')),
    newId: () => 'id',
  };
  renderWithI18n(
    <ConversationArea
      tabs={tabs}
      user={agentUser}
      socket={socket}
      services={services}
      loadCapacity={services.loadCapacity}
      registry={{ panes: {}, fallback: GenericPane }}
    />,
  );
  return { tabs };
}

const selected = () =>
  screen.getAllByTestId('conversation-tab').find((t) => t.getAttribute('aria-selected') === 'true');

describe('ConversationArea', () => {
  it("labels an e-mail tab with the sender's name and the subject the e-mail channel attached", () => {
    const { tabs } = setup();
    const email = { from: 'ada@example.test', fromName: 'Ada Lovelace', subject: 'Invoice 42' };
    act(() => {
      tabs.open(interaction('e1', { channel: 'email', attached: { email } }));
    });
    expect(screen.getByTestId('conversation-tab').textContent).toContain('Ada Lovelace');
    expect(screen.getByTestId('conversation-tab').textContent).toContain('Invoice 42');
  });

  it('shows each opened interaction as a tab with its pane, and switches with Ctrl+digit', () => {
    const { tabs } = setup();
    act(() => {
      tabs.open(interaction('e1', { channel: 'email', attached: { customerName: 'Li Na' } }));
      tabs.open(interaction('e2', { channel: 'email', attached: { customerName: 'Wang Fang' } }));
    });
    expect(screen.getAllByTestId('conversation-tab').map((t) => t.textContent)).toEqual([
      expect.stringContaining('Li Na'),
      expect.stringContaining('Wang Fang'),
    ]);
    expect(selected()?.getAttribute('data-interaction-id')).toBe('e2');
    fireEvent.keyDown(document, { key: '1', ctrlKey: true });
    expect(selected()?.getAttribute('data-interaction-id')).toBe('e1');
    const panels = screen.getAllByTestId('conversation-panel');
    expect(panels.map((p) => p.hidden)).toEqual([false, true]);
  });

  it('closes a tab from its close button and with Delete in the strip', () => {
    const { tabs } = setup();
    act(() => {
      tabs.open(interaction('e1', { channel: 'email' }));
      tabs.open(interaction('e2', { channel: 'email' }));
    });
    fireEvent.click(screen.getAllByTestId('conversation-close')[0]!);
    expect(screen.getAllByTestId('conversation-tab')).toHaveLength(1);
    fireEvent.keyDown(screen.getByTestId('conversation-tab'), { key: 'Delete' });
    expect(screen.queryAllByTestId('conversation-tab')).toHaveLength(0);
    expect(screen.getByTestId('conversations-status').textContent).toContain('closed');
  });

  it('tells the agent why a conversation beyond the channel capacity did not open', async () => {
    const { tabs } = setup();
    await act(async () => {
      await Promise.resolve();
    });
    act(() => {
      tabs.open(interaction('c1'));
      tabs.open(interaction('c2'));
    });
    expect(screen.getAllByTestId('conversation-tab')).toHaveLength(1);
    expect(screen.getByTestId('conversations-status').textContent).toContain(
      '1 Chat conversation open at a time',
    );
  });
});
