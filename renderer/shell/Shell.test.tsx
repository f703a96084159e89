import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { Shell } from './Shell';
import type { ShellProps } from './Shell';

function props(overrides: Partial<ShellProps> = {}): ShellProps {
  return {
    displayName: 'Agent 01',
    status: { agentId: 'a1', state: 'ready', reason: null, since: '2025-01-01T00:00:00.000Z' },
    connection: 'open',
    statePending: false,
    signingOut: false,
    onChooseState: () => {},
    onSignOut: () => {},
    languageSwitch: <span>lang</span>,
    error: null,
    onDismissError: () => {},
    ...overrides,
  };
}

describe('Shell', () => {
  afterEach(cleanup);

  it('shows the agent, their state and the connection in a labelled toolbar', () => {
    renderWithI18n(<Shell {...props()} />);
    const banner = screen.getByRole('banner');
    const toolbar = within(banner).getByRole('navigation', { name: 'Agent toolbar' });
    expect(within(toolbar).getByText('Signed in as Agent 01')).toBeTruthy();
    expect(within(toolbar).getByTestId('agent-state').dataset.state).toBe('ready');
    expect(within(toolbar).getByRole('status').textContent).toContain('Connected');
  });

  it('lays out the inbox, customer and work-order panes, each saying what will appear', () => {
    renderWithI18n(<Shell {...props()} />);
    const main = screen.getByRole('main');
    const names = within(main)
      .getAllByRole('region')
      .map((r) => r.getAttribute('data-pane'));
    expect(names).toEqual(['inbox', 'customer', 'work-orders']);
    expect(within(screen.getByRole('region', { name: 'Inbox' })).getByText(/will appear here/)).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Customer' })).getByText(/will appear here/),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Work orders' })).getByText(/will appear here/),
    ).toBeTruthy();
  });

  it('shows an error as an alert only when there is one', () => {
    const { rerender } = renderWithI18n(<Shell {...props()} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<Shell {...props({ error: 'The server is not available right now.' })} />);
    expect(screen.getByRole('alert').textContent).toContain('The server is not available right now.');
  });

  it('reaches every control by Tab, starting with the skip link, and signs out with Enter', async () => {
    const onSignOut = vi.fn();
    renderWithI18n(<Shell {...props({ onSignOut, languageSwitch: <button type="button">lang</button> })} />);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await userEvent.tab();
      const el = document.activeElement as HTMLElement;
      order.push(el.dataset.testid ?? el.textContent ?? el.tagName);
    }
    expect(order[0]).toBe('Skip to main content');
    expect(order[1]).toBe('agent-state-select');
    expect(order[2]).toBe('lang');
    expect(order[3]).toBe('Sign out');
    await userEvent.keyboard('{Enter}');
    expect(onSignOut).toHaveBeenCalledOnce();
  });

  it('shows the panes in Chinese when the seat speaks Chinese', () => {
    renderWithI18n(<Shell {...props()} />, 'zh-CN');
    expect(screen.getByRole('region', { name: '收件箱' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '工单' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '退出登录' })).toBeTruthy();
  });
});
