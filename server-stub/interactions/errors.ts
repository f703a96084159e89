import { errorCatalogue, SeatError, type ErrorCode } from '@contract/errors';
import type { RoutingError, RoutingErrorCode } from '../routing/result';

// The engine answers with its own codes; the wire speaks the catalogue's. A routing code that the
// catalogue carries itself is used as is; the others fall back to the nearest general code.

const fallback: Record<RoutingErrorCode, ErrorCode> = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNKNOWN_QUEUE: 'NOT_FOUND',
  UNKNOWN_AGENT: 'NOT_FOUND',
  UNKNOWN_SKILL: 'NOT_FOUND',
  UNKNOWN_INTERACTION: 'NOT_FOUND',
  UNKNOWN_REASON: 'VALIDATION_FAILED',
  UNKNOWN_DISPOSITION: 'VALIDATION_FAILED',
  INVALID_TRANSITION: 'CONFLICT',
  OFFER_EXPIRED: 'CONFLICT',
  AGENT_UNAVAILABLE: 'CONFLICT',
  DUPLICATE: 'CONFLICT',
  INVALID_CONFIG: 'VALIDATION_FAILED',
};

/** The catalogue code for an engine error code. */
export function catalogueCode(code: RoutingErrorCode): ErrorCode {
  return code in errorCatalogue ? (code as ErrorCode) : fallback[code];
}

/** Turns an engine refusal into the SeatError the HTTP and WebSocket edges answer with. */
export function toSeatError(error: RoutingError): SeatError {
  return new SeatError(catalogueCode(error.code), error.message);
}
