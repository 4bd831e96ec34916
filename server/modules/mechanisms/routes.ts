/** /api/v1/mechanisms — partnership mechanisms and how they nest (read-only in this version). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../core/schemas/common.js';
import {
  mechanismDetailOut,
  mechanismListFilters,
  mechanismOut,
} from '../../../core/schemas/mechanism.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { pageWithTotal } from '../shared/paging.js';
import { sourcesFor } from '../shared/sources.js';
import { hiddenAmong } from '../../access/references.js';
import { presentMechanism } from './presenter.js';
import * as repo from './repository.js';

const tags = ['Mechanisms'];
const listSchema = listQuery(['name', 'kind', 'startedOn'], 'startedOn')
  .extend(mechanismListFilters.shape)
  .strict();

export const mechanismRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/mechanisms',
    {
      schema: {
        tags,
        summary: 'List mechanisms',
        querystring: listSchema,
        response: { 200: listEnvelope(mechanismOut), ...readErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, order, ...filters } = request.query;
      const { rows, count } = repo.listMechanisms(
        db.kysely,
        request.actor,
        filters,
        { page, pageSize },
        sort,
        order,
      );
      const list = await rows;
      const leads = await repo.leadOrganisations(
        db.kysely,
        request.actor,
        list.map((r) => r.id),
      );
      const hidden = await hiddenAmong(
        db.kysely,
        request.actor,
        'mechanisms',
        list.map((r) => r.parent_id),
      );
      return pageWithTotal(Promise.resolve(list), count, { page, pageSize }, (r) =>
        presentMechanism(r, request.actor, leads.get(r.id) ?? [], hidden),
      );
    },
  );

  app.get(
    '/mechanisms/:id',
    {
      schema: {
        tags,
        summary: 'Get one mechanism with its sources',
        params: idParams,
        response: { 200: mechanismDetailOut, ...readErrors },
      },
    },
    async (request, reply) => {
      const row = await repo.findMechanism(db.kysely, request.actor, request.params.id);
      if (!row) throw errors.notFound('The mechanism');
      const [leads, sources] = await Promise.all([
        repo.leadOrganisations(db.kysely, request.actor, [row.id]),
        sourcesFor(db.kysely, 'mechanism', [row.id]),
      ]);
      const hidden = await hiddenAmong(db.kysely, request.actor, 'mechanisms', [row.parent_id]);
      const body = {
        ...presentMechanism(row, request.actor, leads.get(row.id) ?? [], hidden),
        sources: sources.get(row.id) ?? [],
      };
      return sendWithEtag(request, reply, recordEtag(row.version, body), body);
    },
  );
};
