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

/** Where and as whom the phone registers: the settings' SIP server if named, else the Seat edge. */
export function softphoneAccount(
  settings: SoftphoneSettings,
  serverUrl: string,
  credentials: PhoneCredentials,
  displayName: string,
): SoftphoneAccount {
  return {
    serverUrl: settings.sipServerUrl ?? edgeUrl(serverUrl),
    domain: settings.sipDomain ?? credentials.tenant,
    username: credentials.username,
    password: credentials.password,
    displayName,
  };
}
