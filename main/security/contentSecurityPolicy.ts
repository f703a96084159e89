import type { Settings } from '@contract/ipc/settings';

/** The settings the CSP is built from. */
export type PolicySettings = Pick<Settings, 'serverUrl' | 'softphone'>;

/**
 * The CSP of our own pages. Scripts only from the app bundle (no eval, no inline); styles may be
 * inline because React style props and the data grid set them. The renderer may talk to the server
 * URL from settings (HTTP(S) for the API, WS(S) for the seat socket and its SIP edge) and, when the
 * softphone settings name another SIP server, to that server's WS(S) origin. A page keeps the CSP
 * it was served with, so a change of either needs a reload (see `needsReload`).
 */
export function contentSecurityPolicy(settings: PolicySettings): string {
  const server = new URL(settings.serverUrl);
  const socket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  const sip = settings.softphone.sipServerUrl ? new URL(settings.softphone.sipServerUrl).origin : null;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // Remote images appear only in an e-mail's sandboxed frame after the agent chose "Show remote
    // images"; that frame's own CSP allows them only then (renderer/email/frame-document.ts).
    'img-src': ["'self'", 'data:', 'blob:', server.origin, 'https:', 'http:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', 'mediastream:', server.origin],
    'connect-src': ["'self'", server.origin, socket, ...(sip && sip !== socket ? [sip] : [])],
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

/**
 * Whether the open page must reload after a settings change: the renderer reads the server URL once
 * at start, and the browser applies a new CSP (a SIP server added or changed) only to a new page.
 */
export function needsReload(before: PolicySettings, after: PolicySettings): boolean {
  return (
    before.serverUrl !== after.serverUrl || contentSecurityPolicy(before) !== contentSecurityPolicy(after)
  );
}
