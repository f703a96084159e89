import { createBrowserHost } from './browserHost';
import { createElectronHost } from './electronHost';
import type { Host } from './host';

export type { Host, HostKind } from './host';
export { settingsStorageKey } from './browserHost';

/**
 * The host the app runs on: the desktop bridge when the Electron preload exposed `window.seat`,
 * else the web seat's browser implementation. Cheap to call; hosts of one page share their events.
 */
export function getHost(win: Window = window): Host {
  if (win.seat) return createElectronHost(win.seat);
  return createBrowserHost({
    storage: win.localStorage,
    events: win,
    origin: win.location.origin,
    notifications:
      'Notification' in win
        ? (win as Window & { Notification: typeof Notification }).Notification
        : undefined,
    navigator: win.navigator,
    focusWindow: () => win.focus(),
    version: import.meta.env.VITE_SEAT_VERSION ?? 'web',
    warn: (message) => console.warn(`[seat host] ${message}`),
  });
}
