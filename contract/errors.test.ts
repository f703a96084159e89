import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema, errorCatalogue, parseOrThrow, SeatError } from './errors';

describe('error catalogue', () => {
  it('gives every code a 4xx or 5xx status and a sentence', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.message, code).toMatch(/\.$/);
    }
  });

  it('turns a SeatError into a body that its own schema accepts', () => {
    const body = new SeatError('FORBIDDEN').toBody();
    expect(errorBodySchema.parse(body)).toEqual({
      error: { code: 'FORBIDDEN', message: errorCatalogue.FORBIDDEN.message },
    });
  });

  it('keeps the status of the code it was made with', () => {
    expect(new SeatError('BODY_TOO_LARGE').status).toBe(413);
    expect(new SeatError('TOKEN_EXPIRED', 'custom').message).toBe('custom');
  });

  it('reports every validation problem with its path', () => {
    const schema = z.object({ a: z.number(), b: z.object({ c: z.string() }) }).strict();
    try {
      parseOrThrow(schema, { a: 'x', b: { c: 1 }, extra: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SeatError);
      const err = e as SeatError;
      expect(err.code).toBe('VALIDATION_FAILED');
      const paths = err.details?.map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['a', 'b.c', '(root)']));
    }
  });
});
