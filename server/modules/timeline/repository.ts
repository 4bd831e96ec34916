/** SQL for timeline events, their sources and related records. Reads apply the visibility filter. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { partialDateBounds } from '../../../core/dates/partial-date.js';
import type { timelineListFilters } from '../../../core/schemas/timeline.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database, TimelineEventRow } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';
import { afterKey, type KeyShape, type KeyValues } from '../shared/keyset.js';
import {
  cappedCount,
  ftsDrivenFrom,
  ftsDrivenWhere,
  ftsMatch,
  isPostgres,
  matchesText,
  SEARCH_TOTAL_CAP,
  textWordsIn,
  type Count,
} from '../shared/paging.js';

type Reader = Kysely<Database> | Trx;
export type TimelineFilters = z.infer<typeof timelineListFilters>;
const SORT = { date: 't.sort_from', title: 't.title_en', category: 't.category' } as const;
export type TimelineSort = keyof typeof SORT;

/**
 * Keyset paging of the timeline (`cursor`): the key of the date order, the one with an index
 * (timeline_events_order), so a page by cursor costs the same at any depth.
 */
export const TIMELINE_KEY = ['t.sort_from', 't.sort_to', 't.id'] as const;
export const TIMELINE_KEY_SHAPE: KeyShape = ['string', 'string', 'string'];

/** Where a page starts: a page number, or after a key of the date order (keyset paging). */
export interface TimelinePage extends Page {
  after?: KeyValues | undefined;
}

/** SQL predicate on a record_links alias `l`: the record the link points to is visible. */
function linkTargetVisibleTo(actor: Actor | null) {
  return sql<SqlBool>`((l.to_type = 'mechanism' and exists (select 1 from mechanisms lm
      where lm.id = l.to_id and ${visibleTo(actor, 'lm')}))
    or (l.to_type = 'agreement' and exists (select 1 from agreements la
      where la.id = l.to_id and ${visibleTo(actor, 'la')}))
    or (l.to_type = 'organisation' and exists (select 1 from organisations lo
      where lo.id = l.to_id and ${visibleTo(actor, 'lo')})))`;
}

/**
 * How a text filter (`q`) is answered:
 * - `index`: the matching rows come from the full-text index and are then filtered, checked and
 *   sorted — right when the words are selective (a few hundred hits);
 * - `fts-driven` (SQLite): the same, as a FROM that streams hits from FTS5 — for a capped count;
 * - `walk`: the events are read in list order (index timeline_events_order) and each is checked
 *   against the words on the row itself, stopping after the page — right for a common word,
 *   where sorting every hit costs seconds at 1,000,000 events.
 */
type TextPlan = 'index' | 'fts-driven' | 'walk';

