/** GET /api/v1/plans/:id/items — the items of one plan, a page at a time, level by level. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../core/schemas/common.js';
import { planItemOut } from '../../../core/schemas/plan.js';
import { errors } from '../../errors.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { pageWithTotal } from '../shared/paging.js';
import { presentPlanItem } from '../plan-items/presenter.js';
import { hiddenOrganisations, organisationsOfItems } from '../../access/references.js';
import { partnersOf } from '../plan-items/repository.js';
import * as repo from './repository.js';

const tags = ['Plans'];
const itemsQuery = listQuery(['tree'], 'tree')
  .omit({ sort: true, order: true })
  .extend({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('Words that begin words of the title or description, in either script'),
  })
  .strict();

export const planItemListRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/plans/:id/items',
    {
      schema: {
        tags,
        summary: 'Items of a plan, level by level',
        params: idParams,
        querystring: itemsQuery,
        response: { 200: listEnvelope(planItemOut), ...readErrors },
      },
    },
    async (request) => {
      const plan = await repo.findPlan(db.kysely, request.actor, request.params.id);
      if (!plan) throw errors.notFound('The plan');
      const { page, pageSize, q } = request.query;
      const { rows, count } = repo.itemsOf(
        db.kysely,
        request.actor,
        plan.id,
        { page, pageSize },
        { q },
      );
      const list = await rows;
      const partners = await partnersOf(
        db.kysely,
        list.map((r) => r.id),
      );
      const hidden = await hiddenOrganisations(
        db.kysely,
        request.actor,
        organisationsOfItems(list, partners),
      );
      return pageWithTotal(Promise.resolve(list), count, { page, pageSize }, (r) =>
        presentPlanItem(r, request.actor, partners.get(r.id) ?? [], hidden),
      );
    },
  );
};
