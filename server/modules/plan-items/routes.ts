/** /api/v1/plan-items — one item of an action plan; the plan's tree is at /plans/:id/tree. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { periodBounds } from '../../../core/plans/item-filters.js';
import { PLAN_ITEM_STATUSES } from '../../../core/plans/status.js';
import { visibleTo } from '../../access/visibility.js';
import { attachmentDisposition, exportPlanOffThread, markingHeader } from './export.js';
import { EXPORT_LANGUAGES } from './export-text.js';
import { idParams, idSchema, multiValue } from '../../../core/schemas/common.js';
import {
  planItemCreate,
  planItemOut,
  planItemUpdate,
  responsibleCandidatesOut,
  responsibleCandidatesQuery,
} from '../../../core/schemas/plan.js';
import { authorize } from '../../access/policy.js';
import { PLAN_ITEM } from './policy.js';
import { responsibleCandidates } from './repository.js';
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

  app.get(
    '/plan-items/responsible-candidates',
    {
      schema: {
        tags,
        summary: 'Users who may be named responsible for an item the organisation leads',
        description:
          'Active users of the organisation or of a unit below it, by name (at most 50; `q` ' +
          'narrows by name or e-mail). For those who may write items the organisation leads; an ' +
          'organisation the reader may not see answers 404.',
        querystring: responsibleCandidatesQuery,
        response: { 200: responsibleCandidatesOut, ...readErrors },
      },
    },
    async (request) => {
      const { organisationId, q } = request.query;
      // Those who may write an item this organisation leads: coordinators, administrators, its editors.
      authorize(request.actor, 'update', PLAN_ITEM, { lead_organisation_id: organisationId });
      const organisation = await deps.db.kysely
        .selectFrom('organisations as o')
        .select('o.id')
        .where('o.id', '=', organisationId)
        .where('o.deleted_at', 'is', null)
        .where(visibleTo(request.actor, 'o'))
        .executeTakeFirst();
      if (!organisation) throw errors.notFound('The organisation');
      const users = await responsibleCandidates(deps.db.kysely, organisationId, { q, limit: 50 });
      return { items: users.map((u) => ({ id: u.id, displayName: u.display_name })) };
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
    lang: z
      .enum(EXPORT_LANGUAGES)
      .optional()
      .describe('Language of headings and words; else the account’s saved locale, else English'),
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
      const { format, status, leadOrganisationId, overdue, q, dueFrom, dueTo, label, lang } =
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
          language: lang ?? null,
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
