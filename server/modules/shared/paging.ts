/** Runs a page query and its count together and shapes the list envelope; text search. */
import {
  PostgresAdapter,
  type AliasedRawBuilder,
  sql,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { searchFold } from '../../../core/text/search-fold.js';
import { offsetOf, type Page } from '../../http/lists.js';

/**
 * Totals count at most this many matching rows (plus the rows up to the page asked for): a count
 * of 100,000 visible rows costs tens of milliseconds on every page, a capped one a few. Above the
 * cap the envelope says `totalIsLowerBound` and the web shows "10,000+".
 */
export const TOTAL_CAP = 10_000;

/**
 * Totals of a full-text search (`q`) count at most this many matching rows (plus the rows up to
 * the page asked for). Each counted row is read and checked against the access filter; for a
 * common word at 1,000,000 rows, counting 10,000 of them took longer than the whole request may.
 * Above the cap the envelope says `totalIsLowerBound` ("1,000+"), as for TOTAL_CAP.
 */
export const SEARCH_TOTAL_CAP = 1_000;

export interface Count {
  n: number | string | bigint;
  /** The real number of matching rows is larger than `n`. */
  lowerBound?: boolean;
}

/** A Kysely instance or transaction, of any database type. */
type DbHandle = Pick<Kysely<unknown>, 'getExecutor'>;

export async function pageWithTotal<Row, Out>(
  rows: Promise<Row[]>,
  count: Promise<Count>,
  page: Page,
  present: (row: Row) => Out,
) {
  const [list, total] = await Promise.all([rows, count]);
  return {
    items: list.map(present),
    total: Number(total.n),
    totalIsLowerBound: total.lowerBound ?? false,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * Counts the rows of `query` (its FROM and WHERE; its selection is replaced) up to the cap, or up
 * to the end of the page asked for if that lies deeper. More than that → `lowerBound`.
 */
export async function cappedCount(
  db: DbHandle,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table's filtered query
  query: SelectQueryBuilder<any, any, unknown>,
  page: Page,
  cap = TOTAL_CAP,
): Promise<{ n: number; lowerBound: boolean }> {
  const limit = Math.max(cap, offsetOf(page) + page.pageSize);
  const capped = query
    .clearSelect()
    .select(sql<number>`1`.as('one'))
    .clearOrderBy()
    .limit(limit + 1);
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from (${capped}) as capped`.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  return n > limit ? { n: limit, lowerBound: true } : { n, lowerBound: false };
}

/**
 * `column` contains the folded query text (a substring scan). Lists with a `q` filter use
 * `matchesText` instead, which uses the full-text index; this stays for small tables without one.
 * LIKE wildcards in the query are escaped so "50%" matches literally.
 */
export function containsFolded(column: string, query: string): RawBuilder<SqlBool> {
  const pattern = `%${searchFold(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** Tables with a full-text index over `search_text` (migration 0011_search_index). */
export type SearchableTable =
  | 'organisations'
  | 'persons'
  | 'mechanisms'
  | 'agreements'
  | 'plans'
  | 'plan_items'
  | 'activities'
  | 'timeline_events';

/**
 * Tables whose search vector PostgreSQL stores in a `search_vector` column (migration 0019), with
 * the GIN index over that column; the others index the expression `liaison_search_vector(search_text)`.
 */
const STORED_VECTOR: ReadonlySet<SearchableTable> = new Set(['timeline_events']);

/**
 * The words of a query as the index holds them: folded (Latin script, no case, no diacritics) and
 * split on anything that is not a letter or digit, as both tokenizers split the stored text.
 */
export function searchTerms(query: string): string[] {
  return searchFold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
}

/** True when `db` talks to PostgreSQL (works for a transaction too). */
export function isPostgres(db: DbHandle): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Full-text filter: every word of `query` begins a word of the record's folded search text
 * (prefix match, so "odbran" finds "odbrane"; Latin finds Cyrillic and the other way round, as
 * both are stored in Latin). A query with no letters or digits matches nothing.
 *
 * SQLite: the FTS5 table `<table>_fts` is asked for row ids and the base table is filtered by
 * them, so the label filter and every other predicate stay on the base table. PostgreSQL: the
 * GIN expression index over `liaison_search_vector(search_text)`.
 */
export function matchesText(
  db: DbHandle,
  alias: string,
  table: SearchableTable,
  query: string,
): RawBuilder<SqlBool> {
  const terms = searchTerms(query);
  if (terms.length === 0) return sql<SqlBool>`1 = 0`;
  if (isPostgres(db)) {
    const vector = STORED_VECTOR.has(table)
      ? sql.ref(`${alias}.search_vector`)
      : sql`liaison_search_vector(${sql.ref(`${alias}.search_text`)})`;
    return sql<SqlBool>`${vector} @@ to_tsquery('simple', ${tsqueryOf(terms)})`;
  }
  const fts = sql.table(`${table}_fts`);
  return sql<SqlBool>`${sql.ref(`${alias}.rowid`)} in (select rowid from ${fts} where ${fts} match ${ftsQueryOf(terms)})`;
}

function tsqueryOf(terms: string[]): string {
  return terms.map((t) => `${t}:*`).join(' & ');
}

function ftsQueryOf(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(' ');
}

/**
 * SQLite: the FTS5 query of `query` for `<table>_fts` (every word as a prefix), or null when the
 * query has no words (it matches nothing). For a FROM that starts at the FTS table and joins the
 * base table (`ftsDrivenFrom`).
 */
export function ftsMatch(query: string): string | null {
  const terms = searchTerms(query);
  return terms.length === 0 ? null : ftsQueryOf(terms);
}

/**
 * SQLite: a FROM clause that reads the rows matching `match` from `<table>_fts` and joins each to
 * its row of `table` (as `alias`), in that order (CROSS JOIN fixes SQLite's join order). The hits
 * stream from the index, so a count capped at N reads about N rows however common the word; the
 * `rowid in (…)` form of `matchesText` first collects every hit. Use it with `ftsDrivenWhere`.
 */
export function ftsDrivenFrom<A extends string>(
  table: SearchableTable,
  alias: A,
): AliasedRawBuilder<unknown, A> {
  return sql`${sql.table(`${table}_fts`)} as fts_hits cross join ${sql.table(table)}`.as(alias);
}

/** The join and match condition of `ftsDrivenFrom`. */
export function ftsDrivenWhere(
  table: SearchableTable,
  alias: string,
  match: string,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${alias}.rowid`)} = fts_hits.rowid and fts_hits.${sql.ref(`${table}_fts`)} match ${match}`;
}

/**
 * `matchesText` checked on the row itself, without the index: every word of `query` begins a word
 * of `alias.search_text` (the folded text; a word starts after a character that is not a
 * lower-case ASCII letter or digit, as folding leaves Latin letters without case or diacritics).
 * For a walk that reads rows in another index's order and stops after a page, where asking the
 * full-text index row by row would cost far more (SQLite FTS5 rebuilds a prefix term's whole hit
 * list per question). On PostgreSQL, `matchesText` already checks a row cheaply for tables with a
 * stored vector; this is its SQLite counterpart.
 */
export function textWordsIn(db: DbHandle, alias: string, query: string): RawBuilder<SqlBool> {
  const terms = searchTerms(query);
  if (terms.length === 0) return sql<SqlBool>`1 = 0`;
  const text = sql`(' ' || ${sql.ref(`${alias}.search_text`)})`;
  const column = sql.ref(`${alias}.search_text`);
  // The plain substring test first: it turns most rows away at a fraction of the pattern's cost.
  const each = terms.map((term) =>
    isPostgres(db)
      ? sql<SqlBool>`(strpos(${column}, ${term}) > 0 and ${text} ~ ${`[^0-9a-z]${term}`})`
      : // likelihood(): told nothing, SQLite guesses that each such test keeps few rows and, for
        // two words or more, prefers sorting the whole table to walking the order index.
        sql<SqlBool>`(likelihood(instr(${column}, ${term}) > 0, 0.9)
          and likelihood(${text} glob ${`*[^0-9a-z]${term}*`}, 0.9))`,
  );
  return sql<SqlBool>`(${sql.join(each, sql` and `)})`;
}

/**
 * Period filters on a column holding partial dates ('2014', '2014-05', '2014-05-03'). Strings
 * compare in date order; '~' sorts after every digit and '-', so `<= '2014~'` keeps all of 2014.
 */
export function partialDateOnOrAfter(column: string, from: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} >= ${from}`;
}

export function partialDateOnOrBefore(column: string, to: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} <= ${`${to}~`}`;
}
