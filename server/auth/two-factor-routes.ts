/** /api/v1/auth/totp — optional TOTP second factor: set up, enable with a code, disable. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../http/context.js';
import { errorOut } from '../http/responses.js';
import type { Deps } from '../modules/shared/deps.js';
import { requireSession } from './guards.js';
import { totpDisableBody, totpEnableBody, totpSetupBody, totpSetupOut } from './schemas.js';
import { twoFactorService } from './two-factor.js';

const tags = ['Authentication'];
const errorsOut = { 400: errorOut, 401: errorOut, 403: errorOut, 409: errorOut, 422: errorOut };

export const twoFactorRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = twoFactorService(deps);

  app.post(
    '/auth/totp/setup',
    {
      config: { credentials: true },
      schema: {
        tags,
        summary: 'Start two-factor sign-in: a new secret for your authenticator app (not yet on)',
        description: 'Confirm with your password in `currentPassword`.',
        body: totpSetupBody,
        response: { 200: totpSetupOut, ...errorsOut },
      },
    },
    async (request) => {
      const session = requireSession(request);
      return service.setup({ ...contextOf(request), actor: session.actor });
    },
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Turn two-factor sign-in on with a code from your authenticator app',
        body: totpEnableBody,
        response: { 204: z.null(), ...errorsOut },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      await service.enable({ ...contextOf(request), actor: session.actor }, request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { credentials: true },
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off (confirm with your password)',
        body: totpDisableBody,
        response: { 204: z.null(), ...errorsOut },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      // The password was checked by the credential-route hook (credentials.ts).
      await service.disable({ ...contextOf(request), actor: session.actor });
      return reply.status(204).send(null);
    },
  );
};
