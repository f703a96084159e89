import { SeatError } from '@contract/errors';
import type { SeatBridge } from '@contract/ipc/channels';
import { defaultSettings } from '@contract/ipc/settings';
import { describe, expect, it, vi } from 'vitest';
import { createElectronHost } from './electronHost';

function fakeBridge(overrides: Partial<SeatBridge> = {}): SeatBridge {
  return {
    getSettings: vi.fn(async () => defaultSettings),
    setSettings: vi.fn(async () => defaultSettings),
    getAppInfo: vi.fn(async () => ({ version: '1', platform: 'linux' as const, locale: 'en' })),
    showNotification: vi.fn(async () => null),
    closeNotification: vi.fn(async () => null),
    setBadgeCount: vi.fn(async () => null),
    onSettingsChanged: vi.fn(() => () => undefined),
    onNotificationClicked: vi.fn(() => () => undefined),
    ...overrides,
  };
}

describe('electron host', () => {
  it('forwards every call to the preload bridge', async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    expect(host.kind).toBe('electron');
    expect(await host.getSettings()).toEqual(defaultSettings);
    await host.setSettings({ language: 'en' });
    expect(bridge.setSettings).toHaveBeenCalledWith({ language: 'en' });
    await host.showNotification({ id: 'x', title: 't', body: 'b' });
    expect(bridge.showNotification).toHaveBeenCalledWith({ id: 'x', title: 't', body: 'b' });
    await host.closeNotification('x');
    expect(bridge.closeNotification).toHaveBeenCalledWith('x');
    await host.setBadgeCount(2);
    expect(bridge.setBadgeCount).toHaveBeenCalledWith(2);
    const listener = vi.fn();
    host.onSettingsChanged(listener);
    expect(bridge.onSettingsChanged).toHaveBeenCalledWith(listener);
  });

  it('turns an ErrorBody rejection from the bridge into a SeatError with its code', async () => {
    const body = {
      error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ path: '0.serverUrl', message: 'no' }] },
    };
    const host = createElectronHost(fakeBridge({ setSettings: () => Promise.reject(body) }));
    const failure = await host.setSettings({}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SeatError);
    expect(failure).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'bad',
      details: [{ path: '0.serverUrl', message: 'no' }],
    });
  });

  it('passes other rejections through unchanged', async () => {
    const boom = new Error('boom');
    const host = createElectronHost(fakeBridge({ getAppInfo: () => Promise.reject(boom) }));
    await expect(host.getAppInfo()).rejects.toBe(boom);
  });
});
