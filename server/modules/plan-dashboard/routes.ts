/** GET /api/v1/plans/:id/dashboard — counts, lists and trend over what the reader may see. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../core/schemas/common.js';
import { planDashboardOut } from '../../../core/schemas/plan-dashboard.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { planDashboardService } from './service.js';

export const planDashboardRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = planDashboardService(deps);
  app.get(
    '/plans/:id/dashboard',
    {
      schema: {
        tags: ['Plans'],
        summary:
          'The plan dashboard: status counts and percentages per chapter, per lead institution and overall; overdue and at-risk items; progress per reporting period',
        params: idParams,
        response: { 200: planDashboardOut, ...readErrors },
      },
    },
    async (request) =>
      service.dashboard(request.actor, request.params.id, new Date().toISOString().slice(0, 10)),
  );
};
