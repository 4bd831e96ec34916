/**
 * The error catalogue: every failure the API reports has an HTTP status and a stable code, and is
 * rendered by one translator as {error:{code,message,key,params,details}}. 5xx never carries
 * internals. `message` is English; `key` (a stable message key such as `validation.too_small`,
 * left out when it is the same as `code`) and `params` (numbers, field names) let a client say
 * the same in its reader's language; each validation issue carries its own key and params too.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { classifyDbError } from './db/dialect.js';

/** The parameters of a message key: numbers, field names, lists of allowed values. */
export type MessageParams = Record<
  string,
  string | number | boolean | readonly (string | number)[]
>;

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    key?: string;
    params?: MessageParams;
    details?: unknown;
  };
}

/** A message key and its parameters, for words in the reader's language. */
export interface MessageKey {
  key: string;
  params?: MessageParams;
}

/** An error the client can act on. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** The message key, when the message says more than the code does (defaults to the code). */
    readonly messageKey?: MessageKey,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  badRequest: (message: string, details?: unknown, key?: MessageKey) =>
    new AppError(400, 'bad_request', message, details, key),
  unauthenticated: (message = 'Sign in to continue.') =>
    new AppError(401, 'unauthenticated', message),
  forbidden: (message = 'You are not allowed to do this.') =>
    new AppError(403, 'forbidden', message),
  csrf: () =>
    new AppError(
      403,
      'csrf_failed',
      'The request lacks a valid X-CSRF-Token header. Reload the page and try again.',
    ),
  passwordChangeRequired: () =>
    new AppError(
      403,
      'password_change_required',
      'Choose a new password before doing anything else: the one you signed in with was a one-time password.',
    ),
  /** Same answer for "missing" and "not visible to you": existence never leaks. */
  notFound: (what: string) => new AppError(404, 'not_found', `${what} was not found.`),
  conflict: (message: string, details?: unknown, key?: MessageKey) =>
    new AppError(409, 'conflict', message, details, key),
  stale: (currentVersion: number) =>
    new AppError(
      412,
      'precondition_failed',
      'Someone else changed this record after you loaded it. Reload it, review the changes and try again.',
      { currentVersion },
    ),
  unprocessable: (message: string, details?: unknown, key?: MessageKey) =>
    new AppError(422, 'unprocessable', message, details, key),
  /** A label that would hide the record from the person saving it. */
  unreadableLabel: () =>
    new AppError(
      422,
      'unprocessable',
      'With this label you could not read the record yourself: choose an originating organisation you work in, or a wider release.',
      { field: 'label' },
      { key: 'label_unreadable', params: { field: 'label' } },
    ),
  preconditionRequired: () =>
    new AppError(
      428,
      'precondition_required',
      'Send the If-Match header with the ETag you received when you loaded this record.',
    ),
  tooManyRequests: (message = 'Too many requests. Wait a moment and try again.') =>
    new AppError(429, 'rate_limited', message),
};

interface ValidationIssue {
  field: string;
  message: string;
  key: string;
  params: MessageParams;
}

