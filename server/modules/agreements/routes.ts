/** /api/v1/agreements — the register of legal and political instruments and how they relate. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agreementCreate,
  agreementDetailOut,
  agreementListFilters,
  agreementOut,
  agreementUpdate,
} from '../../../core/schemas/agreement.js';
import { idParams } from '../../../core/schemas/common.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import { registerWriteRoutes } from '../../http/write-routes.js';
import type { Deps } from '../shared/deps.js';
import { pageWithTotal } from '../shared/paging.js';
import { presentAgreement } from './presenter.js';
import * as repo from './repository.js';
import { agreementService, loadAgreement } from './service.js';

const tags = ['Agreements'];
const listSchema = listQuery(['signedOn', 'title', 'status', 'kind'], 'signedOn')
  .extend(agreementListFilters.shape)
  .strict();

export const agreementRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { kysely } = deps.db;

  app.get(
    '/agreements',
    {
      schema: {
        tags,
        summary: 'List agreements',
        querystring: listSchema,
        response: { 200: listEnvelope(agreementOut), ...readErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, order, ...filters } = request.query;
      const { rows, count } = repo.listAgreements(
        kysely,
        request.actor,
        filters,
        { page, pageSize },
        sort,
        order,
      );
      return pageWithTotal(rows, count, { page, pageSize }, (r) =>
        presentAgreement(r, request.actor),
      );
    },
  );

  app.get(
    '/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Get one agreement with its sources and relations',
        params: idParams,
        response: { 200: agreementDetailOut, ...readErrors },
      },
    },
    async (request, reply) => {
      const found = await loadAgreement(kysely, request.actor, request.params.id);
      if (!found) throw errors.notFound('The agreement');
      return sendWithEtag(request, reply, recordEtag(found.row.version, found.body), found.body);
    },
  );

  registerWriteRoutes(app, {
    path: '/agreements',
    noun: 'agreement',
    tags,
    create: agreementCreate,
    update: agreementUpdate,
    out: agreementDetailOut,
    service: agreementService(deps),
  });
};
