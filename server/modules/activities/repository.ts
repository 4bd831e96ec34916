/** SQL for activities (basic fields in this version). Every read applies the visibility filter. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { activityListFilters } from '../../../core/schemas/activity.js';
import { referenceVisibleTo } from '../../access/references.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Database } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';
import { matchesText, partialDateOnOrAfter, partialDateOnOrBefore } from '../shared/paging.js';

export type ActivityFilters = z.infer<typeof activityListFilters>;
const SORT = { startsOn: 'a.starts_on', title: 'a.title_en', kind: 'a.kind' } as const;

/** A filter on a mechanism the reader may not see answers as for an unknown id. */
function filtered(db: Kysely<Database>, actor: Actor | null, f: ActivityFilters) {
  return db
    .selectFrom('activities as a')
    .where(visibleTo(actor, 'a'))
    .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 'a', 'activities', f.q ?? '')))
    .$if(Boolean(f.kind?.length), (qb) => qb.where('a.kind', 'in', f.kind ?? []))
    .$if(Boolean(f.status?.length), (qb) => qb.where('a.status', 'in', f.status ?? []))
    .$if(Boolean(f.mechanismId), (qb) =>
      qb
        .where('a.mechanism_id', '=', f.mechanismId ?? '')
        .where(referenceVisibleTo(actor, 'mechanisms', 'a.mechanism_id')),
    )
    .$if(Boolean(f.from), (qb) => qb.where(partialDateOnOrAfter('a.starts_on', f.from ?? '')))
    .$if(Boolean(f.to), (qb) => qb.where(partialDateOnOrBefore('a.starts_on', f.to ?? '')));
}

export function listActivities(
  db: Kysely<Database>,
  actor: Actor | null,
  f: ActivityFilters,
  page: Page,
  sort: keyof typeof SORT,
  order: 'asc' | 'desc',
) {
  return {
    rows: filtered(db, actor, f)
      .selectAll('a')
      .orderBy(SORT[sort], order)
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    count: filtered(db, actor, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  };
}

export function findActivity(db: Kysely<Database>, actor: Actor | null, id: string) {
  return db
    .selectFrom('activities as a')
    .selectAll('a')
    .where('a.id', '=', id)
    .where(visibleTo(actor, 'a'))
    .executeTakeFirst();
}
