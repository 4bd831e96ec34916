/**
 * Strong ETags and If-Match. A record's ETag is `"<version>-<hash of the representation>"`: the
 * version makes If-Match checks exact, the hash makes the tag change whenever the bytes do.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';

/** Computes the strong ETag of a record representation. */
export function recordEtag(version: number, representation: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(representation)).digest('base64url');
  return `"${version}-${digest.slice(0, 16)}"`;
}

/** Sets ETag and answers 304 when the client already holds this representation. */
export function sendWithEtag<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  payload: T,
) {
  reply
    .header('etag', etag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'Cookie, Authorization');
  const inm = request.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    return reply.status(304).send();
  }
  return payload;
}

/**
 * Reads the version the client last saw from If-Match. Missing header → 428; a header that is not
 * one of our tags → 412 (it cannot match anything we ever sent). `*` means "any current version".
 */
export function requiredIfMatch(request: FastifyRequest): number | '*' {
  const header = request.headers['if-match'];
  if (!header) throw errors.preconditionRequired();
  const value = header.trim();
  if (value === '*') return '*';
  const match = /^"(\d+)-[A-Za-z0-9_-]+"$/.exec(value) ?? /^"(\d+)"$/.exec(value);
  if (!match) {
    throw errors.stale(-1);
  }
  return Number(match[1]);
}

/** Throws 412 when the record moved on since the client read it. */
export function assertVersion(expected: number | '*', current: number): void {
  if (expected !== '*' && expected !== current) throw errors.stale(current);
}

/**
 * onSend hook: every successful JSON GET without an ETag of its own (lists, vocabularies) gets a
 * strong ETag from its bytes, and a matching If-None-Match turns the answer into 304.
 */
export function contentEtagHook(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (request.method !== 'GET' || reply.statusCode !== 200 || reply.hasHeader('etag'))
    return payload;
  if (
    typeof payload !== 'string' ||
    !String(reply.getHeader('content-type') ?? '').includes('application/json')
  ) {
    return payload;
  }
  const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
  reply
    .header('etag', etag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'Cookie, Authorization');
  const inm = request.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag)) {
    reply.status(304);
    return '';
  }
  return payload;
}
