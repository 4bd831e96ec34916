/**
 * GET /api/v1/plans/:id/items — the items of one plan, a page at a time, level by level: by page
 * number for the first pages, by cursor (keyset) at any depth, with the total the reader sees.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../core/schemas/common.js';
import { planItemOut } from '../../../core/schemas/plan.js';
import { errors } from '../../errors.js';
import { keysetEnvelope, keysetListQuery, notPageAndCursor } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { CURSOR_MESSAGE, decodeCursor, keysetPage } from '../shared/keyset.js';
import { presentPlanItem } from '../plan-items/presenter.js';
import { hiddenOrganisations, organisationsOfItems } from '../../access/references.js';
import { partnersOf, responsibleNames } from '../plan-items/repository.js';
import * as repo from './repository.js';

const tags = ['Plans'];
const itemsQuery = keysetListQuery(
  ['tree'],
  'tree',
  (c) => decodeCursor(c, repo.ITEM_KEY_SHAPE) !== null,
  CURSOR_MESSAGE,
)
  .omit({ sort: true, order: true })
  .extend({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('Words that begin words of the title or description, in either script'),
  })
  .strict()
  .superRefine(notPageAndCursor);

export const planItemListRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/plans/:id/items',
    {
      schema: {
        tags,
        summary: 'Items of a plan, level by level',
        description:
          'Pages by `page` (the first pages) or by `cursor` (any depth, every page costs the same): pass the `nextCursor` of a page as `cursor` to get the next one. The order is total (level, position, id), so a walk by cursor returns every row once while others write.',
        params: idParams,
        querystring: itemsQuery,
        response: {
          200: keysetEnvelope(planItemOut).extend({
            total: z
              .number()
              .int()
              .describe(
                'Items the reader sees: exact for the whole list (kept counts); with `q`, counted to 1,000 (or the end of the page asked for), and `totalIsLowerBound` says when more match',
              ),
          }),
          ...readErrors,
        },
      },
    },
    async (request) => {
      const plan = await repo.findPlan(db.kysely, request.actor, request.params.id);
      if (!plan) throw errors.notFound('The plan');
      const { pageSize, q, cursor } = request.query;
      const after = cursor === undefined ? undefined : decodeCursor(cursor, repo.ITEM_KEY_SHAPE);
      if (after === null) throw errors.badRequest(CURSOR_MESSAGE);
      const page = request.query.page ?? 1;
      const { rows, count } = repo.itemsOf(
        db.kysely,
        request.actor,
        plan.id,
        { page, pageSize, after },
        { q },
      );
      const [fetched, total] = await Promise.all([rows, count]);
      const { rows: list, nextCursor } = keysetPage(fetched, pageSize, (r) => [
        r.depth,
        r.position,
        r.id,
      ]);
      const partners = await partnersOf(
        db.kysely,
        list.map((r) => r.id),
      );
      const hidden = await hiddenOrganisations(
        db.kysely,
        request.actor,
        organisationsOfItems(list, partners),
      );
      const people = await responsibleNames(db.kysely, list);
      return {
        items: list.map((r) =>
          presentPlanItem(r, request.actor, partners.get(r.id) ?? [], hidden, people),
        ),
        total: Number(total.n),
        totalIsLowerBound: total.lowerBound ?? false,
        page: cursor === undefined ? page : null,
        pageSize,
        nextCursor,
      };
    },
  );
};
