import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../appOrigin';
import { createPermissionPolicy } from './permissions';

const policy = createPermissionPolicy(isAppUrl);
const own = 'app://seat/index.html';

describe('permission policy', () => {
  it('grants the microphone to our own page', () => {
    expect(policy.request('media', { requestingUrl: own, isMainFrame: true, mediaTypes: ['audio'] })).toBe(
      true,
    );
    expect(
      policy.check('media', 'app://seat', { requestingUrl: own, isMainFrame: true, mediaType: 'audio' }),
    ).toBe(true);
  });

  it('refuses the camera even to our own page, alone or with the microphone', () => {
    expect(policy.request('media', { requestingUrl: own, isMainFrame: true, mediaTypes: ['video'] })).toBe(
      false,
    );
    expect(
      policy.request('media', { requestingUrl: own, isMainFrame: true, mediaTypes: ['audio', 'video'] }),
    ).toBe(false);
    expect(policy.request('media', { requestingUrl: own, isMainFrame: true })).toBe(false);
    expect(
      policy.check('media', 'app://seat', { requestingUrl: own, isMainFrame: true, mediaType: 'video' }),
    ).toBe(false);
    expect(policy.check('media', 'app://seat', { isMainFrame: true, mediaType: 'unknown' })).toBe(false);
  });

  it('refuses the microphone to any other origin or to a subframe', () => {
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:7420/',
      'app://seat.evil/',
      'file:///x.html',
    ]) {
      expect(
        policy.request('media', { requestingUrl: url, isMainFrame: true, mediaTypes: ['audio'] }),
        url,
      ).toBe(false);
      expect(
        policy.check('media', new URL(url).origin, {
          requestingUrl: url,
          isMainFrame: true,
          mediaType: 'audio',
        }),
        url,
      ).toBe(false);
    }
    expect(policy.request('media', { requestingUrl: own, isMainFrame: false, mediaTypes: ['audio'] })).toBe(
      false,
    );
  });

  it('refuses geolocation, notifications, screen capture and the rest to everyone', () => {
    for (const permission of [
      'geolocation',
      'notifications',
      'display-capture',
      'clipboard-read',
      'usb',
      'openExternal',
      'fullscreen',
    ]) {
      expect(policy.request(permission, { requestingUrl: own, isMainFrame: true }), permission).toBe(false);
      expect(
        policy.check(permission, 'app://seat', { requestingUrl: own, isMainFrame: true }),
        permission,
      ).toBe(false);
    }
  });

  it('lets only our own page reach a server on the local network', () => {
    expect(policy.request('local-network-access', { requestingUrl: own, isMainFrame: true })).toBe(true);
    expect(policy.check('loopback-network', 'app://seat', { isMainFrame: true })).toBe(true);
    expect(
      policy.request('local-network-access', { requestingUrl: 'https://evil.example/', isMainFrame: true }),
    ).toBe(false);
  });
});
