import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BehaviorSubject, Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '@contract/ipc/settings';
import type { Settings } from '@contract/ipc/settings';
import type { AgentStatus, ServerMessage } from '@contract/ws';
import { ManualTimers } from '../api/testing/fake-socket';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { CtiPanel } from './CtiPanel';
import { createCtiSession } from './cti-session';
import { createPhoneCredentialStore } from './phone-credentials';
import type { SoftphoneAccount } from './sip-ua';
import { createSoftphone } from './softphone';
import { FakeUa, fakeMedia } from './testing/fake-ua';

const user = {
  id: 'u10',
  tenantId: 'tenant-demo',
  username: 'agent10',
  displayName: 'Agent Ten',
  role: 'agent',
  agentId: 'demo-agent-agent10',
} as const;

function mount(onSeatCommand?: (command: string) => Promise<void>) {
  const ua = new FakeUa();
  const accounts: SoftphoneAccount[] = [];
  const phone = createSoftphone({
    createUa: (account) => {
      accounts.push(account);
      return ua;
    },
    media: fakeMedia().media,
    timers: { set: () => () => {} },
    now: () => 0,
    newId: () => 'leg-1',
  });
  const storage = new Map<string, string>();
  const credentials = createPhoneCredentialStore({
    getItem: (k) => storage.get(k) ?? null,
    setItem: (k, v) => void storage.set(k, v),
    removeItem: (k) => void storage.delete(k),
  });
  credentials.remember({ tenant: 'demo', username: 'agent10', password: 'pw' });
  const sent: unknown[] = [];
  let settings: Settings = defaultSettings;
  const session = createCtiSession({
    user,
    phone,
    socket: { messages$: new Subject<ServerMessage>(), request: async (m) => void sent.push(m) },
    host: {
      getSettings: async () => settings,
      setSettings: async (patch) => {
        settings = { ...settings, softphone: { ...settings.softphone, ...patch.softphone } };
        return settings;
      },
      onSettingsChanged: () => () => {},
      showNotification: async () => null,
      closeNotification: async () => null,
      onNotificationClicked: () => () => {},
    },
    credentials,
    serverUrl: 'http://127.0.0.1:7420',
    canChooseSipServer: true,
    describeCall: () => ({ title: 't', body: 'b' }),
    warn: () => {},
  });
  const stop = session.start();
  const timers = new ManualTimers();
  const clock = { now: Date.parse('2026-01-01T10:00:00.000Z') };
  const agentStatus = new BehaviorSubject<AgentStatus | null>(null);
  renderWithI18n(
    <CtiPanel
      session={session}
      voiceQueues={async () => [
        {
          id: 'demo-queue-billing',
          name: 'Billing',
          serviceLevelSeconds: 30,
          channels: ['voice'],
          priority: 0,
          requiredSkills: [],
        },
      ]}
      loadDevices={async () => ({ inputs: [], outputs: [] })}
      agentStatus$={agentStatus}
      timers={timers}
      now={() => clock.now}
      mac={false}
      onSeatCommand={onSeatCommand}
    />,
  );
  return { ua, phone, sent, stop, timers, clock, agentStatus, accounts };
}

const status = (state: AgentStatus['state'], since: string): AgentStatus => ({
  agentId: user.agentId,
  state,
  reason: null,
  since,
});

