/** /api/v1/auth/tokens — personal access tokens, managed from a signed-in browser session only. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/schemas/common.js';
import { contextOf } from '../http/context.js';
import { errorOut } from '../http/responses.js';
import type { Deps } from '../modules/shared/deps.js';
import { accessTokenService } from './api-tokens.js';
import { requireSession } from './guards.js';
import { tokenCreateBody, tokenCreatedOut, tokenOut } from './schemas.js';

const tags = ['Authentication'];

export const accessTokenRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = accessTokenService(deps);

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal access token for an integration; the token is shown once',
        body: tokenCreateBody,
        response: { 201: tokenCreatedOut, 400: errorOut, 401: errorOut, 403: errorOut },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      const created = await service.create(
        { ...contextOf(request), actor: session.actor },
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Your access tokens (without their secrets), newest first',
        response: { 200: z.object({ items: z.array(tokenOut) }), 401: errorOut, 403: errorOut },
      },
    },
    async (request) => ({ items: await service.list(requireSession(request).actor.id) }),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your access tokens at once',
        params: idParams,
        response: { 204: z.null(), 400: errorOut, 401: errorOut, 403: errorOut, 404: errorOut },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      await service.revoke({ ...contextOf(request), actor: session.actor }, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
