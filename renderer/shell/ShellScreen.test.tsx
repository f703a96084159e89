import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@contract/auth';
import { SeatSocket } from '../api/seat-socket';
import { FakeSocket, ManualTimers } from '../api/testing/fake-socket';
import type { CustomerServices } from '../customer/customer-api';
import { customer, interaction } from '../customer/testing';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { ShellScreen } from './ShellScreen';

const user: User = {
  id: 'u1',
  tenantId: 'demo',
  username: 'agent01',
  displayName: 'Agent 01',
  role: 'agent',
  agentId: 'a1',
};
const since = '2025-01-01T00:00:00.000Z';

function setup(services: { customer?: CustomerServices } = {}) {
  const sockets: FakeSocket[] = [];
  const socket = new SeatSocket({
    url: 'ws://seat.test/ws?token=t',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    timers: new ManualTimers(),
  });
  const onSignOut = vi.fn(async () => {});
  const onSessionEnded = vi.fn();
  renderWithI18n(
    <ShellScreen
      user={user}
      socket={socket}
      onSignOut={onSignOut}
      onSessionEnded={onSessionEnded}
      languageSwitch={null}
      {...services}
    />,
  );
  const server = () => {
    const s = sockets.at(-1);
    if (!s) throw new Error('the shell did not open a socket');
    return s;
  };
  const serverOpens = () =>
    act(() => {
      server().serverOpens();
      server().serverSends({ type: 'hello', user, serverTime: since });
      server().serverSends({
        type: 'agent.state',
        status: { agentId: 'a1', state: 'logged_out', reason: null, since },
      });
    });
  return { server, serverOpens, onSignOut, onSessionEnded, socket };
}

describe('ShellScreen', () => {
  afterEach(cleanup);

  it('connects on mount and shows the connection and the state the server reports', () => {
    const { serverOpens } = setup();
    expect(screen.getByTestId('connection').dataset.connection).toBe('connecting');
    serverOpens();
    expect(screen.getByTestId('connection').dataset.connection).toBe('open');
    expect(screen.getByTestId('agent-state').dataset.state).toBe('logged_out');
    expect(screen.getByText('Signed in as Agent 01')).toBeTruthy();
  });

  it('sends agent.setState for the chosen state and follows the server when it confirms', async () => {
    const { server, serverOpens } = setup();
    serverOpens();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Change my state' }),
      'not_ready:break',
    );
    const frame = server().lastSent();
    expect(frame).toMatchObject({ type: 'agent.setState', state: 'not_ready', reason: 'break' });
    expect(screen.getByTestId('agent-state').dataset.state).toBe('logged_out');
    act(() => {
      server().serverSends({ type: 'ack', id: frame.id });
      server().serverSends({
        type: 'agent.state',
        status: { agentId: 'a1', state: 'not_ready', reason: 'break', since },
      });
    });
    const indicator = screen.getByTestId('agent-state');
    expect(indicator.dataset.state).toBe('not_ready');
    expect(indicator.dataset.reason).toBe('break');
    expect(indicator.textContent).toContain('Not ready – Break');
  });

  it('shows the server refusing a state change instead of swallowing it', async () => {
    const { server, serverOpens } = setup();
    serverOpens();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Change my state' }), 'ready');
    const { id } = server().lastSent();
    act(() => server().serverSends({ type: 'error', id, error: { code: 'CONFLICT', message: 'on a call' } }));
    expect((await screen.findByRole('alert')).textContent).toContain('That cannot be done right now');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reports an expired session once, so the app can return to sign-in', () => {
    const { server, serverOpens, onSessionEnded } = setup();
    serverOpens();
    act(() =>
      server().serverSends({ type: 'error', id: null, error: { code: 'TOKEN_EXPIRED', message: 'expired' } }),
    );
    expect(onSessionEnded).toHaveBeenCalledOnce();
    expect(onSessionEnded.mock.calls[0]?.[0]).toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('signs out from the button and shows that it is doing so', async () => {
    const { serverOpens, onSignOut } = setup();
    serverOpens();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Signing out…' })).toHaveProperty('disabled', true);
  });

  it('closes its socket when it goes away', () => {
    const { server, serverOpens, socket } = setup();
    serverOpens();
    cleanup();
    expect(server().closedWith).toBe(1000);
    expect(socket.state).toBe('closed');
  });

  it("pops a ringing caller's customer view in the customer pane and drops it when the offer is withdrawn", async () => {
    const api = {
      customer: vi.fn((id: string) => Promise.resolve(customer({ id, name: 'Li Lei' }))),
      contacts: vi.fn(() => Promise.resolve({ contacts: [], nextCursor: null })),
      chat: vi.fn(),
    };
    const { server, serverOpens } = setup({ customer: { api } });
    serverOpens();
    const call = interaction({ id: 'call-1', channel: 'voice', state: 'offered', customerId: 'cust-9' });
    act(() => server().serverSends({ type: 'interaction.offer', interaction: call, expiresAt: since }));
    const view = await screen.findByTestId('customer-view');
    expect(view.dataset.customerId).toBe('cust-9');
    expect(view.dataset.ringing).toBe('true');
    expect(await screen.findByRole('heading', { name: 'Li Lei' })).toBeTruthy();
    act(() =>
      server().serverSends({ type: 'interaction.revoked', interactionId: 'call-1', reason: 'cancelled' }),
    );
    expect(screen.queryByTestId('customer-view')).toBeNull();
  });
});
