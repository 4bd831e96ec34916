/**
 * Turns an error into a sentence in the reader's language: the API's message key and parameters
 * when the web has words for the key, else the words for its stable code, else the server's own
 * (English) sentence.
 */
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
  'password_change_required',
  'payload_too_large',
  'malformed_json',
  'unsupported_media_type',
  'busy',
  'internal',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** Parameters as a sentence shows them: lists joined with commas ("a, b, c"). */
export function messageParams(params: unknown): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return {};
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );
}

/**
 * The words for an API message key (`validation.too_small.string` → errors.validation.…) with its
 * parameters, or `fallback` when the web has none for that key.
 */
export function keyedMessage(
  t: TFunction,
  key: unknown,
  params: unknown,
  fallback: string,
): string {
  if (typeof key !== 'string' || !/^[a-z0-9_]+(\.[a-z0-9_]+)*$/.test(key)) return fallback;
  const path = `errors.${key}`;
  // A key that names a group of sentences (errors.validation) is not a sentence itself.
  const found = t(path as never, {
    ...messageParams(params),
    defaultValue: '',
    returnObjects: true,
  }) as unknown;
  return typeof found === 'string' && found !== '' && found !== path ? found : fallback;
}

export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (isKnownCode(error.code)) {
      return keyedMessage(t, error.key, error.params, t(`errors.${error.code}`));
    }
    if (error.status >= 500) return t('errors.internal');
    // An unfamiliar code still carries the server's own explanation (in English).
    return keyedMessage(t, error.key, error.params, error.message || t('errors.unknown'));
  }
  return t('errors.unknown');
}
