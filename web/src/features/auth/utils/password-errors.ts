/**
 * Where a refused password change belongs and what to say. The server names the field in
 * `details.field` and explains in English; the explanations it is known to give are said in the
 * reader's language, anything else is shown as the server wrote it.
 */
import type { TFunction } from 'i18next';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';

export type PasswordField = 'currentPassword' | 'newPassword';

export interface PasswordError {
  /** The field the message goes under; null for a failure of the whole form. */
  field: PasswordField | null;
  message: string;
}

function isPasswordField(value: unknown): value is PasswordField {
  return value === 'currentPassword' || value === 'newPassword';
}

/** The field named by a 422 (`details.field`) or a 400 (`details.issues[0].field`). */
function fieldOf(details: unknown): PasswordField | null {
  if (typeof details !== 'object' || details === null) return null;
  const { field, issues } = details as { field?: unknown; issues?: unknown };
  if (isPasswordField(field)) return field;
  if (Array.isArray(issues)) {
    const first: unknown = (issues as { field?: unknown }[]).find((i) =>
      isPasswordField(i.field),
    )?.field;
    if (isPasswordField(first)) return first;
  }
  return null;
}

/** Words quoted “like this” in the server's message. */
function quotedWords(message: string): string[] {
  return [...message.matchAll(/[“"]([^”"]+)[”"]/g)].map((m) => m[1] ?? '').filter(Boolean);
}

/** Translates the server's known refusals; null when the message is not one of them. */
function knownReason(message: string, t: TFunction): string | null {
  if (/current password is not right/i.test(message))
    return t('account.password.errors.currentWrong');
  if (/different from the current/i.test(message)) return t('account.password.errors.same');
  const atLeast = /at least (\d+) characters/i.exec(message);
  if (atLeast) return t('account.password.errors.tooShort', { count: Number(atLeast[1]) });
  const atMost = /at most (\d+) characters/i.exec(message);
  if (atMost) return t('account.password.errors.tooLong', { count: Number(atMost[1]) });
  if (/most common/i.test(message)) return t('account.password.errors.common');
  if (/words tied to/i.test(message)) {
    const words = quotedWords(message);
    return words.length
      ? t('account.password.errors.contextWords', { words: words.join(', ') })
      : t('account.password.errors.contextWordsGeneric');
  }
  return null;
}

/** Turns a failed POST /auth/password into a message for the right field. */
export function passwordChangeError(error: unknown, t: TFunction): PasswordError {
  if (isApiError(error) && (error.status === 422 || error.status === 400)) {
    const field = fieldOf(error.details);
    const issue = (error.details as { issues?: { message?: unknown }[] } | undefined)?.issues?.[0];
    const raw =
      error.status === 400 && typeof issue?.message === 'string' ? issue.message : error.message;
    return { field, message: knownReason(raw, t) ?? raw };
  }
  return { field: null, message: errorMessage(error, t) };
}
