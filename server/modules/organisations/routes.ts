/** /api/v1/organisations — thin handlers: parse, call the service, present. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../core/schemas/common.js';
import {
  organisationCreate,
  organisationListFilters,
  organisationOut,
  organisationUpdate,
} from '../../../core/schemas/organisation.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import { registerWriteRoutes } from '../../http/write-routes.js';
import type { Deps } from '../shared/deps.js';
import { hiddenOrganisations } from '../../access/references.js';
import { presentOrganisation } from './presenter.js';
import * as repo from './repository.js';
import { organisationService } from './service.js';

const tags = ['Organisations'];
const listSchema = listQuery(['name', 'kind', 'nation', 'createdAt'], 'name')
  .extend(organisationListFilters.shape)
  .strict();

export const organisationRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = organisationService(deps);
  const { kysely } = deps.db;

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'List organisations',
        querystring: listSchema,
        response: { 200: listEnvelope(organisationOut), ...readErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, order, ...filters } = request.query;
      const { rows, total } = await repo.listOrganisations(
        kysely,
        request.actor,
        filters,
        { page, pageSize },
        sort,
        order,
      );
      const hidden = await hiddenOrganisations(
        kysely,
        request.actor,
        rows.map((r) => r.parent_id),
      );
      return {
        items: rows.map((r) => presentOrganisation(r, request.actor, hidden)),
        total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Get one organisation',
        params: idParams,
        response: { 200: organisationOut, ...readErrors },
      },
    },
    async (request, reply) => {
      const row = await repo.findOrganisation(kysely, request.actor, request.params.id);
      if (!row) throw errors.notFound('The organisation');
      const hidden = await hiddenOrganisations(kysely, request.actor, [row.parent_id]);
      const body = presentOrganisation(row, request.actor, hidden);
      return sendWithEtag(request, reply, recordEtag(row.version, body), body);
    },
  );

  registerWriteRoutes(app, {
    path: '/organisations',
    noun: 'organisation',
    tags,
    create: organisationCreate,
    update: organisationUpdate,
    out: organisationOut,
    service,
  });
};
