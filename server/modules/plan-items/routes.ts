/** /api/v1/plan-items — one item of an action plan; the plan's tree is at /plans/:id/tree. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { periodBounds } from '../../../core/plans/item-filters.js';
import { PLAN_ITEM_STATUSES } from '../../../core/plans/status.js';
import { visibleTo } from '../../access/visibility.js';
import { attachmentDisposition, exportPlanOffThread, markingHeader } from './export.js';
import { idParams, idSchema, multiValue } from '../../../core/schemas/common.js';
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

/** A period typed in the due filters: a year, a quarter, a month or a day. */
const duePeriod = z
  .string()
  .trim()
  .refine((v) => periodBounds(v) !== null, 'must be a year, a quarter (2026-Q3), a month or a day');

const exportQuery = z
  .object({
    format: z.enum(['csv', 'xlsx']).default('csv'),
    status: multiValue(z.enum(PLAN_ITEM_STATUSES)).optional(),
    leadOrganisationId: idSchema.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: z.string().trim().max(200).optional().describe('Words the code or title contains'),
    dueFrom: duePeriod.optional().describe('Due on or after the start of this period'),
    dueTo: duePeriod.optional().describe('Due by the end of this period'),
    label: multiValue(
      z.string().regex(/^[A-Z]+:[A-Z_]+$/, 'must be POLICY:LEVEL, e.g. NATO:NATO_UNCLASSIFIED'),
    )
      .optional()
      .describe('Only items with one of these labels'),
  })
  .strict();

/** GET /plans/:id/export — the filtered view as CSV or XLSX, with the label banner. */
export const planExportRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, config }) => {
  app.get(
    '/plans/:id/export',
    {
      schema: {
        tags,
        summary:
          'Export the plan’s items (filtered) as CSV or XLSX, marked with the highest label inside',
        params: idParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const plan = await db.kysely
        .selectFrom('plans as p')
        .select(['p.id', 'p.code'])
        .where('p.id', '=', request.params.id)
        .where(visibleTo(request.actor, 'p'))
        .executeTakeFirst();
      if (!plan) throw errors.notFound('The plan');
      const { format, status, leadOrganisationId, overdue, q, dueFrom, dueTo, label } =
        request.query;
      const { banner, body } = await exportPlanOffThread(
        {
          database: config.database,
          actor: request.actor,
          planId: plan.id,
          filters: {
            status,
            owner: leadOrganisationId ?? null,
            overdue: overdue === 'true',
            q: q ?? '',
            dueFrom: dueFrom ?? '',
            dueTo: dueTo ?? '',
            labels: label ?? [],
          },
          format,
          today: new Date().toISOString().slice(0, 10),
        },
        db.kysely,
      );
      const name = `${plan.code}-${new Date().toISOString().slice(0, 10)}.${format}`;
      reply
        .header('content-disposition', attachmentDisposition(name))
        .header('x-liaison-marking', markingHeader(banner));
      return reply
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .send(body);
    },
  );
};
