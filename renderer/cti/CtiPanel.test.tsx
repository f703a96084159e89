import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '@contract/ipc/settings';
import type { ServerMessage } from '@contract/ws';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { CtiPanel } from './CtiPanel';
import { createCtiSession } from './cti-session';
import { createPhoneCredentialStore } from './phone-credentials';
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

function mount() {
  const ua = new FakeUa();
  const phone = createSoftphone({
    createUa: () => ua,
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
  const session = createCtiSession({
    user,
    phone,
    socket: { messages$: new Subject<ServerMessage>(), request: async (m) => void sent.push(m) },
    host: {
      getSettings: async () => defaultSettings,
      setSettings: async () => defaultSettings,
      onSettingsChanged: () => () => {},
      showNotification: async () => null,
      onNotificationClicked: () => () => {},
    },
    credentials,
    serverUrl: 'http://127.0.0.1:7420',
    describeCall: () => ({ title: 't', body: 'b' }),
    warn: () => {},
  });
  const stop = session.start();
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
      timers={{ set: () => () => {} }}
      now={() => 0}
      mac={false}
    />,
  );
  return { ua, phone, sent, stop };
}

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
});