function filtered(db: Reader, actor: Actor | null, f: TimelineFilters, plan: TextPlan = 'index') {
  const q = f.q ?? '';
  const match = plan === 'fts-driven' && q && !isPostgres(db) ? ftsMatch(q) : null;
  // The FTS-driven FROM is raw SQL aliased as `t`: the builder is typed as the plain table.
  const from = match
    ? (ftsDrivenFrom('timeline_events', 't') as unknown as 'timeline_events as t')
    : 'timeline_events as t';
  // PostgreSQL, selective words, a page: the hits first (a bitmap scan of the GIN index), then
  // checked and sorted. As a materialised CTE, so the planner cannot walk the date index instead
  // and test every event on the way (it guesses thousands of hits for a word its statistics do
  // not list, and took 6 s for 400 hits at 1,000,000 events).
  const hitsFirst = plan === 'index' && Boolean(q) && isPostgres(db);
  const source = hitsFirst
    ? (db.with(
        (cte) => cte('hits').materialized(),
        (w) =>
          w
            .selectFrom('timeline_events as h')
            .select('h.id')
            .where(matchesText(db, 'h', 'timeline_events', q)),
      ) as unknown as Reader)
    : db;
  return source
    .selectFrom(from)
    .where(visibleTo(actor, 't'))
    .$if(Boolean(q), (qb) =>
      qb.where(
        match
          ? ftsDrivenWhere('timeline_events', 't', match)
          : hitsFirst
            ? sql<SqlBool>`${sql.ref('t.id')} in (select id from hits)`
            : plan === 'walk' && !isPostgres(db)
              ? textWordsIn(db, 't', q)
              : matchesText(db, 't', 'timeline_events', q),
      ),
    )
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

/** The rows of one page in `plan`, sorted by `sort` (ties by the end date, then the id). */
function pageRows(
  db: Reader,
  actor: Actor | null,
  f: TimelineFilters,
  page: TimelinePage,
  sort: TimelineSort,
  order: 'asc' | 'desc',
  plan: TextPlan,
) {
  const after = page.after;
  return (
    filtered(db, actor, f, plan)
      .$if(after !== undefined, (qb) => qb.where(afterKey(TIMELINE_KEY, after ?? [], order)))
      .selectAll('t')
      .orderBy(SORT[sort], order)
      .orderBy('t.sort_to', order)
      // The id follows the order too, so a date-ordered page is one walk of timeline_events_order,
      // forwards or backwards, and the order is the keyset's.
      .orderBy('t.id', order)
      // One row more than the page: whether there is a next page (and its cursor).
      .limit(page.pageSize + 1)
      .$if(after === undefined, (qb) => qb.offset(offsetOf(page)))
      .execute()
  );
}

/**
 * A page of events (up to `pageSize + 1` rows: the last one only says that a next page exists) and
 * the capped total. With `after`, the page starts after that key of the date order (`sort` must be
 * 'date') and the total counts from the start, as for page 1.
 */
export function listTimelineEvents(
  db: Reader,
  actor: Actor | null,
  f: TimelineFilters,
  page: TimelinePage,
  sort: TimelineSort,
  order: 'asc' | 'desc',
): { rows: Promise<TimelineEventRow[]>; count: Promise<Count> } {
  if (page.after !== undefined && sort !== 'date') {
    throw new RangeError('Keyset paging follows the date order.');
  }
  const counted: Page = page.after ? { page: 1, pageSize: page.pageSize } : page;
  if (!f.q) {
    return {
      rows: pageRows(db, actor, f, page, sort, order, 'index'),
      count: cappedCount(db, filtered(db, actor, f), counted),
    };
  }
  if (!isPostgres(db) && sort === 'date') {
    const search = sqliteDateSearch(db, actor, f, page, order);
    return { rows: search.then((r) => r.rows), count: search.then((r) => r.count) };
  }
  // A text search: the capped count comes first and also tells how common the words are. Fewer
  // visible hits than the cap → take them from the index; as many as the cap → walk the list in
  // date order (when sorted by date: the only order with an index), where hits come often.
  const count = cappedCount(db, filtered(db, actor, f, 'fts-driven'), counted, SEARCH_TOTAL_CAP);
  // (On PostgreSQL 'fts-driven' is the plain filter: a bitmap scan that stops at the cap.)
  const rows = count.then(({ lowerBound }) =>
    pageRows(db, actor, f, page, sort, order, lowerBound && sort === 'date' ? 'walk' : 'index'),
  );
  return { rows, count };
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

/** A date-order key: [sort_from, sort_to, id], ASCII strings that compare alike in JS and SQL. */
type DateKey = [string, string, string];
type Hit = { key: DateKey; rid: number };

function compareKeys(a: DateKey, b: DateKey): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/**
 * SQLite, a text search in date order. One pass over the visible hits, streamed from FTS5, reads
 * their keys (not their rows) up to the cap: that is the count, and when it stays under the cap
 * it is also every hit, sorted here, so only the page's rows are read after it. At the cap the
 * words are common and the page walks the date order instead ('walk').
 */
async function sqliteDateSearch(
  db: Reader,
  actor: Actor | null,
  f: TimelineFilters,
  page: TimelinePage,
  order: 'asc' | 'desc',
): Promise<{ rows: Promise<TimelineEventRow[]>; count: Promise<Count> }> {
  const reach = Math.max(
    SEARCH_TOTAL_CAP,
    page.after ? page.pageSize : offsetOf(page) + page.pageSize,
  );
  const keys = await filtered(db, actor, f, 'fts-driven')
    .select(['t.sort_from', 't.sort_to', 't.id', sql<number>`t.rowid`.as('rid')])
    .limit(reach + 1)
    .execute();
  if (keys.length > reach) {
    return {
      count: Promise.resolve({ n: reach, lowerBound: true }),
      rows: pageRows(db, actor, f, page, 'date', order, 'walk'),
    };
  }
  const sign = order === 'asc' ? 1 : -1;
  const sorted = keys
    .map((k): Hit => ({ key: [k.sort_from, k.sort_to, k.id], rid: k.rid }))
    .sort((a, b) => sign * compareKeys(a.key, b.key));
  const after = page.after as DateKey | undefined;
  const start = after
    ? sorted.filter((h) => sign * compareKeys(h.key, after) > 0)
    : sorted.slice(offsetOf(page));
  const wanted = start.slice(0, page.pageSize + 1);
  const position = new Map(wanted.map((h, i) => [h.key[2], i]));
  const rows =
    wanted.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('timeline_events as t')
          .selectAll('t')
          // By rowid, as the keys were read: one b-tree step a row instead of two.
          .where(
            sql<number>`t.rowid`,
            'in',
            wanted.map((h) => h.rid),
          )
          // Checked again: the label may have changed since the keys were read.
          .where(visibleTo(actor, 't'))
          .execute()
          .then((found) =>
            found.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)),
          );
  return { count: Promise.resolve({ n: keys.length, lowerBound: false }), rows };
}
