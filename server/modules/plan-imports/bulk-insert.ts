/**
 * Multi-row INSERTs for the import's commit without the query builder: Kysely turns every value
 * of a 500-row insert into a node, then compiles it — a third of the commit's CPU went there. The
 * statement text depends only on the table, columns, row count and database, so it is built once
 * and reused (and SQLite's statement cache keeps it prepared); the values are bound parameters
 * as always. Plain INSERTs: the triggers on the table (history, search index, kept counts) fire.
 */
import { CompiledQuery } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { DialectName } from '../../db/dialect.js';

const texts = new Map<string, string>();

function statement(dialect: DialectName, table: string, columns: string[], rows: number): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}`;
  let text = texts.get(key);
  if (text) return text;
  const width = columns.length;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 0; c < width; c++)
      marks.push(dialect === 'postgres' ? `$${r * width + c + 1}` : '?');
    tuples.push(`(${marks.join(', ')})`);
  }
  text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
  if (texts.size > 64) texts.clear();
  texts.set(key, text);
  return text;
}

/** Inserts `rows` (objects with the same keys; the first row's keys name the columns). */
export async function insertRows(
  trx: Trx,
  dialect: DialectName,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of columns) parameters.push(row[column] ?? null);
  await trx.executeQuery(
    CompiledQuery.raw(statement(dialect, table, columns, rows.length), parameters),
  );
}
