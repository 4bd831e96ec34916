/** /api/v1/auth/tokens — personal access tokens, managed from a signed-in browser session only. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/schemas/common.js';
import { contextOf } from '../http/context.js';
import { requiredIfMatch } from '../http/etag.js';
import { errorOut, writeErrors } from '../http/responses.js';
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
      config: { credentials: true },
      schema: {
        tags,
        summary: 'Create a personal access token for an integration; the token is shown once',
        description:
          'Needs a signed-in browser session and your password in `currentPassword`: an access token cannot create another.',
        body: tokenCreateBody,
        response: {
          201: tokenCreatedOut,
          400: errorOut,
          401: errorOut,
          403: errorOut,
          422: errorOut,
        },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      const { currentPassword: _checked, ...input } = request.body;
      const created = await service.create({ ...contextOf(request), actor: session.actor }, input);
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
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Revoke one of your access tokens at once (send If-Match: "<version>")',
        params: idParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      await service.revoke(
        { ...contextOf(request), actor: session.actor },
        request.params.id,
        requiredIfMatch(request),
      );
      return reply.status(204).send(null);
    },
  );
};
