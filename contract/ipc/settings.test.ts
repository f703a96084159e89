import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsPatchSchema, settingsSchema } from './settings';

describe('settings schema', () => {
  it('accepts the defaults of a fresh install', () => {
    expect(settingsSchema.parse(defaultSettings)).toEqual(defaultSettings);
  });

  it('accepts accelerators on punctuation keys, brackets included', () => {
    for (const key of ['[', ']', ';', '\\', '-', '=', '`', 'F12', 'Space']) {
      const patch = { hotkeys: { ...defaultSettings.hotkeys, answer: `CommandOrControl+Shift+${key}` } };
      expect(settingsPatchSchema.safeParse(patch).success, key).toBe(true);
    }
  });

  it('rejects server URLs that are not http(s) and hotkeys that are not accelerators', () => {
    expect(settingsPatchSchema.safeParse({ serverUrl: 'ws://127.0.0.1:7420' }).success).toBe(false);
    const bad = { hotkeys: { ...defaultSettings.hotkeys, hold: 'Ctrl+Shift+{' } };
    expect(settingsPatchSchema.safeParse(bad).success).toBe(false);
  });

  it('reads settings saved before the softphone section as following the Seat server', () => {
    const { softphone: _omitted, ...older } = defaultSettings;
    expect(settingsSchema.parse(older).softphone).toEqual({ sipServerUrl: null, sipDomain: null });
  });

  it('accepts a ws(s) SIP server and a domain, and refuses other schemes and odd domains', () => {
    const good = { softphone: { sipServerUrl: 'wss://pbx.example.com/ws', sipDomain: 'pbx.example.com' } };
    expect(settingsPatchSchema.safeParse(good).success).toBe(true);
    for (const softphone of [
      { sipServerUrl: 'http://pbx.example.com' },
      { sipDomain: 'bad domain' },
      { sipDomain: 'x@y' },
      { extra: true },
    ])
      expect(settingsPatchSchema.safeParse({ softphone }).success, JSON.stringify(softphone)).toBe(false);
  });
});
