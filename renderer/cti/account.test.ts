import { describe, expect, it } from 'vitest';
import { seatServerSoftphone } from '@contract/ipc/settings';
import { edgeUrl, softphoneAccount } from './account';

const credentials = { tenant: 'demo', username: 'agent10', password: 'seat-demo' };

describe('softphone account', () => {
  it('registers with the Seat server edge by default, ws for http and wss for https', () => {
    expect(edgeUrl('http://127.0.0.1:7420')).toBe('ws://127.0.0.1:7420/sip');
    expect(edgeUrl('https://seat.example.com/app?x=1')).toBe('wss://seat.example.com/sip');
    expect(softphoneAccount(seatServerSoftphone, 'http://h:1', credentials, 'Ten')).toEqual({
      serverUrl: 'ws://h:1/sip',
      domain: 'demo',
      username: 'agent10',
      password: 'seat-demo',
      displayName: 'Ten',
      iceServers: [],
    });
  });

  it('registers with the SIP server and domain the settings name', () => {
    const account = softphoneAccount(
      { ...seatServerSoftphone, sipServerUrl: 'wss://pbx.example.com/ws', sipDomain: 'pbx.example.com' },
      'http://h:1',
      credentials,
      'Ten',
    );
    expect(account).toMatchObject({ serverUrl: 'wss://pbx.example.com/ws', domain: 'pbx.example.com' });
  });

  it('registers as the SIP username and with the ICE servers the settings name', () => {
    const iceServers = [{ urls: 'turn:turn.example.com', username: 'seat', credential: 's3cret' }];
    const account = softphoneAccount(
      { ...seatServerSoftphone, sipUsername: '1001', iceServers },
      'http://h:1',
      { ...credentials, password: 'pbx-pw' },
      'Ten',
    );
    expect(account).toMatchObject({ username: '1001', password: 'pbx-pw', iceServers });
  });
});
