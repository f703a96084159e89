import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentStatus } from '@contract/ws';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { AgentStateControl } from './AgentStateControl';

const at = (state: AgentStatus['state'], reason: string | null = null): AgentStatus => ({
  agentId: 'a1',
  state,
  reason,
  since: '2025-01-01T00:00:00.000Z',
});

describe('AgentStateControl', () => {
  afterEach(cleanup);

  it('shows the server state with its reason, as text and as data for tests', () => {
    renderWithI18n(
      <AgentStateControl status={at('not_ready', 'lunch')} pending={false} enabled onChoose={() => {}} />,
    );
    const indicator = screen.getByTestId('agent-state');
    expect(indicator.textContent).toContain('Not ready – Lunch');
    expect(indicator.dataset.state).toBe('not_ready');
    expect(indicator.dataset.reason).toBe('lunch');
    expect(screen.getByRole('combobox', { name: 'Change my state' })).toHaveProperty(
      'value',
      'not_ready:lunch',
    );
  });

  it('announces the ready and not-ready hotkeys on the state menu when it is given them', () => {
    renderWithI18n(
      <AgentStateControl
        status={null}
        pending={false}
        enabled
        onChoose={() => {}}
        keyShortcuts="Alt+Shift+R Alt+Shift+N"
      />,
    );
    expect(screen.getByTestId('agent-state-select').getAttribute('aria-keyshortcuts')).toBe(
      'Alt+Shift+R Alt+Shift+N',
    );
  });

  it('says the state is unknown before the server has told it', () => {
    renderWithI18n(<AgentStateControl status={null} pending={false} enabled onChoose={() => {}} />);
    expect(screen.getByTestId('agent-state').dataset.state).toBe('unknown');
    expect(screen.getByTestId('agent-state').textContent).toContain('Unknown');
  });

  it('offers Ready and each not-ready reason, and reports the one picked', async () => {
    const onChoose = vi.fn();
    renderWithI18n(
      <AgentStateControl status={at('logged_out')} pending={false} enabled onChoose={onChoose} />,
    );
    const menu = screen.getByRole('combobox', { name: 'Change my state' });
    const labels = screen.getAllByRole('option').map((o) => o.textContent);
    expect(labels).toEqual([
      'Choose a state…',
      'Ready',
      'Not ready – Break',
      'Not ready – Lunch',
      'Not ready – Training',
      'Not ready – Meeting',
    ]);
    await userEvent.selectOptions(menu, 'not_ready:break');
    expect(onChoose).toHaveBeenLastCalledWith({ state: 'not_ready', reason: 'break' });
    await userEvent.selectOptions(menu, 'ready');
    expect(onChoose).toHaveBeenLastCalledWith({ state: 'ready' });
  });

  it('keeps showing the server state, not the pick, until the server confirms', async () => {
    const onChoose = vi.fn();
    renderWithI18n(<AgentStateControl status={at('ready')} pending={false} enabled onChoose={onChoose} />);
    await userEvent.selectOptions(screen.getByRole('combobox'), 'not_ready:meeting');
    expect(screen.getByTestId('agent-state').dataset.state).toBe('ready');
  });

  it('locks the menu while disconnected or while a change is on its way', () => {
    const { rerender } = renderWithI18n(
      <AgentStateControl status={at('ready')} pending={false} enabled={false} onChoose={() => {}} />,
    );
    expect(screen.getByRole('combobox')).toHaveProperty('disabled', true);
    rerender(<AgentStateControl status={at('ready')} pending enabled onChoose={() => {}} />);
    expect(screen.getByRole('combobox')).toHaveProperty('disabled', true);
  });
});
