import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings';
import { mergeSettings, recoverSettings } from './settingsMerge';

describe('mergeSettings', () => {
  it('replaces top-level fields and merges audio key by key', () => {
    const merged = mergeSettings(
      { ...defaultSettings, audio: { ringerDeviceId: 'r', speakerDeviceId: 's', microphoneDeviceId: null } },
      { serverUrl: 'https://seat.example', audio: { microphoneDeviceId: 'm' } },
    );
    expect(merged.serverUrl).toBe('https://seat.example');
    expect(merged.language).toBe('system');
    expect(merged.audio).toEqual({ ringerDeviceId: 'r', speakerDeviceId: 's', microphoneDeviceId: 'm' });
  });

  it('does not change the settings it was given', () => {
    const before = structuredClone(defaultSettings);
    mergeSettings(defaultSettings, { language: 'en', audio: { ringerDeviceId: 'x' } });
    expect(defaultSettings).toEqual(before);
  });

  it('keeps the softphone fields a patch does not name', () => {
    const current = {
      ...defaultSettings,
      softphone: {
        sipServerUrl: 'wss://pbx.example.com/ws',
        sipDomain: 'pbx.example.com',
        sipUsername: '1001',
        iceServers: [{ urls: 'stun:stun.example.com' }],
      },
    };
    expect(mergeSettings(current, { softphone: { sipDomain: 'other.example.com' } }).softphone).toEqual({
      ...current.softphone,
      sipDomain: 'other.example.com',
    });
  });
});

describe('recoverSettings', () => {
  it('keeps every valid stored key', () => {
    const stored = { ...defaultSettings, language: 'zh-CN', serverUrl: 'https://a.example' };
    expect(recoverSettings(stored, defaultSettings)).toEqual({ settings: stored, fellBack: [] });
  });

  it('falls back only the keys that are invalid', () => {
    const stored = {
      ...defaultSettings,
      serverUrl: 'ftp://nope',
      language: 'en',
      hotkeys: { answer: 'not a key' },
    };
    const { settings, fellBack } = recoverSettings(stored, defaultSettings);
    expect(settings.language).toBe('en');
    expect(settings.serverUrl).toBe(defaultSettings.serverUrl);
    expect(settings.hotkeys).toEqual(defaultSettings.hotkeys);
    expect(fellBack.sort()).toEqual(['hotkeys', 'serverUrl']);
  });

  it('treats something that is not an object as all defaults', () => {
    for (const stored of [null, 'garbage', 42, [1, 2]]) {
      expect(recoverSettings(stored, defaultSettings).settings).toEqual(defaultSettings);
    }
  });

  it('drops unknown keys instead of failing', () => {
    const { settings } = recoverSettings({ ...defaultSettings, evil: true }, defaultSettings);
    expect(settings).toEqual(defaultSettings);
  });
});
