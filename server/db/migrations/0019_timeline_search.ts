/**
 * Timeline search at 1,000,000 events (issue #9).
 *
 * - Both databases: the list order (sort_from, sort_to, id) gets an index of its own, replacing
 *   (sort_from, id): a page of the timeline — and of a search for a common word, which walks the
 *   events in date order — reads its rows in order and stops, instead of sorting every event.
 * - PostgreSQL: the search vector of an event is stored (`search_vector`, a generated column, so
 *   every writer keeps it right without code) and the GIN index covers that column instead of the
 *   expression. Checking one row against a query then costs a comparison instead of rebuilding the
 *   vector (unaccent, regexp_replace, to_tsvector: ~0.3 ms a row), which a date-order walk does
 *   per row and a bitmap scan does per row of each page the bitmap lost track of.
 *
 * Existing rows are migrated in place: the index is built from them and the generated column is
 * computed for each (PostgreSQL rewrites the table once).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createIndex('timeline_events_order')
    .on('timeline_events')
    .columns(['sort_from', 'sort_to', 'id'])
    .execute();
  await db.schema.dropIndex('timeline_events_sort').execute();
  if (dialect !== 'postgres') return;
  await sql`alter table timeline_events add column search_vector tsvector
    generated always as (liaison_search_vector(search_text)) stored`.execute(db);
  await sql`drop index if exists timeline_events_search`.execute(db);
  await sql`create index timeline_events_search on timeline_events using gin (search_vector)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop index if exists timeline_events_search`.execute(db);
    await sql`alter table timeline_events drop column search_vector`.execute(db);
    await sql`create index timeline_events_search on timeline_events using gin (liaison_search_vector(search_text))`.execute(
      db,
    );
  }
  await db.schema
    .createIndex('timeline_events_sort')
    .on('timeline_events')
    .columns(['sort_from', 'id'])
    .execute();
  await db.schema.dropIndex('timeline_events_order').execute();
}
