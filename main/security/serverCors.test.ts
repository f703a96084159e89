import { describe, expect, it } from 'vitest';
import { allowAppOriginOnServer } from './serverCors';

const server = 'http://127.0.0.1:7420';

describe('allowAppOriginOnServer', () => {
  it('makes the configured server readable by our origin and keeps its other headers', () => {
    const change = allowAppOriginOnServer(
      {
        url: `${server}/api/auth/me`,
        method: 'GET',
        statusCode: 200,
        responseHeaders: { 'Content-Type': ['application/json'], 'access-control-allow-origin': ['*'] },
      },
      `${server}/`,
    );
    expect(change.responseHeaders?.['Content-Type']).toEqual(['application/json']);
    expect(change.responseHeaders?.['Access-Control-Allow-Origin']).toEqual(['app://seat']);
    expect(change.responseHeaders?.['Access-Control-Allow-Headers']?.[0]).toContain('Authorization');
    expect(change.responseHeaders).not.toHaveProperty('access-control-allow-origin');
    expect(change.statusLine).toBeUndefined();
  });

  it('turns a failed preflight of the server into a success so the real request is sent', () => {
    expect(
      allowAppOriginOnServer({ url: `${server}/api/x`, method: 'OPTIONS', statusCode: 404 }, server)
        .statusLine,
    ).toBe('HTTP/1.1 204 No Content');
    expect(
      allowAppOriginOnServer({ url: `${server}/api/x`, method: 'GET', statusCode: 404 }, server).statusLine,
    ).toBeUndefined();
  });

  it('leaves responses of any other origin untouched', () => {
    for (const url of [
      'http://127.0.0.1:7421/api',
      'https://127.0.0.1:7420/api',
      'https://evil.example/',
      'garbage',
    ]) {
      expect(
        allowAppOriginOnServer({ url, method: 'GET', statusCode: 200, responseHeaders: {} }, server),
        url,
      ).toEqual({});
    }
  });
});
