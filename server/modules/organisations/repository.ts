/** SQL for organisations. Every read applies the visibility filter. */
import type { z } from 'zod';
import type { organisationListFilters } from '../../../core/schemas/organisation.js';
import { referenceVisibleTo } from '../../access/references.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type {
  Database,
  NewOrganisation,
  OrganisationRow,
  OrganisationUpdate,
} from '../../db/schema.js';
import type { Kysely } from 'kysely';
import { offsetOf, type Page } from '../../http/lists.js';
import { matchesText } from '../shared/paging.js';

type Reader = Kysely<Database> | Trx;
export type OrganisationFilters = z.infer<typeof organisationListFilters>;
export type OrganisationSort = 'name' | 'kind' | 'nation' | 'createdAt';

const SORT_COLUMNS = {
  name: 'name_en',
  kind: 'kind',
  nation: 'nation',
  createdAt: 'created_at',
} as const;

function filtered(db: Reader, actor: Actor | null, f: OrganisationFilters) {
  return db
    .selectFrom('organisations as o')
    .where(visibleTo(actor, 'o'))
    .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 'o', 'organisations', f.q ?? '')))
    .$if(Boolean(f.kind?.length), (qb) => qb.where('o.kind', 'in', f.kind ?? []))
    .$if(Boolean(f.side), (qb) => qb.where('o.side', '=', f.side ?? ''))
    .$if(Boolean(f.nation), (qb) => qb.where('o.nation', '=', f.nation ?? ''))
    .$if(Boolean(f.parentId), (qb) =>
      qb
        .where('o.parent_id', '=', f.parentId ?? '')
        .where(referenceVisibleTo(actor, 'organisations', 'o.parent_id')),
    );
}

/** One page of visible organisations and the total matching the filters. */
export async function listOrganisations(
  db: Reader,
  actor: Actor | null,
  f: OrganisationFilters,
  page: Page,
  sort: OrganisationSort,
  order: 'asc' | 'desc',
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, actor, f)
      .selectAll('o')
      .orderBy(`o.${SORT_COLUMNS[sort]}`, order)
      .orderBy('o.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    filtered(db, actor, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The organisation if it exists and the actor may see it. */
export function findOrganisation(db: Reader, actor: Actor | null, id: string) {
  return db
    .selectFrom('organisations as o')
    .selectAll('o')
    .where('o.id', '=', id)
    .where(visibleTo(actor, 'o'))
    .executeTakeFirst();
}

/**
 * Whether the actor sees a live unit below this organisation. Units hidden from the actor do not
 * count: refusing for them would tell the actor they exist (docs/SECURITY.md, inference channels).
 */
export async function hasVisibleChildren(
  trx: Trx,
  actor: Actor | null,
  id: string,
): Promise<boolean> {
  const child = await trx
    .selectFrom('organisations as o')
    .select('o.id')
    .where('o.parent_id', '=', id)
    .where(visibleTo(actor, 'o'))
    .limit(1)
    .executeTakeFirst();
  return Boolean(child);
}

export async function insertOrganisation(
  trx: Trx,
  values: NewOrganisation,
): Promise<OrganisationRow> {
  return trx.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the stored version is still `version`; undefined when someone got there first. */
export async function updateOrganisation(
  trx: Trx,
  id: string,
  version: number,
  values: OrganisationUpdate,
) {
  return trx
    .updateTable('organisations')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
