import { describe, expect, it } from 'vitest';
import { defaultSettings, maxIceServers, settingsPatchSchema, settingsSchema } from './settings';

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
    expect(settingsSchema.parse(older).softphone).toEqual({
      sipServerUrl: null,
      sipDomain: null,
      sipUsername: null,
      iceServers: [],
    });
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

  it('reads a softphone saved with only a server and domain as the Seat username and no ICE servers', () => {
    const saved = {
      ...defaultSettings,
      softphone: { sipServerUrl: 'wss://pbx.example.com/ws', sipDomain: null },
    };
    expect(settingsSchema.parse(saved).softphone).toEqual({
      sipServerUrl: 'wss://pbx.example.com/ws',
      sipDomain: null,
      sipUsername: null,
      iceServers: [],
    });
  });

  it('reads a hand-written softphone section that names only some fields, the rest following the Seat server', () => {
    const written = {
      ...defaultSettings,
      softphone: { sipServerUrl: 'wss://pbx.example.com/ws', sipUsername: '1001' },
    };
    expect(settingsSchema.parse(written).softphone).toEqual({
      sipServerUrl: 'wss://pbx.example.com/ws',
      sipDomain: null,
      sipUsername: '1001',
      iceServers: [],
    });
  });

  it('leaves out of a patch what the patch does not name, rather than filling in defaults', () => {
    expect(settingsPatchSchema.parse({ softphone: { sipDomain: 'pbx.example.com' } })).toEqual({
      softphone: { sipDomain: 'pbx.example.com' },
    });
  });

  it('accepts a SIP username and STUN and TURN servers, with credentials for TURN only', () => {
    const softphone = {
      sipUsername: '1001',
      iceServers: [
        { urls: 'stun:stun.example.com:3478' },
        { urls: 'turns:turn.example.com:5349?transport=tcp', username: 'seat', credential: 's3cret' },
      ],
    };
    expect(settingsPatchSchema.parse({ softphone })).toEqual({ softphone });
  });

  it('refuses a SIP username with spaces or @, and says why', () => {
    for (const sipUsername of ['agent one', 'agent@pbx', '', 'sip:1001']) {
      const result = settingsPatchSchema.safeParse({ softphone: { sipUsername } });
      expect(result.success, sipUsername).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['softphone', 'sipUsername']);
    }
  });

  it('refuses ICE servers that are not STUN or TURN URLs, TURN without credentials, or STUN with them', () => {
    const cases: Array<[unknown, string]> = [
      [{ urls: 'https://stun.example.com' }, 'must be a stun:, stuns:, turn: or turns: URL'],
      [{ urls: 'stun:stun example.com' }, 'must be a stun:, stuns:, turn: or turns: URL'],
      [{ urls: 'turn:turn.example.com', username: 'u' }, 'a TURN server needs a username and credential'],
      [
        { urls: 'stun:stun.example.com', credential: 'c' },
        'only a TURN server takes a username and credential',
      ],
      [{ urls: 'stun:stun.example.com', extra: 1 }, ''],
    ];
    for (const [server, message] of cases) {
      const result = settingsPatchSchema.safeParse({ softphone: { iceServers: [server] } });
      expect(result.success, JSON.stringify(server)).toBe(false);
      if (message) expect(result.error?.issues.map((i) => i.message)).toContain(message);
    }
  });

  it('refuses more ICE servers than the bound', () => {
    const iceServers = Array.from({ length: maxIceServers + 1 }, (_, i) => ({
      urls: `stun:s${i}.example.com`,
    }));
    expect(settingsPatchSchema.safeParse({ softphone: { iceServers } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ softphone: { iceServers: iceServers.slice(1) } }).success).toBe(
      true,
    );
  });
});
