/**
 * References: a visible record never shows the name or id of a hidden record it points at (DESIGN.md
 * "Trust by construction"). These lookups answer, for a page of references, which ones the reader
 * may not see, so presenters can print them as withheld ("an organisation you cannot see").
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/context.js';
import type { Trx } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { visibleTo } from './visibility.js';

type Reader = Kysely<Database> | Trx;

/** Nothing withheld: for callers that present records to no reader (audit snapshots). */
export const NOTHING_WITHHELD: ReadonlySet<string> = new Set();

/**
 * Of these organisation ids, the ones the actor may not read (deleted ones included): one query
 * for the whole page.
 */
export async function hiddenOrganisations(
  db: Reader,
  actor: Actor | null,
  ids: Iterable<string | null>,
): Promise<ReadonlySet<string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return NOTHING_WITHHELD;
  const visible = new Set(
    (
      await db
        .selectFrom('organisations as o')
        .select('o.id')
        .where('o.id', 'in', wanted)
        .where(visibleTo(actor, 'o'))
        .execute()
    ).map((r) => r.id),
  );
  return new Set(wanted.filter((id) => !visible.has(id)));
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
