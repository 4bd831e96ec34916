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
import { keysetEnvelope, keysetListQuery, notPageAndCursor } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import { registerWriteRoutes } from '../../http/write-routes.js';
import type { Deps } from '../shared/deps.js';
import { CURSOR_MESSAGE, decodeCursor, keysetPage } from '../shared/keyset.js';
import { sourcesFor } from '../shared/sources.js';
import { TIMELINE_EVENT } from './policy.js';
import { presentTimelineEvent } from './presenter.js';
import * as repo from './repository.js';
import { loadTimelineEvent, timelineService } from './service.js';

const tags = ['Timeline'];
const CURSOR_SORT_MESSAGE =
  'cursor pages the timeline in date order: leave sort out (or sort=date) with cursor, or page by page number';
const listSchema = keysetListQuery(
  ['date', 'title', 'category'],
  'date',
  (c) => decodeCursor(c, repo.TIMELINE_KEY_SHAPE) !== null,
  CURSOR_MESSAGE,
)
  .extend(timelineListFilters.shape)
  .strict()
  .superRefine(notPageAndCursor)
  .superRefine((v, ctx) => {
    if (v.cursor !== undefined && v.sort !== 'date') {
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: CURSOR_SORT_MESSAGE });
    }
  });

export const timelineRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { kysely } = deps.db;

  app.get(
    '/timeline-events',
    {
      schema: {
        tags,
        summary: 'List significant events (filter by category, period, precision, text)',
        description:
          'Pages by `page` or, in date order, by `cursor` (any depth, every page costs the same): pass the `nextCursor` of a page as `cursor` for the next one. The order is total (dates, then id). With `q`, the total counts to 1,000 (or the end of the page asked for) and `totalIsLowerBound` says when more match.',
        querystring: listSchema,
        response: { 200: keysetEnvelope(timelineEventOut), ...readErrors },
      },
    },
    async (request) => {
      const { page: asked, pageSize, sort, order, cursor, ...filters } = request.query;
      const after =
        cursor === undefined ? undefined : decodeCursor(cursor, repo.TIMELINE_KEY_SHAPE);
      if (after === null) throw errors.badRequest(CURSOR_MESSAGE);
      const page = asked ?? 1;
      const { rows, count } = repo.listTimelineEvents(
        kysely,
        request.actor,
        filters,
        { page, pageSize, after },
        sort,
        order,
      );
      const [fetched, total] = await Promise.all([rows, count]);
      const { rows: list, nextCursor } = keysetPage(fetched, pageSize, (r) => [
        r.sort_from,
        r.sort_to,
        r.id,
      ]);
      const ids = list.map((r) => r.id);
      const [sources, related] = await Promise.all([
        sourcesFor(kysely, TIMELINE_EVENT, ids),
        repo.relatedFor(kysely, request.actor, ids),
      ]);
      return {
        items: list.map((r) =>
          presentTimelineEvent(r, request.actor, sources.get(r.id) ?? [], related.get(r.id) ?? []),
        ),
        total: Number(total.n),
        totalIsLowerBound: total.lowerBound ?? false,
        page: cursor === undefined ? page : null,
        pageSize,
        // A cursor continues the date order only.
        nextCursor: sort === 'date' ? nextCursor : null,
      };
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
