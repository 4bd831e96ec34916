/** /api/v1/plans — action plans: set-up (levels, approval steps), their items and tree. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../core/schemas/common.js';
import { planCreate, planListFilters, planOut, planUpdate } from '../../../core/schemas/plan.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import { registerWriteRoutes } from '../../http/write-routes.js';
import type { Deps } from '../shared/deps.js';
import { pageWithTotal } from '../shared/paging.js';
import { presentPlan } from './presenter.js';
import { hiddenAmong } from '../../access/references.js';
import * as repo from './repository.js';
import { loadPlan, planService } from './service.js';
import { planItemListRoutes } from './items-routes.js';
import { planTreeRoutes } from './tree-routes.js';

const tags = ['Plans'];
const listSchema = listQuery(['code', 'title', 'periodStart'], 'periodStart')
  .extend(planListFilters.shape)
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

  await planItemListRoutes(app, deps);
  await planTreeRoutes(app, deps);

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
