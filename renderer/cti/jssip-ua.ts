import { UA, WebSocketInterface } from 'jssip';
import type { CreateUa, UaPort } from './sip-ua';

/** The real user agent: JsSIP over a WebSocket, registering with the account's credentials. */
export const createJsSipUa: CreateUa = (account) => {
  const ua = new UA({
    sockets: [new WebSocketInterface(account.serverUrl)],
    uri: `sip:${account.username}@${account.domain}`,
    authorization_user: account.username,
    password: account.password,
    display_name: account.displayName,
    register: true,
    // Re-register soon after the socket comes back: JsSIP re-registers on every transport connect.
    connection_recovery_min_interval: 1,
    connection_recovery_max_interval: 15,
    session_timers: false,
    user_agent: 'Seat softphone (JsSIP)',
  });
  // JsSIP's own classes carry more than the port names; their overloads are what the port declares.
  return ua as unknown as UaPort;
};
