/**
 * The error catalogue: every failure the API reports has an HTTP status and a stable code, and is
 * rendered by one translator as {error:{code,message,details}}. 5xx never carries internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { classifyDbError } from './db/dialect.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error the client can act on. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  badRequest: (message: string, details?: unknown) =>
    new AppError(400, 'bad_request', message, details),
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
  conflict: (message: string, details?: unknown) => new AppError(409, 'conflict', message, details),
  stale: (currentVersion: number) =>
    new AppError(
      412,
      'precondition_failed',
      'Someone else changed this record after you loaded it. Reload it, review the changes and try again.',
      { currentVersion },
    ),
  unprocessable: (message: string, details?: unknown) =>
    new AppError(422, 'unprocessable', message, details),
  /** A label that would hide the record from the person saving it. */
  unreadableLabel: () =>
    new AppError(
      422,
      'unprocessable',
      'With this label you could not read the record yourself: choose an originating organisation you work in, or a wider release.',
      { field: 'label' },
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
    return reply.status(error.status).send(body(error.code, error.message, error.details));
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const where = fastifyError.validationContext ?? 'body';
    const issues: ValidationIssue[] = fastifyError.validation.map((v) => ({
      field: fieldPath(v.instancePath, v.params),
      message: v.message ?? 'is invalid',
    }));
    const summary = issues
      .slice(0, 3)
      .map((i) => (i.field ? `${i.field}: ${i.message}` : i.message))
      .join('; ');
    return reply.status(400).send(
      body('validation_failed', `The request ${where} is not valid — ${summary}.`, {
        in: where,
        issues,
      }),
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

function body(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined
    ? { error: { code, message } }
    : { error: { code, message, details } };
}
