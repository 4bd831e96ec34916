/** GET /plan-items/:id/changes — every change of an item's status and progress, oldest first. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLAN_ITEM_STATUSES } from '../../../core/plans/status.js';
import { idParams } from '../../../core/schemas/common.js';
import { errors } from '../../errors.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { findPlanItem } from './repository.js';

export const planItemChangeOut = z.object({
  at: z.string(),
  by: z.string().nullable().describe('Display name of who made the change; null for the system'),
  status: z.enum(PLAN_ITEM_STATUSES),
  manualProgress: z.number().nullable(),
  deleted: z.boolean(),
});

export const planItemHistoryRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/plan-items/:id/changes',
    {
      schema: {
        tags: ['Plans'],
        summary:
          'The item’s status and progress over time, as the database recorded each change (edits, approved reports, imports)',
        params: idParams,
        response: { 200: z.object({ items: z.array(planItemChangeOut) }), ...readErrors },
      },
    },
    async (request) => {
      const item = await findPlanItem(db.kysely, request.actor, request.params.id);
      if (!item) throw errors.notFound('The plan item');
      const rows = await db.kysely
        .selectFrom('plan_item_changes as c')
        .leftJoin('users as u', 'u.id', 'c.changed_by')
        .select([
          'c.changed_at',
          'c.status',
          'c.manual_progress',
          'c.deleted',
          'u.display_name as by',
        ])
        .where('c.plan_item_id', '=', item.id)
        .orderBy('c.changed_at')
        .orderBy('c.id')
        .execute();
      return {
        items: rows.map((r) => ({
          at: r.changed_at,
          by: r.by ?? null,
          status: r.status as (typeof PLAN_ITEM_STATUSES)[number],
          manualProgress: r.manual_progress,
          deleted: Number(r.deleted) === 1,
        })),
      };
    },
  );
};
