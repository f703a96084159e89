import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SeatError } from '@contract/errors';
import { seatServerSoftphone } from '@contract/ipc/settings';
import type { SoftphoneSettings } from '@contract/ipc/settings';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { PhoneLineSettings } from './PhoneLineSettings';

function mount(options: { softphone?: SoftphoneSettings; canChooseServer?: boolean; fail?: unknown } = {}) {
  const saved: SoftphoneSettings[] = [];
  renderWithI18n(
    <PhoneLineSettings
      softphone={options.softphone ?? seatServerSoftphone}
      canChooseServer={options.canChooseServer ?? true}
      onSave={async (softphone) => {
        if (options.fail) throw options.fail;
        saved.push(softphone);
      }}
    />,
  );
  return { saved };
}

const type = (testId: string, text: string, index = 0) =>
  userEvent.type(screen.getAllByTestId(testId)[index]!, text);

describe('PhoneLineSettings', () => {
  afterEach(cleanup);

  it('saves a third-party SIP server, domain, username and STUN/TURN servers', async () => {
    const { saved } = mount();
    await type('cti-line-sipServerUrl', 'wss://pbx.example.com:8089/ws');
    await type('cti-line-sipDomain', 'pbx.example.com');
    await type('cti-line-sipUsername', '1001');
    await userEvent.click(screen.getByTestId('cti-line-add-ice'));
    await type('cti-line-ice-url', 'stun:stun.example.com:3478');
    await userEvent.click(screen.getByTestId('cti-line-add-ice'));
    await type('cti-line-ice-url', 'turn:turn.example.com', 1);
    await type('cti-line-ice-username', 'seat', 1);
    await type('cti-line-ice-credential', 's3cret', 1);
    expect(screen.getByText(/asks for this account's password/)).toBeTruthy();
    await userEvent.click(screen.getByTestId('cti-line-save'));
    await waitFor(() =>
      expect(saved).toEqual([
        {
          sipServerUrl: 'wss://pbx.example.com:8089/ws',
          sipDomain: 'pbx.example.com',
          sipUsername: '1001',
          iceServers: [
            { urls: 'stun:stun.example.com:3478' },
            { urls: 'turn:turn.example.com', username: 'seat', credential: 's3cret' },
          ],
        },
      ]),
    );
    expect(screen.getByTestId('cti-line-saved').textContent).toContain('Saved');
  });

  it('shows each problem beside its field and saves nothing until they are fixed', async () => {
    const { saved } = mount();
    await type('cti-line-sipServerUrl', 'https://pbx.example.com');
    await type('cti-line-sipUsername', 'agent one');
    await userEvent.click(screen.getByTestId('cti-line-add-ice'));
    await type('cti-line-ice-url', 'turn:turn.example.com');
    await userEvent.click(screen.getByTestId('cti-line-add-ice'));
    await type('cti-line-ice-url', 'stun:stun.example.com', 1);
    await type('cti-line-ice-credential', 'x', 1);
    await userEvent.click(screen.getByTestId('cti-line-add-ice'));
    await type('cti-line-ice-url', 'http://nope', 2);
    await userEvent.click(screen.getByTestId('cti-line-save'));
    expect(screen.getByTestId('cti-line-error-sipServerUrl').textContent).toContain('ws:// or wss://');
    expect(screen.getByTestId('cti-line-error-sipUsername').textContent).toContain('without spaces');
    expect(screen.queryByTestId('cti-line-error-sipDomain')).toBeNull();
    expect(screen.getByTestId('cti-line-error-iceServers.0.username').textContent).toContain(
      'A TURN server needs',
    );
    expect(screen.getByTestId('cti-line-error-iceServers.1.credential').textContent).toContain(
      'Only a TURN server',
    );
    expect(screen.getByTestId('cti-line-error-iceServers.2.urls').textContent).toContain('stun:, stuns:');
    expect(screen.getByTestId('cti-line-sipServerUrl').getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);

    await userEvent.clear(screen.getByTestId('cti-line-sipServerUrl'));
    await type('cti-line-sipServerUrl', 'ws://pbx.example.com/ws');
    await userEvent.clear(screen.getByTestId('cti-line-sipUsername'));
    for (const index of [2, 1, 0]) await userEvent.click(screen.getAllByText('Remove')[index]!);
    await userEvent.click(screen.getByTestId('cti-line-save'));
    await waitFor(() =>
      expect(saved).toEqual([{ ...seatServerSoftphone, sipServerUrl: 'ws://pbx.example.com/ws' }]),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes back to the Seat server in one click', async () => {
    const { saved } = mount({
      softphone: {
        sipServerUrl: 'wss://pbx.example.com/ws',
        sipDomain: 'pbx.example.com',
        sipUsername: '1001',
        iceServers: [{ urls: 'stun:stun.example.com' }],
      },
    });
    expect((screen.getByTestId('cti-line-sipUsername') as HTMLInputElement).value).toBe('1001');
    await userEvent.click(screen.getByTestId('cti-line-reset'));
    await waitFor(() => expect(saved).toEqual([seatServerSoftphone]));
    expect((screen.getByTestId('cti-line-sipServerUrl') as HTMLInputElement).value).toBe('');
    expect(screen.queryAllByTestId('cti-line-ice')).toHaveLength(0);
  });

  it('offers no SIP server field in the web seat, whose server allows only itself', () => {
    mount({ canChooseServer: false });
    expect(screen.queryByTestId('cti-line-sipServerUrl')).toBeNull();
    expect(screen.getByText(/web seat registers with its own server/)).toBeTruthy();
  });

  it('says why the host refused to save', async () => {
    mount({ fail: new SeatError('UNAVAILABLE', 'The settings could not be saved.') });
    await type('cti-line-sipDomain', 'pbx.example.com');
    await userEvent.click(screen.getByTestId('cti-line-save'));
    expect((await screen.findByTestId('cti-line-failure')).textContent).not.toBe('');
    expect(screen.queryByTestId('cti-line-saved')).toBeNull();
  });
});
