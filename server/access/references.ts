/**
 * References: a visible record never shows the name or id of a hidden record it points at (DESIGN.md
 * "Trust by construction"). These lookups answer, for a page of references, which ones the reader
 * may not see, so presenters can print them as withheld ("an organisation you cannot see").
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../audit/context.js';
import type { Trx } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { visibleTo } from './visibility.js';

type Reader = Kysely<Database> | Trx;

/** Nothing withheld: for callers that present records to no reader (audit snapshots). */
export const NOTHING_WITHHELD: ReadonlySet<string> = new Set();

/** Labelled tables a reference may point at (records without containers). */
export type ReferencedTable = 'organisations' | 'mechanisms' | 'agreements' | 'persons';

/**
 * Of these ids of records in `table`, the ones the actor may not read (deleted ones included): one
 * query for the whole page.
 */
export async function hiddenAmong(
  db: Reader,
  actor: Actor | null,
  table: ReferencedTable,
  ids: Iterable<string | null>,
): Promise<ReadonlySet<string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return NOTHING_WITHHELD;
  const visible = new Set(
    (
      await db
        .selectFrom(`${table as 'organisations'} as o`)
        .select('o.id')
        .where('o.id', 'in', wanted)
        .where(visibleTo(actor, 'o'))
        .execute()
    ).map((r) => r.id),
  );
  return new Set(wanted.filter((id) => !visible.has(id)));
}

/** Of these organisation ids, the ones the actor may not read. */
export function hiddenOrganisations(
  db: Reader,
  actor: Actor | null,
  ids: Iterable<string | null>,
): Promise<ReadonlySet<string>> {
  return hiddenAmong(db, actor, 'organisations', ids);
}

/** Ids are UUIDs, unique across tables: one set can hold the hidden ids of several tables. */
export async function hiddenReferences(
  db: Reader,
  actor: Actor | null,
  refs: Partial<Record<ReferencedTable, Iterable<string | null>>>,
): Promise<ReadonlySet<string>> {
  const all = new Set<string>();
  for (const [table, ids] of Object.entries(refs))
    for (const id of await hiddenAmong(db, actor, table as ReferencedTable, ids ?? [])) all.add(id);
  return all;
}

/** The id itself, or null when the reader may not see the record it names. */
export function shownId(id: string | null, hidden: ReadonlySet<string>): string | null {
  return id !== null && hidden.has(id) ? null : id;
}

/** SQL predicate: the record `column` names (in `table`) is live and visible to the actor. */
export function referenceVisibleTo(
  actor: Actor | null,
  table: ReferencedTable,
  column: string,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from ${sql.table(table)} rv where rv.id = ${sql.ref(column)} and ${visibleTo(actor, 'rv')})`;
}

/** The organisations plan items point at: their leads and partners. */
export function organisationsOfItems(
  rows: readonly { id: string; lead_organisation_id: string | null }[],
  partners: ReadonlyMap<string, readonly string[]>,
): (string | null)[] {
  return [
    ...rows.map((r) => r.lead_organisation_id),
    ...rows.flatMap((r) => partners.get(r.id) ?? []),
  ];
}
