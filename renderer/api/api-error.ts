import type { ErrorCode, ErrorDetail } from '@contract/errors';

/** Failures the seat detects itself, before or without a server reply. */
export const clientErrorCodes = ['NETWORK', 'TIMEOUT', 'BAD_RESPONSE', 'NOT_CONNECTED'] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];

/** Any code an API call can fail with: the server's catalogue plus the seat's own. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** An error from talking to the server, carrying a stable code the UI can translate. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status when the server answered, else null. */
  readonly status: number | null;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ApiErrorCode, message: string, status: number | null = null, details?: ErrorDetail[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Codes that mean the session is over and the agent must sign in again. */
export const sessionEndedCodes: ReadonlySet<ApiErrorCode> = new Set([
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'UNAUTHENTICATED',
]);

/** True when an error says the session token is no longer accepted. */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && sessionEndedCodes.has(error.code);
}
