/**
 * If-Match by construction. Every change to an existing record — PATCH, PUT, DELETE, and a POST
 * to an action on a record (`POST /reports/:id/approve`) — needs If-Match: 428 without it, before
 * the body is even read. The handler then compares the version (412 when stale). A route is left
 * out only by name in IF_MATCH_EXEMPT below, with the reason (docs/SECURITY.md repeats them).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';

/** Routes that change something without If-Match, and why. Keys are 'METHOD /route'. */
export const IF_MATCH_EXEMPT: Readonly<Record<string, string>> = {
  // Creating a record under another: there is no version of the new record to match yet.
  'POST /api/v1/plan-items/:id/indicators': 'creates an indicator',
  'POST /api/v1/plan-items/:id/comments': 'creates a comment',
  'POST /api/v1/plans/:id/periods': 'opens (creates) a reporting period',
  'POST /api/v1/plans/:id/imports': 'creates a dry run of an import; changes nothing',
  'POST /api/v1/indicators/:id/measurements': 'adds a measurement (append-only)',
  'POST /api/v1/users/:id/grants': 'creates a grant',
  // Create-or-update: the first save creates the report; once it exists the handler answers 428
  // without If-Match and 412 when stale (reporting.test.ts).
  'PUT /api/v1/periods/:id/items/:itemId/report': 'creates the report on first save',
  // A commit applies the dry run the same person reviewed; the job's own state (dry run →
  // committing → committed) lets exactly one commit through.
  'POST /api/v1/imports/:id/commit': 'the dry run is the precondition; one commit wins',
  // Restoring a deleted record changes none of its content; it answers 409 unless it is deleted.
  'POST /api/v1/organisations/:id/restore': 'undoes a deletion, content unchanged',
  'POST /api/v1/agreements/:id/restore': 'undoes a deletion, content unchanged',
  'POST /api/v1/plans/:id/restore': 'undoes a deletion, content unchanged',
  'POST /api/v1/plan-items/:id/restore': 'undoes a deletion, content unchanged',
  'POST /api/v1/comments/:id/restore': 'undoes a deletion, content unchanged',
  'POST /api/v1/timeline-events/:id/restore': 'undoes a deletion, content unchanged',
};

const ACTION_ON_RECORD = /\/:[A-Za-z]+\/[a-z-]+$/;

/** True when the route changes an existing record and so must carry If-Match. */
export function changesExistingRecord(method: string, url: string): boolean {
  if (method === 'PATCH' || method === 'PUT' || method === 'DELETE') return true;
  return method === 'POST' && ACTION_ON_RECORD.test(url);
}

/** True when a request to this route must carry If-Match. */
export function requiresIfMatch(method: string, url: string): boolean {
  return changesExistingRecord(method, url) && !(`${method} ${url}` in IF_MATCH_EXEMPT);
}

/** Installs the check on the root instance (after authentication, before validation). */
export function enforceIfMatch(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const url = request.routeOptions.url;
    if (!url || !requiresIfMatch(request.method, url)) return;
    if (!request.headers['if-match']) throw errors.preconditionRequired();
  });
}
