/** /api/v1/plans — action plans: set-up (levels, approval steps), their items and tree. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, isoDay } from '../../../core/schemas/common.js';
import {
  planCreate,
  planItemOut,
  planListFilters,
  planOut,
  planUpdate,
} from '../../../core/schemas/plan.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import { registerWriteRoutes } from '../../http/write-routes.js';
import type { Deps } from '../shared/deps.js';
import { pageWithTotal } from '../shared/paging.js';
import { presentPlan } from './presenter.js';
import { presentPlanItem } from '../plan-items/presenter.js';
import { hiddenAmong, hiddenOrganisations, organisationsOfItems } from '../../access/references.js';
import { partnersOf, planItems } from '../plan-items/repository.js';
import { buildTree, planTreeOut } from '../plan-items/tree.js';
import { planItemsAsOf } from '../plan-items/as-of.js';
import type { RollupRule } from '../../../core/plans/rollup.js';
import * as repo from './repository.js';
import { loadPlan, planService } from './service.js';

const tags = ['Plans'];
const listSchema = listQuery(['code', 'title', 'periodStart'], 'periodStart')
  .extend(planListFilters.shape)
  .strict();
const treeQuery = z
  .object({
    /** The plan as it stood at the end of this day (UTC): statuses and progress from history. */
    asOf: isoDay.optional(),
  })
  .strict();
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

export const planRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;
  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'List plans',
        querystring: listSchema,
        response: { 200: listEnvelope(planOut), ...readErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, order, ...filters } = request.query;
      const { rows, count } = repo.listPlans(
        db.kysely,
        request.actor,
        filters,
        { page, pageSize },
        sort,
        order,
      );
      const list = await rows;
      const ids = list.map((p) => p.id);
      const [levels, steps] = await Promise.all([
        repo.levelsOf(db.kysely, ids),
        repo.approvalStepsOf(db.kysely, ids),
      ]);
      const hidden = await hiddenAmong(
        db.kysely,
        request.actor,
        'mechanisms',
        list.map((p) => p.mechanism_id),
      );
      return pageWithTotal(Promise.resolve(list), count, { page, pageSize }, (p) =>
        presentPlan(p, request.actor, levels.get(p.id) ?? [], steps.get(p.id) ?? [], hidden),
      );
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Get one plan with its levels and approval steps',
        params: idParams,
        response: { 200: planOut, ...readErrors },
      },
    },
    async (request, reply) => {
      const found = await loadPlan(db.kysely, request.actor, request.params.id);
      if (!found) throw errors.notFound('The plan');
      return sendWithEtag(request, reply, recordEtag(found.row.version, found.body), found.body);
    },
  );

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

  app.get(
    '/plans/:id/tree',
    {
      schema: {
        tags,
        summary:
          'The plan as a tree, each item with its progress, the rule that computed it and the inputs',
        params: idParams,
        querystring: treeQuery,
        response: { 200: planTreeOut, ...readErrors },
      },
    },
    async (request) => {
      const plan = await repo.findPlan(db.kysely, request.actor, request.params.id);
      if (!plan) throw errors.notFound('The plan');
      const levels = (await repo.levelsOf(db.kysely, [plan.id])).get(plan.id) ?? [];
      const { asOf } = request.query;
      const items = asOf
        ? await planItemsAsOf(db.kysely, request.actor, plan.id, asOf)
        : await planItems(db.kysely, request.actor, plan.id);
      const partners = await partnersOf(
        db.kysely,
        items.map((i) => i.id),
      );
      const hidden = await hiddenOrganisations(
        db.kysely,
        request.actor,
        organisationsOfItems(items, partners),
      );
      return {
        planId: plan.id,
        asOf: asOf ?? null,
        levels,
        items: buildTree(
          items,
          request.actor,
          partners,
          levels.map((l) => l.rollupRule as RollupRule),
          hidden,
        ),
      };
    },
  );

  registerWriteRoutes(app, {
    path: '/plans',
    noun: 'plan',
    tags,
    create: planCreate,
    update: planUpdate,
    out: planOut,
    service: planService(deps),
  });
};
