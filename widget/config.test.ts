import { describe, expect, it } from 'vitest';
import { readWidgetConfig } from './config';

const at = (search: string) => ({ search, origin: 'http://127.0.0.1:7420' });

describe('readWidgetConfig', () => {
  it('serves the demo tenant with no preset queue when the link says nothing', () => {
    expect(readWidgetConfig(at(''))).toEqual({
      tenant: 'demo',
      queue: null,
      serverOrigin: 'http://127.0.0.1:7420',
    });
  });

  it('takes the tenant and queue from the link', () => {
    expect(readWidgetConfig(at('?tenant=acme&queue=support-en'))).toMatchObject({
      tenant: 'acme',
      queue: 'support-en',
    });
  });

  it('refuses a tenant that is not a slug instead of falling back to another tenant', () => {
    expect(() => readWidgetConfig(at('?tenant=../admin'))).toThrow(/tenant/);
  });

  it('refuses an empty queue', () => {
    expect(() => readWidgetConfig(at('?queue='))).toThrow(/queue/);
  });
});
