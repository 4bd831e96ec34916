/**
 * One way every form reads a refused save: the API's error (400 with validation issues, 409 or 422
 * naming a field, 412 when someone else saved first) becomes messages next to the form's fields
 * plus, at most, one notice for the whole form. Forms then show `fields` on their inputs and
 * `notice` above the buttons (a `stale` notice as <StaleRecordNotice>).
 */
import type { TFunction } from 'i18next';
import { isApiError, type ApiError } from './api-client.js';
import { errorMessage } from './error-message.js';

/**
 * How the API's field paths become the form's fields: either the form's field names (a path
 * `budget.amount` lands on `budget`), or a map from API path to form field (`'target.value':
 * 'targetValue'`; a path not in the map falls back to its first segment).
 */
export type SaveErrorFields<F extends string> = readonly F[] | Readonly<Record<string, F>>;

/** What the form shows besides its field messages. */
export type SaveNotice =
  /** 412: someone else saved first; nothing was written and the typed values stay. */
  | { kind: 'stale' }
  /** A refusal about the record as a whole (a 409 or 422 naming no field of this form). */
  | { kind: 'conflict'; message: string }
  /** Anything else: network, permission, server trouble. */
  | { kind: 'error'; message: string };

export interface MappedSaveErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  notice: SaveNotice | null;
}

interface IssueShape {
  field?: unknown;
  message?: unknown;
  key?: unknown;
  params?: unknown;
}
interface DetailsShape {
  field?: unknown;
  issues?: unknown;
}

/** True for the server's "someone else changed this record after you read it" (412). */
export function isStaleError(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 412;
}

function fieldOf<F extends string>(path: unknown, fields: SaveErrorFields<F>): F | null {
  if (typeof path !== 'string' || path === '') return null;
  const head = path.split('.')[0] ?? path;
  if (Array.isArray(fields)) {
    const names = fields as readonly string[];
    if (names.includes(path)) return path as F;
    return names.includes(head) ? (head as F) : null;
  }
  const map = fields as Readonly<Record<string, F>>;
  if (Object.hasOwn(map, path)) return map[path] ?? null;
  return Object.hasOwn(map, head) ? (map[head] ?? null) : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Words in the reader's language when the server sent a message key it has words for; otherwise
 * the server's own (English) sentence.
 */
function say(t: TFunction, key: unknown, params: unknown, fallback: string): string {
  if (typeof key !== 'string' || key === '') return fallback;
  return t(`errors.${key}` as never, { ...record(params), defaultValue: fallback }) as string;
}

/**
 * Turns a refused save into field messages and one notice for the form. 412 is always the stale
 * notice (the form keeps what was typed and offers the saved version); a 409/422 that names a field
 * of this form lands on that field; the issues of a 400 land on their fields (the first per field);
 * whatever names no field of this form becomes the notice.
 */
export function mapSaveErrors<F extends string>(
  error: unknown,
  fields: SaveErrorFields<F>,
  t: TFunction,
): MappedSaveErrors<F> {
  if (!isApiError(error))
    return { fields: {}, notice: { kind: 'error', message: errorMessage(error, t) } };
  if (error.status === 412) return { fields: {}, notice: { kind: 'stale' } };

  const own = say(t, error.key, error.params, error.message);
  const details = record(error.details) as DetailsShape;
  const found: Partial<Record<F, string>> = {};

  const named = fieldOf(details.field, fields);
  if (named && error.status < 500) found[named] = own;

  if (Array.isArray(details.issues)) {
    for (const raw of details.issues as unknown[]) {
      const issue = record(raw) as IssueShape;
      const field = fieldOf(issue.field, fields);
      if (!field || found[field] !== undefined) continue;
      const message = typeof issue.message === 'string' ? issue.message : error.message;
      found[field] = say(t, issue.key, issue.params, message);
    }
  }
  if (Object.keys(found).length > 0) return { fields: found, notice: null };

  if (error.status === 409 || error.status === 422)
    return { fields: {}, notice: { kind: 'conflict', message: own } };
  return { fields: {}, notice: { kind: 'error', message: errorMessage(error, t) } };
}

/** The notice as one sentence, for forms that show a plain message (a stale notice gets its words). */
export function noticeMessage(notice: SaveNotice, t: TFunction): string {
  return notice.kind === 'stale' ? t('staleRecord.body') : notice.message;
}
