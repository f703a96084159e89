import type { Host } from '../host/host';
import type { ChimeContext } from './chime';
import { playChime } from './chime';
import type { FocusSource } from './new-work-notifier';
import { createTabBadge } from './tab-badge';

/** What the new-work notifier gets from the app: focus, sound, badge and clock. */
export interface NewWorkServices {
  focus: FocusSource;
  chime: () => void;
  setBadge: (count: number) => void;
  now: () => number;
}

/** The page's parts the services use; `window` and `document` provide them. */
export interface NewWorkPage {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'> & {
    AudioContext?: new () => ChimeContext;
  };
  document: Document;
  host: Pick<Host, 'getSettings' | 'setBadgeCount'>;
  warn: (message: string) => void;
}

/** Builds the notifier's services over the page: focus events, WebAudio, the tab badge and the host's badge. */
export function createNewWorkServices(page: NewWorkPage): NewWorkServices {
  const tabBadge = createTabBadge(page.document);
  const { AudioContext } = page.window;
  return {
    focus: {
      isFocused: () => page.document.hasFocus() && page.document.visibilityState === 'visible',
      onFocus: (listener) => {
        page.window.addEventListener('focus', listener);
        return () => page.window.removeEventListener('focus', listener);
      },
    },
    chime: () => {
      if (!AudioContext) return page.warn('This browser has no WebAudio; new work arrives without a sound.');
      // Read each time, so a ringer device chosen a moment ago is used at once.
      page.host
        .getSettings()
        .then((settings) => playChime(() => new AudioContext(), settings.audio.ringerDeviceId, page.warn))
        .catch((error: unknown) => page.warn(`The new-work sound could not play: ${String(error)}`));
    },
    setBadge: (count) => {
      tabBadge.set(count);
      page.host
        .setBadgeCount(count)
        .catch((error: unknown) => page.warn(`The app badge could not be set: ${String(error)}`));
    },
    now: () => Date.now(),
  };
}
