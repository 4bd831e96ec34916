/**
 * Full-text indexes over the folded `search_text` column of every searchable table, so a text
 * filter reads the matching rows instead of scanning the table with LIKE.
 *
 * - SQLite: an FTS5 external-content table `<table>_fts` (tokenizer `unicode61 remove_diacritics
 *   2`) whose rowids are the base table's rowids, kept in step by triggers, so every writer —
 *   services, seeds, bulk imports, raw SQL — is covered without code. VACUUM may renumber the rowids
 *   of tables without an INTEGER PRIMARY KEY; after one, run `insert into <table>_fts(<table>_fts)
 *   values('rebuild')` (docs/PERFORMANCE.md).
 * - PostgreSQL: a GIN index over `liaison_search_vector(search_text)`, an IMMUTABLE function:
 *   ASCII punctuation becomes a space (so "2019-2021" gives two words, as in SQLite), `unaccent`
 *   through the IMMUTABLE wrapper `f_unaccent`, then `to_tsvector('simple', …)`. Without the
 *   unaccent extension (postgresql-contrib) the wrapper returns its input: search_text is already
 *   folded by the application, so only text written by raw SQL would keep its diacritics.
 *
 * Queries: server/modules/shared/paging.ts `matchesText`.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export const SEARCHABLE_TABLES = [
  'organisations',
  'persons',
  'mechanisms',
  'agreements',
  'plans',
  'plan_items',
  'activities',
  'timeline_events',
] as const;

async function sqliteUp(db: Kysely<unknown>, table: string) {
  const fts = `${table}_fts`;
  await sql
    .raw(
      `create virtual table ${fts} using fts5(search_text, content='${table}', tokenize='unicode61 remove_diacritics 2')`,
    )
    .execute(db);
  await sql.raw(`insert into ${fts}(${fts}) values('rebuild')`).execute(db);
  await sql
    .raw(
      `create trigger ${fts}_insert after insert on ${table} begin
         insert into ${fts}(rowid, search_text) values (new.rowid, new.search_text);
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${fts}_delete after delete on ${table} begin
         insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text);
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${fts}_update after update of search_text on ${table} begin
         insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text);
         insert into ${fts}(rowid, search_text) values (new.rowid, new.search_text);
       end`,
    )
    .execute(db);
}

/** Installs unaccent if it can; returns the schema it lives in, or null without it. */
async function unaccentSchema(db: Kysely<unknown>): Promise<string | null> {
  await sql`savepoint liaison_unaccent`.execute(db);
  try {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`release savepoint liaison_unaccent`.execute(db);
  } catch {
    await sql`rollback to savepoint liaison_unaccent`.execute(db);
    return null;
  }
  const { rows } = await sql<{ schema: string }>`select n.nspname as schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'unaccent'`.execute(db);
  return rows[0]?.schema ?? null;
}

async function postgresUp(db: Kysely<unknown>) {
  const schema = await unaccentSchema(db);
  const quoted = schema ? `"${schema.replaceAll('"', '""')}"` : null;
  await sql
    .raw(
      quoted
        ? `create or replace function f_unaccent(text) returns text language sql immutable parallel safe strict
             as $$ select ${quoted}.unaccent('${quoted}.unaccent'::regdictionary, $1) $$`
        : `create or replace function f_unaccent(text) returns text language sql immutable parallel safe strict
             as $$ select $1 $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create or replace function liaison_search_vector(text) returns tsvector language sql immutable parallel safe
         as $$ select to_tsvector('simple'::regconfig, f_unaccent(regexp_replace(coalesce($1, ''), '[[:punct:]]+', ' ', 'g'))) $$`,
    )
    .execute(db);
  for (const table of SEARCHABLE_TABLES) {
    await sql
      .raw(
        `create index ${table}_search on ${table} using gin (liaison_search_vector(search_text))`,
      )
      .execute(db);
  }
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') return postgresUp(db);
  for (const table of SEARCHABLE_TABLES) await sqliteUp(db, table);
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    for (const table of SEARCHABLE_TABLES) {
      await sql.raw(`drop index if exists ${table}_search`).execute(db);
    }
    await sql`drop function if exists liaison_search_vector(text)`.execute(db);
    await sql`drop function if exists f_unaccent(text)`.execute(db);
    return;
  }
  for (const table of SEARCHABLE_TABLES) {
    for (const trigger of ['insert', 'delete', 'update']) {
      await sql.raw(`drop trigger if exists ${table}_fts_${trigger}`).execute(db);
    }
    await sql.raw(`drop table if exists ${table}_fts`).execute(db);
  }
}
