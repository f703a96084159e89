import { parseOrThrow, SeatError } from '@contract/errors';
import type { AppInfo, EventPayload, NotificationRequest } from '@contract/ipc/channels';
import { badgeCountSchema, notificationIdSchema, notificationRequestSchema } from '@contract/ipc/channels';
import type { Settings } from '@contract/ipc/settings';
import { defaultSettings, settingsPatchSchema, settingsSchema } from '@contract/ipc/settings';
import { mergeSettings, recoverSettings } from '@contract/ipc/settingsMerge';
import type { Host } from './host';

/** The slice of the browser's Notification API the web seat uses. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (
    title: string,
    options?: NotificationOptions,
  ): { onclick: ((event: Event) => unknown) | null; close(): void };
}

/** What the browser host needs from the page; `window` provides all of it, tests pass fakes. */
export interface BrowserHostDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Carries change and click events between hosts of this page, and 'storage' events from other tabs. */
  events: EventTarget;
  /** The page's origin; the web seat is served by the server, so this is the default server URL. */
  origin: string;
  notifications: NotificationApi | undefined;
  navigator: { language: string; platform: string; userAgent: string };
  focusWindow: () => void;
  version: string;
  warn: (message: string) => void;
}

export const settingsStorageKey = 'seat.settings';
const settingsChangedEvent = 'seat:settings-changed';
const notificationClickedEvent = 'seat:notification-clicked';

function platformOf(nav: BrowserHostDeps['navigator']): AppInfo['platform'] {
  const hint = `${nav.platform} ${nav.userAgent}`.toLowerCase();
  if (hint.includes('win')) return 'win32';
  if (hint.includes('mac')) return 'darwin';
  return 'linux';
}

/** The host of the web seat: settings in localStorage, notifications through the Notification API. */
export function createBrowserHost(deps: BrowserHostDeps): Host {
  const defaults: Settings = {
    ...defaultSettings,
    serverUrl: settingsSchema.shape.serverUrl.safeParse(deps.origin).success
      ? deps.origin
      : defaultSettings.serverUrl,
  };

  const parseStored = (raw: string | null): Settings => {
    if (raw === null) return defaults;
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch (error) {
      deps.warn(`Stored settings are not JSON (${String(error)}); using defaults.`);
      return defaults;
    }
    const { settings, fellBack } = recoverSettings(stored, defaults);
    if (fellBack.length > 0)
      deps.warn(`Stored settings had invalid ${fellBack.join(', ')}; using defaults for them.`);
    return settings;
  };

  const read = (): Settings => {
    try {
      return parseStored(deps.storage.getItem(settingsStorageKey));
    } catch (error) {
      deps.warn(`Settings storage is not readable (${String(error)}); using defaults.`);
      return defaults;
    }
  };

  // Shown notifications by id, so the seat can close one (a call answered in the page) by its id.
  const showing = new Map<string, { close(): void }>();

  const notify = async (request: NotificationRequest): Promise<null> => {
    const api = deps.notifications;
    if (!api) throw new SeatError('UNAVAILABLE', 'This browser cannot show notifications.');
    const permission = api.permission === 'default' ? await api.requestPermission() : api.permission;
    if (permission !== 'granted')
      throw new SeatError('UNAVAILABLE', 'Notifications are blocked for the web seat.');
    const shown = new api(request.title, { body: request.body, tag: request.id });
    showing.set(request.id, shown);
    shown.onclick = () => {
      deps.focusWindow();
      shown.close();
      if (showing.get(request.id) === shown) showing.delete(request.id);
      deps.events.dispatchEvent(new CustomEvent(notificationClickedEvent, { detail: { id: request.id } }));
    };
    return null;
  };

  return {
    kind: 'browser',
    getSettings: async () => read(),
    setSettings: async (patch) => {
      const valid = parseOrThrow(settingsPatchSchema, patch);
      const next = parseOrThrow(settingsSchema, mergeSettings(read(), valid));
      try {
        deps.storage.setItem(settingsStorageKey, JSON.stringify(next));
      } catch (error) {
        throw new SeatError('UNAVAILABLE', `Settings could not be saved: ${String(error)}`);
      }
      deps.events.dispatchEvent(new CustomEvent(settingsChangedEvent, { detail: next }));
      return next;
    },
    getAppInfo: async () => ({
      version: deps.version,
      platform: platformOf(deps.navigator),
      locale: deps.navigator.language,
    }),
    showNotification: async (request) => notify(parseOrThrow(notificationRequestSchema, request)),
    closeNotification: async (id) => {
      const valid = parseOrThrow(notificationIdSchema, id);
      showing.get(valid)?.close();
      showing.delete(valid);
      return null;
    },
    // A page has no OS badge: renderer/notify marks the tab's title and favicon instead.
    setBadgeCount: async (count) => {
      parseOrThrow(badgeCountSchema, count);
      return null;
    },
    onSettingsChanged: (listener) => {
      const ownPage = (event: Event) => listener((event as CustomEvent<Settings>).detail);
      // Another tab of the web seat saved settings: the same change, seen through the storage event.
      const otherTab = (event: Event) => {
        const { key, newValue } = event as StorageEvent;
        if (key === settingsStorageKey) listener(parseStored(newValue));
      };
      deps.events.addEventListener(settingsChangedEvent, ownPage);
      deps.events.addEventListener('storage', otherTab);
      return () => {
        deps.events.removeEventListener(settingsChangedEvent, ownPage);
        deps.events.removeEventListener('storage', otherTab);
      };
    },
    onNotificationClicked: (listener) => {
      const handler = (event: Event) =>
        listener((event as CustomEvent<EventPayload<'notification:clicked'>>).detail);
      deps.events.addEventListener(notificationClickedEvent, handler);
      return () => deps.events.removeEventListener(notificationClickedEvent, handler);
    },
  };
}
