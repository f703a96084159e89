import { act, cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '@contract/auth';
import type { Interaction } from '@contract/routing';
import { SeatSocket } from '../api/seat-socket';
import { FakeSocket, ManualTimers } from '../api/testing/fake-socket';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { Inbox } from './Inbox';
import type { InboxProps } from './Inbox';
import type { InboxApi } from './inbox-api';

const agent: User = {
  id: 'u1',
  tenantId: 'demo',
  username: 'agent01',
  displayName: 'Agent 01',
  role: 'agent',
  agentId: 'a1',
};
const t0 = Date.parse('2026-01-01T10:00:00.000Z');

const interaction = (id: string, patch: Partial<Interaction> = {}): Interaction => ({
  id,
  channel: 'im',
  queueId: 'q1',
  customerId: null,
  state: 'offered',
  agentId: 'a1',
  attached: { customerName: `Customer ${id}`, subject: 'Order question' },
  createdAt: '2026-01-01T09:59:00.000Z',
  updatedAt: '2026-01-01T09:59:50.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: null,
  slaDueAt: null,
  ...patch,
});

function setup(user: User = agent, list: Interaction[] = [], extra: Partial<InboxProps> = {}) {
  const sockets: FakeSocket[] = [];
  const socketTimers = new ManualTimers();
  const socket = new SeatSocket({
    url: 'ws://seat.test/ws?token=t',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    timers: socketTimers,
  });
  socket.connect();
  const server = sockets[0]!;
  server.serverOpens();
  const listCalls: number[] = [];
  const api: InboxApi = {
    listInteractions: () => {
      listCalls.push(1);
      return Promise.resolve(list);
    },
    agentNames: () => Promise.resolve(new Map([['a7', 'Wang Fang']])),
    listQueues: () =>
      Promise.resolve([
        {
          id: 'q1',
          name: 'General',
          serviceLevelSeconds: 20,
          channels: ['im'],
          priority: 0,
          requiredSkills: [],
        },
      ]),
  };
  const timers = new ManualTimers();
  const clock = { now: t0 };
  renderWithI18n(
    <Inbox user={user} socket={socket} api={api} timers={timers} now={() => clock.now} {...extra} />,
  );
  const flush = () => act(() => timers.fireAll());
  return { server, timers, flush, listCalls, clock };
}

// The real grid renders in happy-dom, slowly on a shared machine: give DOM waits room.
configure({ asyncUtilTimeout: 5000 });

const rowOf = (id: string) => document.querySelector<HTMLElement>(`.ag-row[row-id="${id}"]`);

describe('Inbox', () => {
  afterEach(cleanup);

  it('shows an offer from the socket as a row with its queue name, ticking time and countdown', async () => {
    const { server, flush } = setup();
    act(() =>
      server.serverSends({
        type: 'interaction.offer',
        interaction: interaction('i1'),
        expiresAt: '2026-01-01T10:00:20.000Z',
      }),
    );
    flush();
    await waitFor(() => expect(rowOf('i1')).not.toBeNull());
    const row = rowOf('i1')!;
    await waitFor(() => expect(row.textContent).toContain('General'));
    expect(row.textContent).toContain('Customer i1');
    expect(row.textContent).toContain('0:10');
    expect(row.textContent).toContain('0:20');
    expect(screen.getByTestId('inbox-status').textContent).toBe('New offer: Chat from Customer i1');
    expect(screen.queryByRole('columnheader', { name: 'Agent' })).toBeNull();
  });

  it('moves every timer on with one clock tick', async () => {
    const { server, flush, clock, timers } = setup();
    act(() =>
      server.serverSends({
        type: 'interaction.offer',
        interaction: interaction('i1'),
        expiresAt: '2026-01-01T10:00:20.000Z',
      }),
    );
    flush();
    await waitFor(() => expect(rowOf('i1')?.textContent).toContain('0:20'));
    clock.now = t0 + 25_000;
    expect(timers.pendingDelays()).toEqual([1000]);
    flush();
    await waitFor(() => expect(rowOf('i1')?.textContent).toContain('Expired'));
    expect(rowOf('i1')?.textContent).toContain('0:35');
  });

  it('accepts the focused offer with A, and only announces A or R on a row that is not an offer', async () => {
    const { server, flush } = setup();
    act(() => {
      server.serverSends({
        type: 'interaction.offer',
        interaction: interaction('i1'),
        expiresAt: '2026-01-01T10:00:20.000Z',
      });
      server.serverSends({ type: 'interaction.update', interaction: interaction('i2', { state: 'active' }) });
    });
    flush();
    await waitFor(() => expect(rowOf('i2')).not.toBeNull());
    const sentBefore = server.sent.length;
    const keys = userEvent.setup();
    await keys.click(rowOf('i2')!.querySelector<HTMLElement>('[col-id="customer"]')!);
    await keys.keyboard('a');
    expect(server.sent).toHaveLength(sentBefore);
    expect(screen.getByTestId('inbox-status').textContent).toBe(
      'Only an offered row can be accepted or rejected.',
    );
    await keys.keyboard('{ArrowUp}');
    await keys.keyboard('a');
    expect(server.lastSent()).toMatchObject({ type: 'interaction.accept', interactionId: 'i1' });
    expect(screen.getByTestId('inbox-status').textContent).toBe('Accepting Chat from Customer i1…');
  });

  it('opens a row with Enter, clearing its unread mark', async () => {
    const { server, flush } = setup();
    act(() =>
      server.serverSends({
        type: 'interaction.offer',
        interaction: interaction('i1'),
        expiresAt: '2026-01-01T10:00:20.000Z',
      }),
    );
    flush();
    await screen.findByRole('img', { name: 'New, not yet opened' });
    const keys = userEvent.setup();
    await keys.click(rowOf('i1')!.querySelector<HTMLElement>('[col-id="subject"]')!);
    await keys.keyboard('{Enter}');
    flush();
    await waitFor(() => expect(screen.queryByRole('img', { name: 'New, not yet opened' })).toBeNull());
    expect(screen.getByTestId('inbox').getAttribute('data-opened-id')).toBe('i1');
  });

  it('accepts with the button by sending interaction.accept and leaves the state to the server', async () => {
    const { server, flush } = setup();
    act(() =>
      server.serverSends({
        type: 'interaction.offer',
        interaction: interaction('i1'),
        expiresAt: '2026-01-01T10:00:20.000Z',
      }),
    );
    flush();
    const accept = await screen.findByRole('button', { name: 'Accept offer from Customer i1' });
    fireEvent.click(accept);
    expect(server.lastSent()).toMatchObject({ type: 'interaction.accept', interactionId: 'i1' });
    expect(rowOf('i1')?.querySelector('[data-testid="inbox-state"]')?.getAttribute('data-state')).toBe(
      'offered',
    );
    act(() => server.serverSends({ type: 'ack', id: server.lastSent().id }));
    act(() =>
      server.serverSends({ type: 'interaction.update', interaction: interaction('i1', { state: 'active' }) }),
    );
    flush();
    await waitFor(() =>
      expect(rowOf('i1')?.querySelector('[data-testid="inbox-state"]')?.getAttribute('data-state')).toBe(
        'active',
      ),
    );
    expect(screen.getByTestId('inbox-status').textContent).toBe('Customer i1: Active');
  });

  const callOffer = (server: FakeSocket) =>
    server.serverSends({
      type: 'interaction.offer',
      interaction: interaction('c1', { channel: 'voice', attached: { customerName: 'Caller c1' } }),
      expiresAt: '2026-01-01T10:00:20.000Z',
    });

  it('answers a call offer on the softphone with Accept or A and declines it with Reject, sending no frame', async () => {
    const asked: Array<[string, string]> = [];
    const { server, flush } = setup(agent, [], {
      answerCall: async (id, how) => {
        asked.push([id, how]);
        return true;
      },
    });
    act(() => callOffer(server));
    flush();
    const sentBefore = server.sent.length;
    fireEvent.click(await screen.findByRole('button', { name: 'Accept offer from Caller c1' }));
    await waitFor(() => expect(asked).toEqual([['c1', 'answer']]));
    expect(screen.getByTestId('inbox-status').textContent).toBe('Accepting Voice from Caller c1…');
    const keys = userEvent.setup();
    await keys.click(rowOf('c1')!.querySelector<HTMLElement>('[col-id="customer"]')!);
    await keys.keyboard('a');
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual(['c1', 'answer']);
    fireEvent.click(screen.getByRole('button', { name: 'Reject offer from Caller c1' }));
    await waitFor(() => expect(asked[2]).toEqual(['c1', 'decline']));
    await waitFor(() =>
      expect(screen.getByTestId('inbox-status').textContent).toBe('Offer from Caller c1 rejected'),
    );
    // The server refuses a call accepted by frame: the answer goes through the phone only.
    expect(server.sent.slice(sentBefore)).toEqual([]);
  });

  it('says so when the call of an offer does not ring on the phone yet', async () => {
    const { server, flush } = setup(agent, [], { answerCall: async () => false });
    act(() => callOffer(server));
    flush();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept offer from Caller c1' }));
    await waitFor(() =>
      expect(screen.getByTestId('inbox-status').textContent).toBe(
        'The call from Caller c1 is not ringing on your phone yet; answer it from the phone toolbar when it rings.',
      ),
    );
  });

  it('without a softphone, points a call offer to the phone toolbar instead of Accept and Reject', async () => {
    const { server, flush } = setup();
    act(() => {
      callOffer(server);
      server.serverSends({
        type: 'interaction.offer',
        interaction: interaction('i1'),
        expiresAt: '2026-01-01T10:00:20.000Z',
      });
    });
    flush();
    await screen.findByRole('button', { name: 'Accept offer from Customer i1' });
    await waitFor(() => expect(rowOf('c1')?.textContent).toContain('Answer on the phone toolbar'));
    expect(screen.queryByRole('button', { name: 'Accept offer from Caller c1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject offer from Caller c1' })).toBeNull();
    const sentBefore = server.sent.length;
    const keys = userEvent.setup();
    await keys.click(rowOf('c1')!.querySelector<HTMLElement>('[col-id="customer"]')!);
    await keys.keyboard('a');
    expect(server.sent).toHaveLength(sentBefore);
    expect(screen.getByTestId('inbox-status').textContent).toBe(
      'Answer or decline the call from Caller c1 on the phone toolbar.',
    );
  });

  it('announces an offer withdrawn by the server and removes its row', async () => {
    const { server, flush } = setup();
    act(() =>
      server.serverSends({
        type: 'interaction.offer',
        interaction: interaction('i1'),
        expiresAt: '2026-01-01T10:00:20.000Z',
      }),
    );
    flush();
    await waitFor(() => expect(rowOf('i1')).not.toBeNull());
    act(() => server.serverSends({ type: 'interaction.revoked', interactionId: 'i1', reason: 'timeout' }));
    flush();
    await waitFor(() => expect(rowOf('i1')).toBeNull());
    expect(screen.getByTestId('inbox-status').textContent).toBe('Offer of Chat from Customer i1 withdrawn');
  });

  it('hides rows of another channel when filtered by channel', async () => {
    const { server, flush } = setup();
    act(() => {
      server.serverSends({ type: 'interaction.update', interaction: interaction('i1', { state: 'active' }) });
      server.serverSends({
        type: 'interaction.update',
        interaction: interaction('i2', { state: 'active', channel: 'email' }),
      });
    });
    flush();
    await waitFor(() => expect(rowOf('i2')).not.toBeNull());
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'email' } });
    await waitFor(() => expect(rowOf('i1')).toBeNull());
    expect(rowOf('i2')).not.toBeNull();
    expect(screen.getByTestId('inbox-count').getAttribute('data-shown')).toBe('1');
  });

  it('loads the tenant list and shows the Agent column for a team lead only', async () => {
    const lead: User = { ...agent, username: 'lead01', role: 'team_lead', agentId: 'l1' };
    const { listCalls, flush } = setup(lead, [interaction('i9', { state: 'active', agentId: 'a7' })]);
    await waitFor(() => expect(listCalls).toHaveLength(1));
    flush();
    await waitFor(() => expect(rowOf('i9')).not.toBeNull());
    expect(screen.getByRole('columnheader', { name: 'Agent' })).toBeTruthy();
    await waitFor(() => expect(rowOf('i9')?.textContent).toContain('Wang Fang'));
  });

  it('shows each row once when the list arrives before the grid is ready and its batch lands after', async () => {
    const lead: User = { ...agent, username: 'lead01', role: 'team_lead', agentId: 'l1' };
    const list = ['i1', 'i2', 'i3'].map((id) => interaction(id, { state: 'queued', agentId: null }));
    const { listCalls, flush } = setup(lead, list);
    await waitFor(() => expect(listCalls).toHaveLength(1));
    // The grid takes the store's rows as it mounts; the store's batch of the same adds comes later.
    await waitFor(() => expect(rowOf('i1')).not.toBeNull());
    flush();
    const count = screen.getByTestId('inbox-count');
    await waitFor(() => expect(count.dataset['total']).toBe('3'));
    expect(count.dataset['shown']).toBe('3');
    expect(document.querySelectorAll('.ag-row[row-id]').length).toBe(3);
  });

  it("keeps a team lead's list current from the server's frames without reading it again", async () => {
    const lead: User = { ...agent, username: 'lead01', role: 'team_lead', agentId: 'l1' };
    const { server, listCalls, flush } = setup(lead, [interaction('i9', { state: 'active', agentId: 'a7' })]);
    await waitFor(() => expect(listCalls).toHaveLength(1));
    flush();
    await waitFor(() => expect(rowOf('i9')).not.toBeNull());
    act(() =>
      server.serverSends({
        type: 'interaction.update',
        interaction: interaction('i10', { state: 'queued', agentId: null }),
      }),
    );
    act(() =>
      server.serverSends({ type: 'interaction.revoked', interactionId: 'i9', reason: 'out_of_view' }),
    );
    flush();
    await waitFor(() => expect(rowOf('i10')).not.toBeNull());
    await waitFor(() => expect(rowOf('i9')).toBeNull());
    // Every pending timer has run (clock, batches): none of them read the list again.
    flush();
    flush();
    expect(listCalls).toHaveLength(1);
  });
});
