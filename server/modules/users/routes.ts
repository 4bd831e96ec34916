/** /api/v1/users and /api/v1/grants — account administration (administrators only). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../core/schemas/common.js';
import {
  grantCreate,
  grantOut,
  userCreate,
  userListFilters,
  userOut,
  userUpdate,
} from '../../../core/schemas/user.js';
import { contextOf } from '../../http/context.js';
import { withCurrentPassword } from '../../auth/credentials.js';
import { assertVersion, recordEtag, requiredIfMatch, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { writeErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { findUser, GRANT_VERSION, listUsers, userService } from './service.js';

const tags = ['Users'];
const listSchema = listQuery(['email'], 'email')
  .omit({ sort: true, order: true })
  .extend(userListFilters.shape)
  .strict();
const withPassword = z.object({ user: userOut, oneTimePassword: z.string() });
const userCreateBody = withCurrentPassword(userCreate.shape);

export const userRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = userService(deps);
  const { kysely } = deps.db;

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List user accounts',
        querystring: listSchema,
        response: { 200: listEnvelope(userOut), ...writeErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      return listUsers(kysely, contextOf(request), filters, { page, pageSize });
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Get one account',
        params: idParams,
        response: { 200: userOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { row, body } = await findUser(kysely, contextOf(request), request.params.id);
      return sendWithEtag(request, reply, recordEtag(row.version, body), body);
    },
  );

  app.post(
    '/users',
    {
      // The answer is a password: minting a credential needs the administrator's own, fresh.
      config: { credentials: true },
      schema: {
        tags,
        summary: 'Create an account; answers a one-time password, shown once',
        description:
          'Needs a signed-in browser session and your own password in `currentPassword`.',
        body: userCreateBody,
        response: { 201: withPassword, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { currentPassword: _checked, ...input } = request.body;
      const created = await service.create(contextOf(request), input);
      return reply
        .status(201)
        .header('location', `/api/v1/users/${created.row.id}`)
        .send({ user: created.body, oneTimePassword: created.oneTimePassword });
    },
  );

  app.patch(
    '/users/:id',
    {
      // Roles, clearances and disabling change access: never through an access token.
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Change role, clearances, organisations or disable (send If-Match)',
        params: idParams,
        body: userUpdate,
        response: { 200: userOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await service.update(
        contextOf(request),
        request.params.id,
        requiredIfMatch(request),
        request.body,
      );
      return reply.header('etag', recordEtag(saved.row.version, saved.body)).send(saved.body);
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { credentials: true },
      schema: {
        tags,
        summary: 'Issue a new one-time password and end the user’s sessions',
        description:
          'Needs a signed-in browser session and your own password in `currentPassword`; send If-Match with the account’s ETag.',
        params: idParams,
        body: withCurrentPassword({}),
        response: { 200: z.object({ oneTimePassword: z.string() }), ...writeErrors },
      },
    },
    async (request) => ({
      oneTimePassword: await service.resetPassword(
        contextOf(request),
        request.params.id,
        requiredIfMatch(request),
      ),
    }),
  );

  app.get(
    '/users/:id/grants',
    {
      schema: {
        tags,
        summary: 'Explicit need-to-know grants of a user',
        params: idParams,
        response: { 200: z.object({ items: z.array(grantOut) }), ...writeErrors },
      },
    },
    async (request) => ({ items: await service.listGrants(contextOf(request), request.params.id) }),
  );

  app.post(
    '/users/:id/grants',
    {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Grant need-to-know on one record',
        params: idParams,
        body: grantCreate,
        response: { 201: grantOut, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.grant(contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/grants/:id',
    {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Revoke a grant (send If-Match: "1": grants never change)',
        params: idParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      assertVersion(requiredIfMatch(request), GRANT_VERSION);
      await service.revokeGrant(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
