/** Runs a page query and its count together and shapes the list envelope. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { searchFold } from '../../../core/text/search-fold.js';
import type { Page } from '../../http/lists.js';

export async function pageWithTotal<Row, Out>(
  rows: Promise<Row[]>,
  count: Promise<{ n: number | string | bigint }>,
  page: Page,
  present: (row: Row) => Out,
) {
  const [list, total] = await Promise.all([rows, count]);
  return {
    items: list.map(present),
    total: Number(total.n),
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * `column` contains the folded query text. LIKE wildcards in the query are escaped so "50%"
 * matches literally; the ESCAPE clause reads the same on SQLite and PostgreSQL.
 */
export function containsFolded(column: string, query: string): RawBuilder<SqlBool> {
  const pattern = `%${searchFold(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
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
