import { SeatError } from '@contract/errors';
import { describe, expect, it } from 'vitest';
import { toSeatError } from './errorMapping';

const fastifyError = (code: string, statusCode: number) =>
  Object.assign(new Error(`${code} internal text`), { code, statusCode });

describe('error mapping', () => {
  it('passes a SeatError through unchanged', () => {
    const original = new SeatError('FORBIDDEN', 'custom');
    expect(toSeatError(original)).toBe(original);
  });

  it('maps the body parser errors of Fastify to catalogue codes', () => {
    expect(toSeatError(fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400)).code).toBe('BAD_JSON');
    expect(toSeatError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413)).code).toBe('BODY_TOO_LARGE');
    expect(toSeatError(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415)).code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('falls back on the status code for other client errors', () => {
    expect(toSeatError(fastifyError('SOMETHING_ELSE', 429)).code).toBe('RATE_LIMITED');
    expect(toSeatError(fastifyError('SOMETHING_ELSE', 418)).code).toBe('VALIDATION_FAILED');
  });

  it('hides anything unexpected behind INTERNAL with the catalogue message', () => {
    const mapped = toSeatError(new TypeError('secret path /etc/x at line 3'));
    expect(mapped.code).toBe('INTERNAL');
    expect(mapped.message).not.toContain('secret');
    expect(toSeatError('a string').code).toBe('INTERNAL');
  });
});
