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

/**
 * While draining, every answer says `Connection: close`: a keep-alive connection (a load balancer
 * keeps a pool of them) ends with the request it carries, instead of holding the server open
 * until its idle timeout (72 s) after the listener closed. Register before the app is ready.
 */
export function closeConnectionsWhileDraining(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    if (isDraining(app)) reply.header('connection', 'close');
  });
}

/** Has the app been asked to stop? */
export function isDraining(app: FastifyInstance): boolean {
  return draining.has(app.server);
}
