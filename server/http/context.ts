/** Request → action context (actor and client address) for services. */
import type { FastifyRequest } from 'fastify';
import type { ActionContext } from '../audit/context.js';

export function contextOf(request: FastifyRequest): ActionContext {
  return { actor: request.actor, ip: request.ip ?? null };
}
