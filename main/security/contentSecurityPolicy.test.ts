import { describe, expect, it } from 'vitest';
import { defaultSettings, seatServerSoftphone } from '@contract/ipc/settings';
import { createAppProtocolHandler } from '../protocol/appProtocol';
import { createSettingsService } from '../settings/settingsService';
import { recordingLogger } from '../testing/fakes';
import { contentSecurityPolicy, needsReload } from './contentSecurityPolicy';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split('; ').map((d) => {
      const [name = '', ...sources] = d.split(' ');
      return [name, sources];
    }),
  );
}

const seat = (serverUrl: string) => ({ serverUrl, softphone: seatServerSoftphone });
const withSip = (serverUrl: string, sipServerUrl: string | null) => ({
  serverUrl,
  softphone: { ...seatServerSoftphone, sipServerUrl },
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from our own bundle, without eval or inline code', () => {
    const csp = directives(contentSecurityPolicy(seat('http://127.0.0.1:7420')));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy(seat('http://127.0.0.1:7420'))).not.toMatch(/unsafe-eval|\*/);
  });

  it('lets the renderer connect to the configured server over HTTP and WebSocket only', () => {
    expect(directives(contentSecurityPolicy(seat('http://127.0.0.1:7420/'))).get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:7420',
      'ws://127.0.0.1:7420',
    ]);
    expect(
      directives(contentSecurityPolicy(seat('https://acd.example.com/seat'))).get('connect-src'),
    ).toEqual(["'self'", 'https://acd.example.com', 'wss://acd.example.com']);
  });

  it('also lets the softphone reach the SIP server the settings name, by its origin only', () => {
    const csp = contentSecurityPolicy(
      withSip('https://acd.example.com', 'wss://pbx.example.com:8089/ws?x=1'),
    );
    expect(directives(csp).get('connect-src')).toEqual([
      "'self'",
      'https://acd.example.com',
      'wss://acd.example.com',
      'wss://pbx.example.com:8089',
    ]);
  });

  it('names a SIP server on the Seat server itself only once', () => {
    const csp = contentSecurityPolicy(withSip('https://acd.example.com', 'wss://acd.example.com/sip'));
    expect(directives(csp).get('connect-src')).toEqual([
      "'self'",
      'https://acd.example.com',
      'wss://acd.example.com',
    ]);
  });
});

describe('needsReload', () => {
  it('reloads the page when the server URL or the SIP server origin changes, not for other softphone settings', () => {
    const base = withSip('https://acd.example.com', null);
    expect(needsReload(base, withSip('https://other.example.com', null))).toBe(true);
    expect(needsReload(base, withSip('https://acd.example.com/seat', null))).toBe(true);
    expect(needsReload(base, withSip('https://acd.example.com', 'wss://pbx.example.com/ws'))).toBe(true);
    expect(needsReload(withSip('https://acd.example.com', 'wss://pbx.example.com/ws'), base)).toBe(true);
    expect(
      needsReload(
        withSip('https://acd.example.com', 'wss://pbx.example.com/ws'),
        withSip('https://acd.example.com', 'wss://pbx.example.com/other'),
      ),
    ).toBe(false);
    expect(
      needsReload(base, {
        ...base,
        softphone: { ...base.softphone, sipUsername: '1001', sipDomain: 'pbx.example.com' },
      }),
    ).toBe(false);
  });
});

describe('the CSP main serves', () => {
  it('follows the saved settings: the next page after a SIP server is set may connect to it', async () => {
    let stored: unknown = { ...defaultSettings, serverUrl: 'https://acd.example.com' };
    const settings = createSettingsService({
      storage: { read: () => stored, write: (value) => void (stored = value) },
      defaults: defaultSettings,
      log: recordingLogger(),
    });
    const handle = createAppProtocolHandler({
      rootDir: '/seat',
      readFile: async () => new TextEncoder().encode('<!doctype html>'),
      contentSecurityPolicy: () => contentSecurityPolicy(settings.get()),
    });
    const connectSrc = async () =>
      directives((await handle(new Request('app://seat/'))).headers.get('content-security-policy') ?? '').get(
        'connect-src',
      );
    expect(await connectSrc()).not.toContain('wss://pbx.example.com');
    settings.set({ softphone: { sipServerUrl: 'wss://pbx.example.com/ws' } });
    expect(await connectSrc()).toContain('wss://pbx.example.com');
  });
});
