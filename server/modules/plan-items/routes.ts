/** /api/v1/plan-items — one item of an action plan; the plan's tree is at /plans/:id/tree. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../core/schemas/common.js';
import { planItemCreate, planItemOut, planItemUpdate } from '../../../core/schemas/plan.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { readErrors } from '../../http/responses.js';
import { registerWriteRoutes } from '../../http/write-routes.js';
import type { Deps } from '../shared/deps.js';
import { loadPlanItem, planItemService } from './service.js';

const tags = ['Plans'];

export const planItemRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = planItemService(deps);

  app.get(
    '/plan-items/:id',
    {
      schema: {
        tags,
        summary: 'Get one plan item',
        params: idParams,
        response: { 200: planItemOut, ...readErrors },
      },
    },
    async (request, reply) => {
      const found = await loadPlanItem(deps.db.kysely, request.actor, request.params.id);
      if (!found) throw errors.notFound('The plan item');
      return sendWithEtag(request, reply, recordEtag(found.row.version, found.body), found.body);
    },
  );

  registerWriteRoutes(app, {
    path: '/plan-items',
    noun: 'plan item (moving or reordering renumbers the codes)',
    tags,
    create: planItemCreate,
    update: planItemUpdate,
    out: planItemOut,
    service: { ...service, create: (ctx, input) => service.create(ctx, input.planId, input) },
  });
};
