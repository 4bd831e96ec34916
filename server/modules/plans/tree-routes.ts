/** GET /api/v1/plans/:id/tree — the plan as a tree with roll-up progress. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idSchema, isoDay } from '../../../core/schemas/common.js';
import { errors } from '../../errors.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { hiddenOrganisations, organisationsOfItems } from '../../access/references.js';
import { partnersOf, responsibleNames } from '../plan-items/repository.js';
import { partIds, planShape, planTreeOut, presentPart, type TreePart } from '../plan-items/tree.js';
import { visibleRows, visibleRowsById, visibleSkeleton } from '../plan-items/tree-query.js';
import { planItemsAsOf } from '../plan-items/as-of.js';
import type { PlanItemRow } from '../../db/schema.js';
import type { RollupRule } from '../../../core/plans/rollup.js';
import * as repo from './repository.js';

const tags = ['Plans'];
const treeQuery = z
  .object({
    /** The plan as it stood at the end of this day (UTC): statuses and progress from history. */
    asOf: isoDay.optional(),
    /**
     * Only this many levels below the top (or below `parentId`): 1 is the top level alone.
     * Items at the last level come without children but with their `childCount`.
     */
    depth: z.coerce.number().int().min(1).max(10).optional(),
    /** Only the subtree under this item (its children at the top of `items`). */
    parentId: idSchema.optional(),
  })
  .strict();
export const planTreeRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/plans/:id/tree',
    {
      schema: {
        tags,
        summary:
          'The plan as a tree, each item with its progress, the rule that computed it and the inputs; a large plan a part at a time (depth, parentId)',
        description:
          'Without `depth` and `parentId` the whole visible tree. With them, only that part — ' +
          'each item still carries the roll-up over its whole visible subtree and `childCount`, ' +
          'its visible children, so a client can load them when the row is opened. An unknown ' +
          'or hidden `parentId` answers 404.',
        params: idParams,
        querystring: treeQuery,
        response: { 200: planTreeOut, ...readErrors },
      },
    },
    async (request) => {
      const plan = await repo.findPlan(db.kysely, request.actor, request.params.id);
      if (!plan) throw errors.notFound('The plan');
      const levels = (await repo.levelsOf(db.kysely, [plan.id])).get(plan.id) ?? [];
      const rules = levels.map((l) => l.rollupRule as RollupRule);
      const { asOf } = request.query;
      const part: TreePart = {
        parentId: request.query.parentId ?? null,
        depth: request.query.depth ?? null,
      };
      const whole = part.parentId === null && part.depth === null;
      // The whole tree (or a past day's, rarely read) needs every row anyway; a part needs the
      // skeleton of the plan for the roll-up and whole rows for the items shown only.
      let shapeRows: PlanItemRow[] | Awaited<ReturnType<typeof visibleSkeleton>>;
      let rows: PlanItemRow[] | undefined;
      if (asOf) shapeRows = rows = await planItemsAsOf(db.kysely, request.actor, plan.id, asOf);
      else if (whole) shapeRows = rows = await visibleRows(db.kysely, request.actor, plan.id);
      else shapeRows = await visibleSkeleton(db.kysely, request.actor, plan.id);
      const shape = planShape(shapeRows, rules);
      const ids = partIds(shape, part);
      // A hidden parent answers as an unknown one.
      if (!ids) throw errors.notFound('The plan item');
      if (rows === undefined) rows = await visibleRowsById(db.kysely, request.actor, plan.id, ids);
      else if (!whole) {
        const wanted = new Set(ids);
        rows = rows.filter((r) => wanted.has(r.id));
      }
      const partners = await partnersOf(
        db.kysely,
        rows.map((i) => i.id),
      );
      const hidden = await hiddenOrganisations(
        db.kysely,
        request.actor,
        organisationsOfItems(rows, partners),
      );
      return {
        planId: plan.id,
        asOf: asOf ?? null,
        levels,
        parentId: part.parentId,
        depth: part.depth,
        visibleItems: shape.size,
        items: presentPart(
          shape,
          part,
          rows,
          request.actor,
          partners,
          hidden,
          await responsibleNames(db.kysely, rows),
        ),
      };
    },
  );
};
