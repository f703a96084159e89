import type { SoftphoneSettings } from '@contract/ipc/settings';
import type { PhoneCredentials } from './phone-credentials';
import type { SoftphoneAccount } from './sip-ua';

/** The Seat server's SIP-over-WebSocket address: same host and port, ws(s) scheme, path /sip. */
export function edgeUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/sip';
  url.search = '';
  url.hash = '';
  return url.toString();
}

/**
 * Where and as whom the phone registers: the settings' SIP server if named, else the Seat edge; the
 * settings' SIP username if named, else the agent's Seat username. `credentials` carries the
 * password of whichever account that is (the caller asks for it when it is not the Seat one).
 */
export function softphoneAccount(
  settings: SoftphoneSettings,
  serverUrl: string,
  credentials: PhoneCredentials,
  displayName: string,
): SoftphoneAccount {
  return {
    serverUrl: settings.sipServerUrl ?? edgeUrl(serverUrl),
    domain: settings.sipDomain ?? credentials.tenant,
    username: settings.sipUsername ?? credentials.username,
    password: credentials.password,
    displayName,
    iceServers: settings.iceServers.map((server) => ({ ...server })),
  };
}
