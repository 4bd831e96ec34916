/**
 * Draining: once the process has been asked to stop (SIGTERM), the readiness check answers 503 so
 * a load balancer stops sending new requests, while requests keep being served until the listener
 * closes (server/main.ts). Keyed by the HTTP server, which the app and all its plugin scopes share.
 */
import type { FastifyInstance } from 'fastify';

const draining = new WeakSet<object>();

/** Marks the app as stopping: /api/v1/health/ready answers 503 from now on. */
export function beginDrain(app: FastifyInstance): void {
  draining.add(app.server);
}

/** Has the app been asked to stop? */
export function isDraining(app: FastifyInstance): boolean {
  return draining.has(app.server);
}
