/** The seat WebSocket URL for a server and a session token: same host, ws(s) scheme, /ws?token=… */
export function seatSocketUrl(serverUrl: string, token: string): string {
  const url = new URL('/ws', serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.toString();
}