describe('CtiPanel', () => {
  afterEach(cleanup);

  it('answers a ringing call with the answer shortcut, and ignores the hold shortcut while ringing', async () => {
    const { ua } = mount();
    await waitFor(() => expect(ua.started).toBe(true));
    ua.online();
    const call = ua.ring({});
    await userEvent.keyboard('{Control>}{Shift>}O{/Shift}{/Control}');
    expect(call.calls).toEqual([]);
    await userEvent.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    await waitFor(() => expect(screen.getByTestId('cti-call').dataset.state).toBe('connected'));
    expect(call.calls[0]?.[0]).toBe('answer');
  });

  it('counts time in the agent state from the server, ticking while idle and starting again on a change', async () => {
    const { timers, clock, agentStatus, ua } = mount();
    expect(screen.queryByTestId('cti-state-timer')).toBeNull();
    act(() => agentStatus.next(status('ready', '2026-01-01T09:58:30.000Z')));
    expect(screen.getByTestId('cti-state-timer').textContent).toBe('1:30');
    // No call, no wrap-up: the clock goes on all the same.
    clock.now += 5_000;
    act(() => timers.fireAll());
    expect(screen.getByTestId('cti-state-timer').textContent).toBe('1:35');
    // A call ringing is a phone state, not an agent state: the timer keeps counting ready time.
    await waitFor(() => expect(ua.started).toBe(true));
    ua.online();
    act(() => void ua.ring({}));
    clock.now += 1_000;
    act(() => timers.fireAll());
    expect(screen.getByTestId('cti-state-timer').textContent).toBe('1:36');
    act(() => agentStatus.next(status('busy', '2026-01-01T10:00:06.000Z')));
    expect(screen.getByTestId('cti-state-timer').textContent).toBe('0:00');
    clock.now += 61_000;
    act(() => timers.fireAll());
    expect(screen.getByTestId('cti-state-timer').textContent).toBe('1:01');
  });

  it('runs the ready, not-ready and focus-the-inbox hotkeys of the settings while the seat has the focus', async () => {
    const seen: string[] = [];
    mount(async (command) => {
      seen.push(command);
      if (command === 'notReady') throw new Error('The server said no.');
    });
    // The settings are read when the session starts.
    await waitFor(async () => {
      await userEvent.keyboard('{Alt>}{Shift>}R{/Shift}{/Alt}');
      expect(seen).toEqual(['ready']);
    });
    await userEvent.keyboard('{Alt>}{Shift>}I{/Shift}{/Alt}');
    await userEvent.keyboard('{Alt>}{Shift>}N{/Shift}{/Alt}');
    expect(seen).toEqual(['ready', 'focusInbox', 'notReady']);
    expect((await screen.findByRole('alert')).textContent).toBe('The server said no.');
    // A chord with another modifier is not the hotkey.
    await userEvent.keyboard('{Control>}{Alt>}{Shift>}R{/Shift}{/Alt}{/Control}');
    expect(seen).toHaveLength(3);
  });

  it('checks a typed number before dialling and dials a valid one', async () => {
    const { ua } = mount();
    await waitFor(() => expect(ua.started).toBe(true));
    ua.online();
    await userEvent.click(screen.getByTestId('cti-dial'));
    await userEvent.type(screen.getByTestId('cti-target-value'), 'call me');
    await userEvent.click(screen.getByTestId('cti-target-submit'));
    expect(screen.getByRole('alert').textContent).toContain('Enter a phone number');
    expect(ua.placed).toEqual([]);
    await userEvent.clear(screen.getByTestId('cti-target-value'));
    await userEvent.type(screen.getByTestId('cti-target-value'), '+44 20 7946 0000');
    await userEvent.click(screen.getByTestId('cti-target-submit'));
    await waitFor(() => expect(ua.placed.map((p) => p.target)).toEqual(['sip:+442079460000@demo']));
    expect(screen.getByTestId('cti-call').dataset.state).toBe('dialing');
  });

  it('shows the wrap-up form only in wrap-up and sends the chosen disposition', async () => {
    const { phone, sent } = mount();
    expect(screen.queryByTestId('cti-wrapup')).toBeNull();
    phone.wrapupStarted('int-1');
    await userEvent.selectOptions(await screen.findByTestId('cti-disposition'), 'escalated');
    await userEvent.click(screen.getByTestId('cti-wrapup-submit'));
    await waitFor(() =>
      expect(sent).toEqual([
        { type: 'interaction.wrapup', interactionId: 'int-1', disposition: 'escalated' },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId('cti-wrapup')).toBeNull());
  });

  it('registers as the SIP username saved in the phone settings once its own password is typed', async () => {
    const { accounts, ua } = mount();
    await waitFor(() => expect(accounts).toHaveLength(1));
    await userEvent.click(screen.getByTestId('cti-devices-toggle'));
    await userEvent.type(await screen.findByTestId('cti-line-sipUsername'), '1001');
    await userEvent.click(screen.getByTestId('cti-line-save'));
    expect(await screen.findByLabelText('Password of the SIP account 1001')).toBeTruthy();
    await userEvent.type(screen.getByTestId('cti-password-input'), 'pbx-pw{Enter}');
    await waitFor(() => expect(accounts).toHaveLength(2));
    expect(accounts[1]).toMatchObject({ username: '1001', password: 'pbx-pw' });
    expect(screen.queryByTestId('cti-password')).toBeNull();
    // A typo: the server refuses the password, and the prompt comes back saying so.
    act(() => void ua.emit('registrationFailed', { cause: 'Authentication Error' }));
    expect((await screen.findByTestId('cti-password-refused')).textContent).toContain('refused');
    await userEvent.type(screen.getByTestId('cti-password-input'), 'pbx-right{Enter}');
    await waitFor(() => expect(accounts).toHaveLength(3));
    expect(accounts[2]).toMatchObject({ username: '1001', password: 'pbx-right' });
  });
});
