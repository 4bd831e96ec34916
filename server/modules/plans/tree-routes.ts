/** GET /api/v1/plans/:id/tree — the plan as a tree with roll-up progress. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, isoDay } from '../../../core/schemas/common.js';
import { errors } from '../../errors.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { hiddenOrganisations, organisationsOfItems } from '../../access/references.js';
import { partnersOf, planItems } from '../plan-items/repository.js';
import { buildTree, planTreeOut } from '../plan-items/tree.js';
import { planItemsAsOf } from '../plan-items/as-of.js';
import type { RollupRule } from '../../../core/plans/rollup.js';
import * as repo from './repository.js';

const tags = ['Plans'];
const treeQuery = z
  .object({
    /** The plan as it stood at the end of this day (UTC): statuses and progress from history. */
    asOf: isoDay.optional(),
  })
  .strict();
export const planTreeRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
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
};
