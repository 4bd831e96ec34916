/** /api/v1/activities — dated cooperation events (read-only in this version). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityListFilters, activityOut } from '../../../core/schemas/activity.js';
import { idParams } from '../../../core/schemas/common.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { pageWithTotal } from '../shared/paging.js';
import { hiddenReferences } from '../../access/references.js';
import { presentActivity } from './presenter.js';
import * as repo from './repository.js';

const tags = ['Activities'];
const listSchema = listQuery(['startsOn', 'title', 'kind'], 'startsOn')
  .extend(activityListFilters.shape)
  .strict();

export const activityRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/activities',
    {
      schema: {
        tags,
        summary: 'List activities',
        querystring: listSchema,
        response: { 200: listEnvelope(activityOut), ...readErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, order, ...filters } = request.query;
      const { rows, count } = repo.listActivities(
        db.kysely,
        request.actor,
        filters,
        { page, pageSize },
        sort,
        order,
      );
      const list = await rows;
      const hidden = await hiddenReferences(db.kysely, request.actor, {
        mechanisms: list.map((r) => r.mechanism_id),
        organisations: list.map((r) => r.organiser_id),
      });
      return pageWithTotal(Promise.resolve(list), count, { page, pageSize }, (r) =>
        presentActivity(r, request.actor, hidden),
      );
    },
  );

  app.get(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Get one activity',
        params: idParams,
        response: { 200: activityOut, ...readErrors },
      },
    },
    async (request, reply) => {
      const row = await repo.findActivity(db.kysely, request.actor, request.params.id);
      if (!row) throw errors.notFound('The activity');
      const hidden = await hiddenReferences(db.kysely, request.actor, {
        mechanisms: [row.mechanism_id],
        organisations: [row.organiser_id],
      });
      const body = presentActivity(row, request.actor, hidden);
      return sendWithEtag(request, reply, recordEtag(row.version, body), body);
    },
  );
};
