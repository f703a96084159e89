import type { TFunction } from 'i18next';

/** Anything with a catalogue code: ApiError from the server, SeatError from the host. */
interface CodedError {
  code: string;
  message: string;
}

function isCoded(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as Partial<CodedError>).code === 'string';
}

/**
 * The sentence to show for an error: the translation of its code, else the server's own message,
 * else a generic one. Never empty, so an error is never silently dropped from the screen.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isCoded(error))
    return t(`errors.${error.code}`, { defaultValue: error.message || t('errors.INTERNAL') });
  if (error instanceof Error && error.message) return error.message;
  return t('errors.INTERNAL');
}
