/**
 * The CSP of our own pages. Scripts only from the app bundle (no eval, no inline); styles may be
 * inline because React style props and the data grid set them. The server URL from settings is the
 * one place the renderer may talk to: HTTP(S) for the API and WS(S) for the seat socket and SIP.
 * A server URL change therefore needs a reload of the page to take effect.
 */
export function contentSecurityPolicy(serverUrl: string): string {
  const server = new URL(serverUrl);
  const socket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // Remote images appear only in an e-mail's sandboxed frame after the agent chose "Show remote
    // images"; that frame's own CSP allows them only then (renderer/email/frame-document.ts).
    'img-src': ["'self'", 'data:', 'blob:', server.origin, 'https:', 'http:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', 'mediastream:', server.origin],
    'connect-src': ["'self'", server.origin, socket],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
