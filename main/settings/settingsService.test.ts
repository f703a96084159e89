import { defaultSettings } from '@contract/ipc/settings';
import type { Settings } from '@contract/ipc/settings';
import { describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../testing/fakes';
import type { SettingsStorage } from './settingsService';
import { createSettingsService } from './settingsService';

function memoryStorage(initial: unknown): SettingsStorage & { saved: Settings[] } {
  const saved: Settings[] = [];
  return { saved, read: () => initial, write: (s) => void saved.push(structuredClone(s)) };
}

function setup(initial: unknown) {
  const storage = memoryStorage(initial);
  const log = recordingLogger();
  return { service: createSettingsService({ storage, defaults: defaultSettings, log }), storage, log };
}

describe('settings service', () => {
  it('starts from the defaults when nothing is stored', () => {
    const { service, log } = setup(undefined);
    expect(service.get()).toEqual(defaultSettings);
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
  });

  it('keeps valid stored settings as they are, without warnings', () => {
    const stored = { ...defaultSettings, serverUrl: 'https://acd.example.com', language: 'zh-CN' };
    const { service, log } = setup(stored);
    expect(service.get()).toEqual(stored);
    expect(log.entries).toHaveLength(0);
  });

  it('falls back per key for a hand-edited store and logs which keys', () => {
    const { service, log } = setup({
      ...defaultSettings,
      language: 'klingon',
      audio: { ringerDeviceId: 7 },
      serverUrl: 'https://ok.example',
    });
    expect(service.get()).toEqual({ ...defaultSettings, serverUrl: 'https://ok.example' });
    expect(log.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: { keys: ['language', 'audio'] } }),
    );
  });

  it('uses the defaults when the store cannot be read at all', () => {
    const storage: SettingsStorage = {
      read: () => {
        throw new SyntaxError('Unexpected token');
      },
      write: () => undefined,
    };
    const log = recordingLogger();
    expect(createSettingsService({ storage, defaults: defaultSettings, log }).get()).toEqual(defaultSettings);
    expect(log.entries[0]?.level).toBe('warn');
  });

  it('merges a patch, saves it and tells listeners once', () => {
    const { service, storage } = setup(defaultSettings);
    const listener = vi.fn();
    service.onChange(listener);
    const next = service.set({ audio: { microphoneDeviceId: 'usb-headset' }, language: 'en' });
    expect(next).toEqual({
      ...defaultSettings,
      language: 'en',
      audio: { ...defaultSettings.audio, microphoneDeviceId: 'usb-headset' },
    });
    expect(service.get()).toEqual(next);
    expect(storage.saved).toEqual([next]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(next);
  });

  it('does not tell listeners about a patch that changes nothing', () => {
    const { service } = setup(defaultSettings);
    const listener = vi.fn();
    service.onChange(listener);
    service.set({ language: defaultSettings.language });
    expect(listener).not.toHaveBeenCalled();
  });

  it('rejects a bad patch with VALIDATION_FAILED and changes nothing', () => {
    const { service, storage } = setup(defaultSettings);
    const listener = vi.fn();
    service.onChange(listener);
    for (const patch of [
      { serverUrl: 'javascript:alert(1)' },
      { hotkeys: { answer: 'Ctrl+Shift+Q!' } },
      { unknown: true },
      null,
      'x',
    ]) {
      expect(() => service.set(patch), JSON.stringify(patch)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
    expect(service.get()).toEqual(defaultSettings);
    expect(storage.saved).toHaveLength(0);
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses a bad phone line with a message naming the field, and keeps the saved line', () => {
    const line = { sipServerUrl: 'wss://pbx.example.com/ws', sipDomain: null, sipUsername: '1001' };
    const { service, storage } = setup({ ...defaultSettings, softphone: line });
    for (const [softphone, field] of [
      [{ iceServers: [{ urls: 'turn:turn.example.com' }] }, 'softphone.iceServers.0.username'],
      [{ sipUsername: 'agent one' }, 'softphone.sipUsername'],
      [{ sipServerUrl: 'https://pbx.example.com' }, 'softphone.sipServerUrl'],
    ] as const)
      expect(() => service.set({ softphone }), field).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: expect.arrayContaining([expect.objectContaining({ path: field })]),
        }),
      );
    expect(service.get().softphone).toEqual({ ...line, iceServers: [] });
    expect(storage.saved).toHaveLength(0);
  });

  it('reports a store that cannot be written as UNAVAILABLE and keeps the old settings', () => {
    const storage: SettingsStorage = {
      read: () => defaultSettings,
      write: () => {
        throw new Error('EACCES');
      },
    };
    const service = createSettingsService({ storage, defaults: defaultSettings, log: recordingLogger() });
    expect(() => service.set({ language: 'en' })).toThrow(expect.objectContaining({ code: 'UNAVAILABLE' }));
    expect(service.get()).toEqual(defaultSettings);
  });

  it('stops calling a listener after it unsubscribes', () => {
    const { service } = setup(defaultSettings);
    const listener = vi.fn();
    const unsubscribe = service.onChange(listener);
    unsubscribe();
    service.set({ language: 'en' });
    expect(listener).not.toHaveBeenCalled();
  });
});
