import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split('; ').map((d) => {
      const [name = '', ...sources] = d.split(' ');
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only from our own bundle, without eval or inline code', () => {
    const csp = directives(contentSecurityPolicy('http://127.0.0.1:7420'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy('http://127.0.0.1:7420')).not.toMatch(/unsafe-eval|\*/);
  });

  it('lets the renderer connect to the configured server over HTTP and WebSocket only', () => {
    expect(directives(contentSecurityPolicy('http://127.0.0.1:7420/')).get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:7420',
      'ws://127.0.0.1:7420',
    ]);
    expect(directives(contentSecurityPolicy('https://acd.example.com/seat')).get('connect-src')).toEqual([
      "'self'",
      'https://acd.example.com',
      'wss://acd.example.com',
    ]);
  });
});
