/** Turns an error into a sentence in the reader's language, using the API's stable error codes. */
import type { TFunction } from 'i18next';
import { isApiError } from './api-client.js';

const KNOWN_CODES = [
  'network_error',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'validation_failed',
  'rate_limited',
  'precondition_failed',
  'precondition_required',
  'busy',
  'internal',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (isKnownCode(error.code)) return t(`errors.${error.code}`);
    if (error.status >= 500) return t('errors.internal');
    // An unfamiliar code still carries the server's own explanation (in English).
    return error.message || t('errors.unknown');
  }
  return t('errors.unknown');
}
