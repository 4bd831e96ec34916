/** /api/v1/timeline-events — significant events with date precision and sources. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../core/schemas/common.js';
import {
  timelineEventCreate,
  timelineEventOut,
  timelineEventUpdate,
  timelineListFilters,
} from '../../../core/schemas/timeline.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import { registerWriteRoutes } from '../../http/write-routes.js';
import type { Deps } from '../shared/deps.js';
import { pageWithTotal } from '../shared/paging.js';
import { sourcesFor } from '../shared/sources.js';
import { TIMELINE_EVENT } from './policy.js';
import { presentTimelineEvent } from './presenter.js';
import * as repo from './repository.js';
import { loadTimelineEvent, timelineService } from './service.js';

const tags = ['Timeline'];
const listSchema = listQuery(['date', 'title', 'category'], 'date')
  .extend(timelineListFilters.shape)
  .strict();

export const timelineRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { kysely } = deps.db;

  app.get(
    '/timeline-events',
    {
      schema: {
        tags,
        summary: 'List significant events (filter by category, period, precision, text)',
        querystring: listSchema,
        response: { 200: listEnvelope(timelineEventOut), ...readErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, order, ...filters } = request.query;
      const { rows, count } = repo.listTimelineEvents(
        kysely,
        request.actor,
        filters,
        { page, pageSize },
        sort,
        order,
      );
      const list = await rows;
      const ids = list.map((r) => r.id);
      const [sources, related] = await Promise.all([
        sourcesFor(kysely, TIMELINE_EVENT, ids),
        repo.relatedFor(kysely, request.actor, ids),
      ]);
      return pageWithTotal(Promise.resolve(list), count, { page, pageSize }, (r) =>
        presentTimelineEvent(r, request.actor, sources.get(r.id) ?? [], related.get(r.id) ?? []),
      );
    },
  );

  app.get(
    '/timeline-events/:id',
    {
      schema: {
        tags,
        summary: 'Get one event with its sources',
        params: idParams,
        response: { 200: timelineEventOut, ...readErrors },
      },
    },
    async (request, reply) => {
      const found = await loadTimelineEvent(kysely, request.actor, request.params.id);
      if (!found) throw errors.notFound('The timeline event');
      return sendWithEtag(request, reply, recordEtag(found.row.version, found.body), found.body);
    },
  );

  registerWriteRoutes(app, {
    path: '/timeline-events',
    noun: 'timeline event',
    tags,
    create: timelineEventCreate,
    update: timelineEventUpdate,
    out: timelineEventOut,
    service: timelineService(deps),
  });
};
