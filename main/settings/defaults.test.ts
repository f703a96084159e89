import { defaultSettings } from '@contract/ipc/settings';
import { describe, expect, it } from 'vitest';
import { defaultsFromEnvironment } from './defaults';

describe('defaultsFromEnvironment', () => {
  it('uses the server URL npm start passed', () => {
    expect(defaultsFromEnvironment({ SEAT_SERVER_URL: 'http://127.0.0.1:7500/' }).serverUrl).toBe(
      'http://127.0.0.1:7500/',
    );
  });

  it('keeps the built-in defaults when the variable is absent or not an http(s) URL', () => {
    expect(defaultsFromEnvironment({})).toEqual(defaultSettings);
    expect(defaultsFromEnvironment({ SEAT_SERVER_URL: 'file:///etc' })).toEqual(defaultSettings);
  });
});
