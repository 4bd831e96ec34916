/**
 * Keyset (cursor) paging, for any list: a page starts after the last row of the page before, named
 * by that row's sort key, so page 1,000 costs what page 1 costs (an index walk from the key) and
 * rows written between pages are neither skipped nor repeated. The sort must be total: its last
 * column is the id.
 *
 * A cursor is opaque to clients: base64url of a JSON array of the key's values. It carries no
 * access: the list's access filter applies to every page, so a forged cursor only moves where a
 * page starts. A cursor that does not decode to the list's key shape is refused (400 naming
 * `cursor`).
 *
 * A list opts in with `keysetListQuery` / `keysetEnvelope` (server/http/lists.ts), asks for
 * `pageSize + 1` rows after `afterKey(...)` in its key order, and shapes the page with
 * `keysetPage`.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** The type of each column of a sort key, in order. */
export type KeyShape = readonly ('int' | 'string')[];
export type KeyValues = (string | number)[];

const MAX_CURSOR_LENGTH = 1000;

export function encodeCursor(values: KeyValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The key a cursor names, or null when it is not a cursor of a list with this key shape. */
export function decodeCursor(cursor: string, shape: KeyShape): KeyValues | null {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== shape.length) return null;
  for (const [k, type] of shape.entries()) {
    const v: unknown = value[k];
    if (type === 'int' && !(typeof v === 'number' && Number.isSafeInteger(v))) return null;
    if (type === 'string' && !(typeof v === 'string' && v.length <= 200)) return null;
  }
  return value as KeyValues;
}

/** The message of a cursor that does not decode. */
export const CURSOR_MESSAGE =
  'cursor is not one this list gave out: pass the nextCursor of the previous page unchanged, or leave cursor out to start from the first page';

/**
 * SQL predicate: the row's key (`columns`, in the list's order, all ascending or all descending)
 * comes after `values`. A row-value comparison, which both databases answer from an index in the
 * key's order.
 */
export function afterKey(
  columns: readonly string[],
  values: KeyValues,
  order: 'asc' | 'desc' = 'asc',
): RawBuilder<SqlBool> {
  if (columns.length !== values.length || columns.length === 0) {
    throw new RangeError('A key needs one value per column.');
  }
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const vals = sql.join(values.map((v) => sql`${v}`));
  return order === 'asc'
    ? sql<SqlBool>`(${cols}) > (${vals})`
    : sql<SqlBool>`(${cols}) < (${vals})`;
}

/**
 * Shapes a page asked for with `pageSize + 1` rows: the rows of the page, and the cursor of the
 * next page (null when this one is the last).
 */
export function keysetPage<Row>(
  rows: Row[],
  pageSize: number,
  keyOf: (row: Row) => KeyValues,
): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= pageSize) return { rows, nextCursor: null };
  const page = rows.slice(0, pageSize);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1] as Row)) };
}
