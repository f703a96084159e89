import { invokeChannels } from '@contract/ipc/channels';
import { defaultSettings } from '@contract/ipc/settings';
import { describe, expect, it, vi } from 'vitest';
import type { IpcRendererLike } from './bridge';
import { createSeatBridge } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

// A minimal emitter, since the preload layer may not use Node modules even in tests.
function listenerRegistry() {
  const listeners = new Map<string, Listener[]>();
  return {
    on: (channel: string, listener: Listener) =>
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: Listener) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      ),
    emit: (channel: string, event: unknown, payload: unknown) => {
      for (const listener of listeners.get(channel) ?? []) listener(event, payload);
    },
    listenerCount: (channel: string) => (listeners.get(channel) ?? []).length,
  };
}

function fakeIpc(reply: (channel: string, args: unknown[]) => unknown) {
  const emitter = listenerRegistry();
  const ipc: IpcRendererLike & { invoke: ReturnType<typeof vi.fn> } = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => reply(channel, args)),
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
  return { ipc, emitter };
}

const appInfo = { version: '0.1.0', platform: 'linux', locale: 'en' };
const answers: Record<string, unknown> = {
  'settings:get': defaultSettings,
  'settings:set': { ...defaultSettings, language: 'en' },
  'app:info': appInfo,
  'notification:show': null,
  'notification:close': null,
  'app:setBadgeCount': null,
};

describe('preload bridge', () => {
  it('calls the right channel with the right arguments for each method', async () => {
    const { ipc } = fakeIpc((channel) => ({ ok: true, value: answers[channel] }));
    const seat = createSeatBridge(ipc, vi.fn());
    expect(await seat.getSettings()).toEqual(defaultSettings);
    expect(await seat.setSettings({ language: 'en' })).toEqual({ ...defaultSettings, language: 'en' });
    expect(await seat.getAppInfo()).toEqual(appInfo);
    expect(await seat.showNotification({ id: 'n', title: 't', body: 'b' })).toBeNull();
    expect(await seat.setBadgeCount(3)).toBeNull();
    expect(await seat.closeNotification('n')).toBeNull();
    expect(ipc.invoke.mock.calls).toEqual([
      ['settings:get'],
      ['settings:set', { language: 'en' }],
      ['app:info'],
      ['notification:show', { id: 'n', title: 't', body: 'b' }],
      ['app:setBadgeCount', 3],
      ['notification:close', 'n'],
    ]);
    expect(new Set(ipc.invoke.mock.calls.map(([c]) => c))).toEqual(new Set(Object.keys(invokeChannels)));
  });

  it('rejects with the ErrorBody main answered', async () => {
    const error = { code: 'VALIDATION_FAILED', message: 'bad', details: [{ path: '0', message: 'x' }] };
    const { ipc } = fakeIpc(() => ({ ok: false, error }));
    await expect(createSeatBridge(ipc, vi.fn()).setSettings({})).rejects.toEqual({ error });
  });

  it('rejects data from main that breaks the contract, and says so', async () => {
    const warn = vi.fn();
    for (const reply of [
      { ok: true, value: { serverUrl: 'nope' } },
      defaultSettings,
      null,
      { ok: false, error: { code: 'NOPE' } },
    ]) {
      const { ipc } = fakeIpc(() => reply);
      await expect(createSeatBridge(ipc, warn).getSettings(), JSON.stringify(reply)).rejects.toMatchObject({
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    expect(warn).toHaveBeenCalledTimes(4);
  });

  it('hands listeners the parsed payload only, and drops payloads outside the contract', () => {
    const { ipc, emitter } = fakeIpc(() => null);
    const warn = vi.fn();
    const listener = vi.fn();
    createSeatBridge(ipc, warn).onNotificationClicked(listener);
    emitter.emit('notification:clicked', { sender: 'secret' }, { id: 'offer-1' });
    emitter.emit('notification:clicked', {}, { id: 42 });
    expect(listener.mock.calls).toEqual([[{ id: 'offer-1' }]]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('unsubscribes exactly the listener it was returned for', () => {
    const { ipc, emitter } = fakeIpc(() => null);
    const seat = createSeatBridge(ipc, vi.fn());
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = seat.onSettingsChanged(first);
    seat.onSettingsChanged(second);
    stopFirst();
    emitter.emit('settings:changed', {}, defaultSettings);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(defaultSettings);
    expect(emitter.listenerCount('settings:changed')).toBe(1);
  });
});
