// Where the desktop window loads the seat from, decided once here:
// the bundled renderer (dist/renderer) is served by main under the privileged custom scheme
// `app://seat/` (protocol.handle), as Electron's security guidance recommends over file:// or
// loading the server's pages. The renderer then talks to the server URL from settings over HTTP
// and WebSocket, which the CSP's connect-src allows. So "our own pages" are exactly app://seat/*.
// The seat keeps working with the server down (offline cache), because its code is local.

/** The custom scheme of our own pages. */
export const appScheme = 'app';
/** The host part of our pages' URLs; a fixed name, since the scheme has no real hosts. */
export const appHost = 'seat';
/** The origin the renderer's requests carry (for CORS and WebSocket Origin checks on the server). */
export const appOrigin = `${appScheme}://${appHost}`;
/** The first page the window loads. */
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * True only for URLs of our own pages. Parsed with the URL parser, never by string prefix, so
 * `app://seat.evil/…`, `app://seat@evil/…` or `APP://SEAT/` tricks are judged on what they are.
 * Custom schemes have an opaque origin ("null") in the URL standard, so protocol and host are compared
 * (the host case-insensitively, as Chromium treats our scheme as a standard one).
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.host.toLowerCase() === appHost &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
