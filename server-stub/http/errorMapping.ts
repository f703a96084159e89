import { SeatError, type ErrorCode } from '@contract/errors';

const byFastifyCode: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'NOT_FOUND',
  FST_ERR_NOT_FOUND: 'NOT_FOUND',
};

const byStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/**
 * Turns anything thrown while handling a request into a catalogue error. Unknown errors become
 * INTERNAL with the catalogue's message, so no internal detail or stack reaches the caller.
 */
export function toSeatError(error: unknown): SeatError {
  if (error instanceof SeatError) return error;
  if (typeof error === 'object' && error !== null) {
    const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
    if (typeof code === 'string' && byFastifyCode[code]) return new SeatError(byFastifyCode[code]);
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
      return new SeatError(byStatus[statusCode] ?? 'VALIDATION_FAILED');
    if (typeof statusCode === 'number' && byStatus[statusCode]) return new SeatError(byStatus[statusCode]);
  }
  return new SeatError('INTERNAL');
}
