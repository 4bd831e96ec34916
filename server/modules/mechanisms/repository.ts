/** SQL for mechanisms (read-only in this version). Every read applies the visibility filter. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { mechanismListFilters } from '../../../core/schemas/mechanism.js';
import { referenceVisibleTo } from '../../access/references.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Database } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';
import { matchesText } from '../shared/paging.js';

export type MechanismFilters = z.infer<typeof mechanismListFilters>;
const SORT = { name: 'm.name_en', kind: 'm.kind', startedOn: 'm.started_on' } as const;

function filtered(db: Kysely<Database>, actor: Actor | null, f: MechanismFilters) {
  return db
    .selectFrom('mechanisms as m')
    .where(visibleTo(actor, 'm'))
    .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 'm', 'mechanisms', f.q ?? '')))
    .$if(Boolean(f.kind?.length), (qb) => qb.where('m.kind', 'in', f.kind ?? []))
    .$if(Boolean(f.parentId), (qb) =>
      qb
        .where('m.parent_id', '=', f.parentId ?? '')
        .where(referenceVisibleTo(actor, 'mechanisms', 'm.parent_id')),
    );
}

export function listMechanisms(
  db: Kysely<Database>,
  actor: Actor | null,
  f: MechanismFilters,
  page: Page,
  sort: keyof typeof SORT,
  order: 'asc' | 'desc',
) {
  return {
    rows: filtered(db, actor, f)
      .selectAll('m')
      .orderBy(SORT[sort], order)
      .orderBy('m.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    count: filtered(db, actor, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  };
}

export function findMechanism(db: Kysely<Database>, actor: Actor | null, id: string) {
  return db
    .selectFrom('mechanisms as m')
    .selectAll('m')
    .where('m.id', '=', id)
    .where(visibleTo(actor, 'm'))
    .executeTakeFirst();
}

/** Lead organisation ids per mechanism, for the given mechanisms (one query for the whole page). */
export async function leadOrganisations(db: Kysely<Database>, actor: Actor | null, ids: string[]) {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('mechanism_organisations as mo')
    .innerJoin('organisations as o', 'o.id', 'mo.organisation_id')
    .select(['mo.mechanism_id', 'mo.organisation_id'])
    .where('mo.mechanism_id', 'in', ids)
    .where('mo.role', '=', 'lead')
    .where(visibleTo(actor, 'o'))
    .execute();
  for (const r of rows)
    map.set(r.mechanism_id, [...(map.get(r.mechanism_id) ?? []), r.organisation_id]);
  return map;
}
