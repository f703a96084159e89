import { invokeChannels } from '@contract/ipc/channels';
import { defaultSettings } from '@contract/ipc/settings';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../appOrigin';
import { createSettingsService } from '../settings/settingsService';
import { fakeIpcMain, recordingLogger } from '../testing/fakes';
import { registerIpcHandlers, sendEvent } from './registerIpc';

const own = 'app://seat/index.html';

function setup() {
  const { ipcMain, invoke, handlers } = fakeIpcMain();
  const log = recordingLogger();
  const settings = createSettingsService({
    storage: { read: () => defaultSettings, write: () => undefined },
    defaults: defaultSettings,
    log,
  });
  const notifications = { show: vi.fn(() => null), close: vi.fn(() => null) };
  const badge = { set: vi.fn(() => null) };
  const dispose = registerIpcHandlers(
    ipcMain,
    {
      settings,
      notifications,
      badge,
      appInfo: () => ({ version: '0.1.0', platform: 'linux', locale: 'en' }),
    },
    { isTrustedSender: isAppUrl, log },
  );
  return { invoke, handlers, notifications, badge, dispose };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the invoke channels of the contract', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('answers each channel through its service', async () => {
    const { invoke, notifications, badge } = setup();
    expect(await invoke('settings:get', own)).toEqual({ ok: true, value: defaultSettings });
    expect(await invoke('settings:set', own, { language: 'en' })).toEqual({
      ok: true,
      value: { ...defaultSettings, language: 'en' },
    });
    expect(await invoke('app:info', own)).toEqual({
      ok: true,
      value: { version: '0.1.0', platform: 'linux', locale: 'en' },
    });
    expect(await invoke('notification:show', own, { id: 'n', title: 't', body: 'b' })).toEqual({
      ok: true,
      value: null,
    });
    expect(notifications.show).toHaveBeenCalledWith({ id: 'n', title: 't', body: 'b' });
    expect(await invoke('notification:close', own, 'n')).toEqual({ ok: true, value: null });
    expect(notifications.close).toHaveBeenCalledWith('n');
    expect(await invoke('notification:close', own, '')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(notifications.close).toHaveBeenCalledTimes(1);
    expect(await invoke('app:setBadgeCount', own, 4)).toEqual({ ok: true, value: null });
    expect(badge.set).toHaveBeenCalledWith(4);
    expect(await invoke('app:setBadgeCount', own, -1)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(badge.set).toHaveBeenCalledTimes(1);
  });

  it('removes every handler when disposed', () => {
    const { handlers, dispose } = setup();
    dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('sendEvent', () => {
  it('sends a valid payload to a live page', () => {
    const sink = { isDestroyed: () => false, send: vi.fn() };
    sendEvent(sink, 'notification:clicked', { id: 'x' });
    expect(sink.send).toHaveBeenCalledWith('notification:clicked', { id: 'x' });
  });

  it('refuses a payload outside the contract and skips a destroyed page', () => {
    const sink = { isDestroyed: () => false, send: vi.fn() };
    expect(() => sendEvent(sink, 'settings:changed', { serverUrl: 1 } as never)).toThrow();
    const gone = { isDestroyed: () => true, send: vi.fn() };
    sendEvent(gone, 'notification:clicked', { id: 'x' });
    expect(sink.send).not.toHaveBeenCalled();
    expect(gone.send).not.toHaveBeenCalled();
  });
});
