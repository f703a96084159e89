import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAppUrl } from './appOrigin';

describe('isAppUrl', () => {
  it('accepts the entry page and any path of our own origin', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('app://seat/assets/index-abc.js?x=1#y')).toBe(true);
    expect(isAppUrl('APP://SEAT/index.html')).toBe(true);
  });

  it('rejects look-alikes, other schemes and garbage', () => {
    for (const url of [
      'app://seat.evil.com/index.html',
      'app://seat@evil/index.html',
      'app://user:pw@seat/index.html',
      'app://evil/index.html',
      'https://seat/index.html',
      'file:///seat/index.html',
      'http://127.0.0.1:7420/',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
