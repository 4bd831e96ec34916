/** /api/v1/persons — people at the partner's and NATO's organisations (read-only in this version). */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../core/schemas/common.js';
import { personListFilters, personOut, type Person } from '../../../core/schemas/person.js';
import { abilitiesFor } from '../../access/policy.js';
import { hiddenOrganisations, NOTHING_WITHHELD } from '../../access/references.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Database, PersonRow } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { recordEtag, sendWithEtag } from '../../http/etag.js';
import { listEnvelope, listQuery, offsetOf } from '../../http/lists.js';
import { readErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { matchesText, pageWithTotal } from '../shared/paging.js';
import { presentLabel, text } from '../shared/records.js';

const tags = ['Persons'];
const listSchema = listQuery(['familyName', 'createdAt'], 'familyName')
  .extend(personListFilters.shape)
  .strict();

/** `hidden`: organisations the reader may not see; a person names neither their name nor id. */
function presentPerson(
  row: PersonRow,
  actor: Actor | null,
  hidden: ReadonlySet<string> = NOTHING_WITHHELD,
): Person {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, 'person', row),
    organisationId:
      row.organisation_id !== null && hidden.has(row.organisation_id) ? null : row.organisation_id,
    givenName: row.given_name,
    familyName: row.family_name,
    position: text(row.position_en, row.position_sr),
    email: row.email,
    phone: row.phone,
  };
}

function visiblePersons(db: Kysely<Database>, actor: Actor | null) {
  return db.selectFrom('persons as p').where(visibleTo(actor, 'p'));
}

export const personRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/persons',
    {
      schema: {
        tags,
        summary: 'List persons',
        querystring: listSchema,
        response: { 200: listEnvelope(personOut), ...readErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, order, q, organisationId } = request.query;
      const base = visiblePersons(db.kysely, request.actor)
        .$if(Boolean(q), (qb) => qb.where(matchesText(db.kysely, 'p', 'persons', q ?? '')))
        // Filtering on an organisation the reader may not see answers as for an unknown id.
        .$if(Boolean(organisationId), (qb) =>
          qb
            .where('p.organisation_id', '=', organisationId ?? '')
            .where(
              sql<SqlBool>`exists (select 1 from organisations fo where fo.id = p.organisation_id and ${visibleTo(request.actor, 'fo')})`,
            ),
        );
      const column = sort === 'familyName' ? 'p.family_name' : 'p.created_at';
      const rows = await base
        .selectAll('p')
        .orderBy(column, order)
        .orderBy('p.id')
        .limit(pageSize)
        .offset(offsetOf({ page, pageSize }))
        .execute();
      const hidden = await hiddenOrganisations(
        db.kysely,
        request.actor,
        rows.map((r) => r.organisation_id),
      );
      return pageWithTotal(
        Promise.resolve(rows),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        { page, pageSize },
        (r) => presentPerson(r, request.actor, hidden),
      );
    },
  );

  app.get(
    '/persons/:id',
    {
      schema: {
        tags,
        summary: 'Get one person',
        params: idParams,
        response: { 200: personOut, ...readErrors },
      },
    },
    async (request, reply) => {
      const row = await visiblePersons(db.kysely, request.actor)
        .selectAll('p')
        .where('p.id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw errors.notFound('The person');
      const hidden = await hiddenOrganisations(db.kysely, request.actor, [row.organisation_id]);
      const body = presentPerson(row, request.actor, hidden);
      return sendWithEtag(request, reply, recordEtag(row.version, body), body);
    },
  );
};
