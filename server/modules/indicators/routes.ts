/** Indicators of plan items: /plan-items/:id/indicators, /indicators/:id, measurements. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../core/schemas/common.js';
import {
  indicatorCreate,
  indicatorOut,
  indicatorUpdate,
  measurementCreate,
} from '../../../core/schemas/indicator.js';
import { errors } from '../../errors.js';
import { contextOf } from '../../http/context.js';
import { requiredIfMatch } from '../../http/etag.js';
import { readErrors, writeErrors } from '../../http/responses.js';
import { findPlanItem } from '../plan-items/repository.js';
import type { Deps } from '../shared/deps.js';
import { indicatorService, indicatorsOf } from './service.js';

const tags = ['Plans'];
// Indicators carry a plain version as their ETag: If-Match "3".
const versionTag = (version: number) => `"${version}"`;

export const indicatorRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = indicatorService(deps);
  const { kysely } = deps.db;

  app.get(
    '/plan-items/:id/indicators',
    {
      schema: {
        tags,
        summary: 'Indicators of a plan item with their measurements and progress to target',
        params: idParams,
        response: { 200: z.object({ items: z.array(indicatorOut) }), ...readErrors },
      },
    },
    async (request) => {
      const item = await findPlanItem(kysely, request.actor, request.params.id);
      if (!item) throw errors.notFound('The plan item');
      return { items: (await indicatorsOf(kysely, [item.id])).get(item.id) ?? [] };
    },
  );

  app.post(
    '/plan-items/:id/indicators',
    {
      schema: {
        tags,
        summary: 'Add an indicator (quantitative ones take numbers only)',
        params: idParams,
        body: indicatorCreate,
        response: { 201: indicatorOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.params.id, request.body);
      return reply.status(201).header('etag', versionTag(created.version)).send(created);
    },
  );

  app.patch(
    '/indicators/:id',
    {
      schema: {
        tags,
        summary: 'Change an indicator (send If-Match)',
        params: idParams,
        body: indicatorUpdate,
        response: { 200: indicatorOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await service.update(
        contextOf(request),
        request.params.id,
        requiredIfMatch(request),
        request.body,
      );
      return reply.header('etag', versionTag(saved.version)).send(saved);
    },
  );

  app.delete(
    '/indicators/:id',
    {
      schema: {
        tags,
        summary: 'Remove an indicator (send If-Match)',
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
    '/indicators/:id/measurements',
    {
      schema: {
        tags,
        summary: 'Record a measured value',
        params: idParams,
        body: measurementCreate,
        response: { 201: indicatorOut, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.measure(contextOf(request), request.params.id, request.body)),
  );
};