/** What fastify-type-provider-zod passes on for one zod issue. */
interface ZodIssueShape {
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

function isParam(value: unknown): value is MessageParams[string] {
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string' || typeof v === 'number');
  return ['string', 'number', 'boolean'].includes(typeof value);
}

/** Keeps the parameters a sentence can use (numbers, names), never the rejected input itself. */
function pickParams(source: Record<string, unknown>, names: readonly string[]): MessageParams {
  const out: MessageParams = {};
  for (const name of names) {
    const value = source[name];
    if (typeof value === 'bigint') out[name] = Number(value);
    else if (isParam(value)) out[name] = value;
  }
  return out;
}

/** What a size limit counts: characters, a number's value, items of a list, or a date. */
function sizeOrigin(origin: unknown): 'string' | 'number' | 'array' | 'date' | 'value' {
  if (origin === 'string' || origin === 'number' || origin === 'array' || origin === 'date')
    return origin;
  if (origin === 'bigint') return 'number';
  if (origin === 'set') return 'array';
  return 'value';
}

/** Formats with words of their own; any other (a pattern) is `invalid_format.other`. */
const FORMATS: ReadonlySet<string> = new Set(['email', 'uuid', 'url', 'date', 'datetime', 'time']);

/**
 * A zod issue as a message key and its parameters. A missing value is `validation.required`
 * whatever its type; a refinement may name its own key (`.refine(f, { params: { key: 'due_date' } })`
 * becomes `validation.due_date`), otherwise it is `validation.custom`.
 */
export function issueMessageKey(issue: ZodIssueShape): Required<MessageKey> {
  const p = issue.params ?? {};
  const message = issue.message ?? '';
  switch (issue.keyword) {
    case 'invalid_type':
      if (/received undefined/.test(message) || (p.input === undefined && 'input' in p))
        return { key: 'validation.required', params: {} };
      return { key: 'validation.invalid_type', params: pickParams(p, ['expected']) };
    case 'too_small':
      if (p.origin === 'string' && Number(p.minimum) === 1)
        return { key: 'validation.required', params: {} };
      return {
        key: `validation.too_small.${sizeOrigin(p.origin)}`,
        params: pickParams(p, ['minimum', 'inclusive']),
      };
    case 'too_big':
      return {
        key: `validation.too_big.${sizeOrigin(p.origin)}`,
        params: pickParams(p, ['maximum', 'inclusive']),
      };
    case 'invalid_format':
      return {
        key: `validation.invalid_format.${FORMATS.has(String(p.format)) ? String(p.format) : 'other'}`,
        params: {},
      };
    case 'invalid_value':
      return { key: 'validation.invalid_value', params: pickParams(p, ['values']) };
    case 'unrecognized_keys':
      return { key: 'validation.unrecognized_keys', params: pickParams(p, ['keys']) };
    case 'not_multiple_of':
      return { key: 'validation.not_multiple_of', params: pickParams(p, ['divisor']) };
    case 'custom': {
      const own = (p.params as Record<string, unknown> | undefined)?.key;
      if (typeof own === 'string' && /^[a-z0-9_]+$/.test(own)) {
        const { key: _key, ...rest } = p.params as Record<string, unknown>;
        return { key: `validation.${own}`, params: pickParams(rest, Object.keys(rest)) };
      }
      // The refinement's own English sentence, for readers of English.
      return { key: 'validation.custom', params: { detail: message } };
    }
    default:
      return { key: 'validation.invalid', params: {} };
  }
}

function fieldPath(instancePath: string, params: unknown): string {
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra = (params as { keys?: string[] } | undefined)?.keys;
  if (extra && extra.length > 0) return [base, ...extra].filter(Boolean).join('.');
  return base;
}

/** Renders any thrown value as the one error shape, with a status a client can act on. */
export function renderError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof AppError) {
    return reply
      .status(error.status)
      .send(body(error.code, error.message, error.details, error.messageKey));
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const where = fastifyError.validationContext ?? 'body';
    const issues: ValidationIssue[] = fastifyError.validation.map((v) => {
      const field = fieldPath(v.instancePath, v.params);
      const { key, params } = issueMessageKey(v as ZodIssueShape);
      return { field, message: v.message ?? 'is invalid', key, params: { ...params, field } };
    });
    const summary = issues
      .slice(0, 3)
      .map((i) => (i.field ? `${i.field}: ${i.message}` : i.message))
      .join('; ');
    return reply.status(400).send(
      body(
        'validation_failed',
        `The request ${where} is not valid — ${summary}.`,
        { in: where, issues },
        // One problem is named as such; several are counted (each issue has its own key).
        issues.length === 1 && issues[0]
          ? { key: issues[0].key, params: issues[0].params }
          : { key: 'validation_failed', params: { count: issues.length, in: where } },
      ),
    );
  }
  const dbKind = classifyDbError(error);
  if (dbKind === 'unique') {
    return reply
      .status(409)
      .send(body('conflict', 'A record with the same unique value already exists.'));
  }
  if (dbKind === 'foreign_key') {
    return reply
      .status(409)
      .send(
        body(
          'conflict',
          'This change refers to a record that does not exist, or is still referenced by others.',
        ),
      );
  }
  if (dbKind === 'busy' || dbKind === 'serialization') {
    return reply
      .header('retry-after', '1')
      .status(503)
      .send(body('busy', 'The database is busy. Try again in a moment.'));
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return reply.status(status).send(body(clientCode(fastifyError), clientMessage(fastifyError)));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send(body('internal', 'Something went wrong on our side. The error has been logged.'));
}

function clientCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'malformed_json';
    case 'FST_ERR_RATE_LIMIT':
      return 'rate_limited';
    default:
      return error.statusCode === 404 ? 'not_found' : 'bad_request';
  }
}

function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the body as application/json.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty; send a JSON object.';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON.';
    default:
      // Fastify's own 4xx messages name the problem without internals (e.g. bad content-length).
      return error.message;
  }
}

function body(code: string, message: string, details?: unknown, key?: MessageKey): ErrorBody {
  const error: ErrorBody['error'] = { code, message };
  if (key && key.key !== code) error.key = key.key;
  if (key?.params && Object.keys(key.params).length > 0) error.params = key.params;
  if (details !== undefined) error.details = details;
  return { error };
}
