/** SQL for timeline events, their sources and related records. Reads apply the visibility filter. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { partialDateBounds } from '../../../core/dates/partial-date.js';
import type { timelineListFilters } from '../../../core/schemas/timeline.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';
import { cappedCount, matchesText } from '../shared/paging.js';

type Reader = Kysely<Database> | Trx;
export type TimelineFilters = z.infer<typeof timelineListFilters>;
const SORT = { date: 't.sort_from', title: 't.title_en', category: 't.category' } as const;
export type TimelineSort = keyof typeof SORT;

/** SQL predicate on a record_links alias `l`: the record the link points to is visible. */
function linkTargetVisibleTo(actor: Actor | null) {
  return sql<SqlBool>`((l.to_type = 'mechanism' and exists (select 1 from mechanisms lm
      where lm.id = l.to_id and ${visibleTo(actor, 'lm')}))
    or (l.to_type = 'agreement' and exists (select 1 from agreements la
      where la.id = l.to_id and ${visibleTo(actor, 'la')}))
    or (l.to_type = 'organisation' and exists (select 1 from organisations lo
      where lo.id = l.to_id and ${visibleTo(actor, 'lo')})))`;
}

function filtered(db: Reader, actor: Actor | null, f: TimelineFilters) {
  return db
    .selectFrom('timeline_events as t')
    .where(visibleTo(actor, 't'))
    .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 't', 'timeline_events', f.q ?? '')))
    .$if(Boolean(f.category?.length), (qb) => qb.where('t.category', 'in', f.category ?? []))
    .$if(Boolean(f.precision?.length), (qb) => qb.where('t.precision', 'in', f.precision ?? []))
    .$if(Boolean(f.from), (qb) => qb.where('t.sort_to', '>=', partialDateBounds(f.from ?? '').from))
    .$if(Boolean(f.to), (qb) => qb.where('t.sort_from', '<=', partialDateBounds(f.to ?? '').to))
    .$if(Boolean(f.relatedTo), (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('record_links as l')
            .select('l.to_id')
            .whereRef('l.from_id', '=', 't.id')
            .where('l.from_type', '=', 'timeline_event')
            .where('l.to_id', '=', f.relatedTo ?? '')
            // Only a related record the actor may see counts: a hidden one answers as an unknown id.
            .where(linkTargetVisibleTo(actor)),
        ),
      ),
    );
}

export function listTimelineEvents(
  db: Reader,
  actor: Actor | null,
  f: TimelineFilters,
  page: Page,
  sort: TimelineSort,
  order: 'asc' | 'desc',
) {
  return {
    rows: filtered(db, actor, f)
      .selectAll('t')
      .orderBy(SORT[sort], order)
      .orderBy('t.sort_to', order)
      .orderBy('t.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    count: cappedCount(db, filtered(db, actor, f), page),
  };
}

export function findTimelineEvent(db: Reader, actor: Actor | null, id: string) {
  return db
    .selectFrom('timeline_events as t')
    .selectAll('t')
    .where('t.id', '=', id)
    .where(visibleTo(actor, 't'))
    .executeTakeFirst();
}

export interface RelatedRecord {
  type: 'mechanism' | 'agreement' | 'organisation';
  id: string;
  title: { en: string | null; sr: string | null };
}

/** Related records of each event that the actor may see, with their titles (three queries a page). */
export async function relatedFor(db: Reader, actor: Actor | null, eventIds: string[]) {
  const map = new Map<string, RelatedRecord[]>();
  if (eventIds.length === 0) return map;
  const links = await db
    .selectFrom('record_links')
    .select(['from_id', 'to_type', 'to_id'])
    .where('from_type', '=', 'timeline_event')
    .where('from_id', 'in', eventIds)
    .execute();
  const idsOf = (type: string) => links.filter((l) => l.to_type === type).map((l) => l.to_id);
  const titles = new Map<string, RelatedRecord>();
  const mechanismIds = idsOf('mechanism');
  const agreementIds = idsOf('agreement');
  const organisationIds = idsOf('organisation');
  if (mechanismIds.length) {
    const rows = await db
      .selectFrom('mechanisms as m')
      .select(['m.id', 'm.name_en', 'm.name_sr'])
      .where('m.id', 'in', mechanismIds)
      .where(visibleTo(actor, 'm'))
      .execute();
    for (const r of rows)
      titles.set(r.id, { type: 'mechanism', id: r.id, title: { en: r.name_en, sr: r.name_sr } });
  }
  if (agreementIds.length) {
    const rows = await db
      .selectFrom('agreements as a')
      .select(['a.id', 'a.short_title_en', 'a.short_title_sr', 'a.title_en', 'a.title_sr'])
      .where('a.id', 'in', agreementIds)
      .where(visibleTo(actor, 'a'))
      .execute();
    for (const r of rows) {
      titles.set(r.id, {
        type: 'agreement',
        id: r.id,
        title: { en: r.short_title_en ?? r.title_en, sr: r.short_title_sr ?? r.title_sr },
      });
    }
  }
  if (organisationIds.length) {
    const rows = await db
      .selectFrom('organisations as o')
      .select(['o.id', 'o.name_en', 'o.name_sr'])
      .where('o.id', 'in', organisationIds)
      .where(visibleTo(actor, 'o'))
      .execute();
    for (const r of rows)
      titles.set(r.id, { type: 'organisation', id: r.id, title: { en: r.name_en, sr: r.name_sr } });
  }
  for (const link of links) {
    const related = titles.get(link.to_id);
    if (related) map.set(link.from_id, [...(map.get(link.from_id) ?? []), related]);
  }
  return map;
}
