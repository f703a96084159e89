import type { Logger } from '../log';

// The app's badge for work waiting while the window is in the background: the dock or launcher
// count where the desktop has one (macOS, Unity/KDE launchers), and on Windows, which shows no
// count, a flashing taskbar button until the agent comes back.

/** What the badge needs from Electron: app.setBadgeCount and the main window's flashFrame. */
export interface BadgeDeps {
  platform: NodeJS.Platform;
  /** app.setBadgeCount: false where the desktop has no badge. */
  setAppBadgeCount: (count: number) => boolean;
  /** Flashes (or stops flashing) the main window's taskbar button; does nothing without a window. */
  flashWindow: (on: boolean) => void;
  log: Pick<Logger, 'warn'>;
}

/** Shows a count of waiting work on the app. */
export interface BadgeService {
  set(count: number): null;
}

/** Builds the badge service. */
export function createBadgeService(deps: BadgeDeps): BadgeService {
  let warned = false;
  return {
    set(count) {
      if (deps.platform === 'win32') {
        deps.flashWindow(count > 0);
        return null;
      }
      if (!deps.setAppBadgeCount(count) && !warned) {
        warned = true;
        deps.log.warn('This desktop shows no badge count; waiting work is marked in the window title only');
      }
      return null;
    },
  };
}
