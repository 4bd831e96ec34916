/**
 * /api/v1/plan-items/:id/comments — the thread of a plan item; /api/v1/comments/:id — one comment
 * (edit with If-Match, delete with If-Match, restore). See policy.ts for who may do what.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  commentCreate,
  commentListOut,
  commentListQuery,
  commentOut,
  commentUpdate,
} from '../../../core/schemas/comment.js';
import { idParams } from '../../../core/schemas/common.js';
import { contextOf } from '../../http/context.js';
import { recordEtag, requiredIfMatch, sendWithEtag } from '../../http/etag.js';
import { readErrors, writeErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { commentService } from './service.js';

const tags = ['Comments'];

export const commentRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = commentService(deps);

  app.get(
    '/plan-items/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comments on a plan item, oldest first (signed-in readers of the item)',
        params: idParams,
        querystring: commentListQuery,
        response: { 200: commentListOut, 401: writeErrors[401], ...readErrors },
      },
    },
    async (request) => service.list(request.actor, 'plan_item', request.params.id, request.query),
  );

  app.post(
    '/plan-items/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a plan item (not the viewer role)',
        params: idParams,
        body: commentCreate,
        response: { 201: commentOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await service.create(
        contextOf(request),
        'plan_item',
        request.params.id,
        request.body,
      );
      return reply
        .status(201)
        .header('location', `/api/v1/comments/${saved.row.id}`)
        .header('etag', recordEtag(saved.row.version, saved.body))
        .send(saved.body);
    },
  );

  app.get(
    '/comments/:id',
    {
      schema: {
        tags,
        summary: 'Get one comment',
        params: idParams,
        response: { 200: commentOut, 401: writeErrors[401], ...readErrors },
      },
    },
    async (request, reply) => {
      const found = await service.get(request.actor, request.params.id);
      return sendWithEtag(request, reply, recordEtag(found.row.version, found.body), found.body);
    },
  );

  app.patch(
    '/comments/:id',
    {
      schema: {
        tags,
        summary: 'Change your own comment (send If-Match with its ETag)',
        params: idParams,
        body: commentUpdate,
        response: { 200: commentOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatch(request);
      const saved = await service.update(
        contextOf(request),
        request.params.id,
        expected,
        request.body,
      );
      return reply.header('etag', recordEtag(saved.row.version, saved.body)).send(saved.body);
    },
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a comment (yours; any, for coordinators) — send If-Match; undo with restore',
        params: idParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.remove(contextOf(request), request.params.id, requiredIfMatch(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/comments/:id/restore',
    {
      schema: {
        tags,
        summary: 'Undo the deletion of a comment',
        params: idParams,
        response: { 200: commentOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await service.restore(contextOf(request), request.params.id);
      return reply.header('etag', recordEtag(saved.row.version, saved.body)).send(saved.body);
    },
  );
};
