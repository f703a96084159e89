import { errorCatalogue } from '@contract/errors';
import { describe, expect, it } from 'vitest';
import { routingErrorCodes } from '../routing/result';
import { catalogueCode, toSeatError } from './errors';

describe('routing error mapping', () => {
  it('maps every engine code to a 4xx code of the catalogue', () => {
    for (const code of routingErrorCodes) {
      const mapped = catalogueCode(code);
      expect(errorCatalogue[mapped].status, code).toBeGreaterThanOrEqual(400);
      expect(errorCatalogue[mapped].status, code).toBeLessThan(500);
    }
  });

  it('keeps the engine message and gives unknown things a 404', () => {
    const error = toSeatError({ code: 'UNKNOWN_QUEUE', message: 'There is no queue q-x.' });
    expect(error.status).toBe(404);
    expect(error.message).toBe('There is no queue q-x.');
  });

  it('answers a second accept of one offer with a 409', () => {
    expect(toSeatError({ code: 'INVALID_TRANSITION', message: 'no offer' }).status).toBe(409);
  });
});
