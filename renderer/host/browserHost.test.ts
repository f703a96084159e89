import { SeatError } from '@contract/errors';
import { defaultSettings } from '@contract/ipc/settings';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserHostDeps, NotificationApi } from './browserHost';
import { createBrowserHost, settingsStorageKey } from './browserHost';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

function fakeNotifications(permission: NotificationPermission, granted: NotificationPermission = permission) {
  const shown: {
    title: string;
    options: NotificationOptions | undefined;
    onclick: ((e: Event) => unknown) | null;
    closed: boolean;
  }[] = [];
  const api = class {
    static permission = permission;
    static requestPermission = vi.fn(async () => granted);
    onclick: ((e: Event) => unknown) | null = null;
    closed = false;
    constructor(title: string, options?: NotificationOptions) {
      shown.push(Object.assign(this, { title, options }) as never);
    }
    close() {
      this.closed = true;
    }
  };
  return { api: api as unknown as NotificationApi & { requestPermission: ReturnType<typeof vi.fn> }, shown };
}

function makeHost(overrides: Partial<BrowserHostDeps> = {}) {
  const warn = vi.fn();
  const focusWindow = vi.fn();
  const storage = memoryStorage();
  const deps: BrowserHostDeps = {
    storage,
    events: new EventTarget(),
    origin: 'http://127.0.0.1:7420',
    notifications: undefined,
    navigator: { language: 'en-GB', platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' },
    focusWindow,
    version: '1.2.3',
    warn,
    ...overrides,
  };
  return { host: createBrowserHost(deps), deps, warn, focusWindow, storage };
}

describe('browser host settings', () => {
  it('starts from the defaults with the page origin as server URL', async () => {
    const { host } = makeHost({ origin: 'https://seat.example.com' });
    expect(host.kind).toBe('browser');
    expect(await host.getSettings()).toEqual({ ...defaultSettings, serverUrl: 'https://seat.example.com' });
  });

  it('keeps the built-in server URL when the page origin is not http(s)', async () => {
    const { host } = makeHost({ origin: 'null' });
    expect((await host.getSettings()).serverUrl).toBe(defaultSettings.serverUrl);
  });

  it('saves a patch, merges audio key by key and reads it back', async () => {
    const { host, storage } = makeHost();
    await host.setSettings({ audio: { ringerDeviceId: 'ring-1' } });
    const saved = await host.setSettings({ language: 'zh-CN', audio: { microphoneDeviceId: 'mic-2' } });
    expect(saved.audio).toEqual({
      ringerDeviceId: 'ring-1',
      speakerDeviceId: null,
      microphoneDeviceId: 'mic-2',
    });
    expect(saved.language).toBe('zh-CN');
    expect(JSON.parse(storage.data.get(settingsStorageKey) ?? '{}')).toEqual(saved);
    expect(await host.getSettings()).toEqual(saved);
  });

  it('rejects a bad patch with VALIDATION_FAILED and stores nothing', async () => {
    const { host, storage } = makeHost();
    const attempt = host.setSettings({ serverUrl: 'javascript:alert(1)' });
    await expect(attempt).rejects.toBeInstanceOf(SeatError);
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(host.setSettings({ extra: 1 } as never)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(storage.data.size).toBe(0);
  });

  it('falls back to defaults for corrupted stored settings and says so', async () => {
    const { host, warn } = makeHost({ storage: memoryStorage({ [settingsStorageKey]: '{not json' }) });
    expect(await host.getSettings()).toEqual({ ...defaultSettings, serverUrl: 'http://127.0.0.1:7420' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not JSON'));
  });

  it('keeps the valid keys of hand-edited settings', async () => {
    const stored = JSON.stringify({ ...defaultSettings, language: 'en', serverUrl: 42 });
    const { host, warn } = makeHost({ storage: memoryStorage({ [settingsStorageKey]: stored }) });
    const settings = await host.getSettings();
    expect(settings.language).toBe('en');
    expect(settings.serverUrl).toBe('http://127.0.0.1:7420');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('serverUrl'));
  });

  it('reports a storage that refuses to save as UNAVAILABLE', async () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const { host } = makeHost({ storage });
    await expect(host.setSettings({ language: 'en' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('tells every subscriber of the page about a change until it unsubscribes', async () => {
    const { host, deps } = makeHost();
    const other = createBrowserHost(deps);
    const seen: string[] = [];
    const unsubscribe = other.onSettingsChanged((s) => seen.push(s.language));
    await host.setSettings({ language: 'en' });
    unsubscribe();
    await host.setSettings({ language: 'zh-CN' });
    expect(seen).toEqual(['en']);
  });

  it('passes on changes another tab saved', async () => {
    const { host, deps } = makeHost();
    const seen: string[] = [];
    host.onSettingsChanged((s) => seen.push(s.language));
    const fromOtherTab = Object.assign(new Event('storage'), {
      key: settingsStorageKey,
      newValue: JSON.stringify({ ...defaultSettings, language: 'zh-CN' }),
    });
    deps.events.dispatchEvent(fromOtherTab);
    deps.events.dispatchEvent(Object.assign(new Event('storage'), { key: 'unrelated', newValue: '1' }));
    expect(seen).toEqual(['zh-CN']);
  });
});

describe('browser host notifications', () => {
  it('asks for permission once, shows the notification and reports its click', async () => {
    const { api, shown } = fakeNotifications('default', 'granted');
    const { host, focusWindow } = makeHost({ notifications: api });
    const clicked: string[] = [];
    host.onNotificationClicked((e) => clicked.push(e.id));
    await expect(
      host.showNotification({ id: 'offer-1', title: 'Incoming call', body: '+44 20 7946 0000' }),
    ).resolves.toBeNull();
    expect(api.requestPermission).toHaveBeenCalledTimes(1);
    expect(shown[0]).toMatchObject({
      title: 'Incoming call',
      options: { body: '+44 20 7946 0000', tag: 'offer-1' },
    });
    shown[0]?.onclick?.(new Event('click'));
    expect(focusWindow).toHaveBeenCalled();
    expect(shown[0]?.closed).toBe(true);
    expect(clicked).toEqual(['offer-1']);
  });

  it('closes a shown notification by its id, and refuses a malformed id', async () => {
    const { api, shown } = fakeNotifications('granted');
    const { host } = makeHost({ notifications: api });
    await host.showNotification({ id: 'call-1', title: 'Incoming call', body: '' });
    await host.showNotification({ id: 'call-2', title: 'Incoming call', body: '' });
    await expect(host.closeNotification('call-1')).resolves.toBeNull();
    expect(shown.map((n) => n.closed)).toEqual([true, false]);
    await expect(host.closeNotification('unknown')).resolves.toBeNull();
    await expect(host.closeNotification('')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(shown.map((n) => n.closed)).toEqual([true, false]);
  });

  it('rejects with UNAVAILABLE when notifications are denied or missing', async () => {
    const { api, shown } = fakeNotifications('denied');
    await expect(
      makeHost({ notifications: api }).host.showNotification({ id: 'a', title: 't', body: '' }),
    ).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    expect(shown).toHaveLength(0);
    await expect(makeHost().host.showNotification({ id: 'a', title: 't', body: '' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('rejects a malformed notification request before asking for anything', async () => {
    const { api } = fakeNotifications('default', 'granted');
    const { host } = makeHost({ notifications: api });
    await expect(host.showNotification({ id: '', title: 't', body: '' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(api.requestPermission).not.toHaveBeenCalled();
  });
});

describe('browser host app info', () => {
  it('derives platform and locale from the navigator', async () => {
    const mac = makeHost({
      navigator: { language: 'zh-CN', platform: 'MacIntel', userAgent: 'Mozilla/5.0 (Macintosh)' },
    });
    expect(await mac.host.getAppInfo()).toEqual({ version: '1.2.3', platform: 'darwin', locale: 'zh-CN' });
    const win = makeHost({
      navigator: { language: 'en-US', platform: 'Win32', userAgent: 'Mozilla/5.0 (Windows NT 10.0)' },
    });
    expect((await win.host.getAppInfo()).platform).toBe('win32');
  });
});

describe('browser host badge', () => {
  it('accepts a badge count (the page marks its title itself) and refuses a bad one with VALIDATION_FAILED', async () => {
    const { host } = makeHost();
    await expect(host.setBadgeCount(3)).resolves.toBeNull();
    await expect(host.setBadgeCount(-1)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(host.setBadgeCount(1.5)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
