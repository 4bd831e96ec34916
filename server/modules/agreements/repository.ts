/** SQL for agreements and the relations between them. Reads apply the visibility filter. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { agreementListFilters } from '../../../core/schemas/agreement.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';
import { matchesText, partialDateOnOrAfter, partialDateOnOrBefore } from '../shared/paging.js';

type Reader = Kysely<Database> | Trx;
export type AgreementFilters = z.infer<typeof agreementListFilters>;
const SORT = {
  signedOn: 'a.signed_on',
  title: 'a.title_en',
  status: 'a.status',
  kind: 'a.kind',
} as const;
export type AgreementSort = keyof typeof SORT;

function filtered(db: Reader, actor: Actor | null, f: AgreementFilters) {
  return (
    db
      .selectFrom('agreements as a')
      .where(visibleTo(actor, 'a'))
      .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 'a', 'agreements', f.q ?? '')))
      .$if(Boolean(f.kind?.length), (qb) => qb.where('a.kind', 'in', f.kind ?? []))
      .$if(Boolean(f.status?.length), (qb) => qb.where('a.status', 'in', f.status ?? []))
      // Filtering on a mechanism the actor may not see answers as for an unknown id.
      .$if(Boolean(f.mechanismId), (qb) =>
        qb
          .where('a.mechanism_id', '=', f.mechanismId ?? '')
          .where(
            sql<SqlBool>`exists (select 1 from mechanisms fm where fm.id = a.mechanism_id and ${visibleTo(actor, 'fm')})`,
          ),
      )
      .$if(Boolean(f.signedFrom), (qb) =>
        qb.where(partialDateOnOrAfter('a.signed_on', f.signedFrom ?? '')),
      )
      .$if(Boolean(f.signedTo), (qb) =>
        qb.where(partialDateOnOrBefore('a.signed_on', f.signedTo ?? '')),
      )
  );
}

export function listAgreements(
  db: Reader,
  actor: Actor | null,
  f: AgreementFilters,
  page: Page,
  sort: AgreementSort,
  order: 'asc' | 'desc',
) {
  return {
    rows: filtered(db, actor, f)
      .selectAll('a')
      .orderBy(SORT[sort], order)
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute()
      .then((rows) => withoutHiddenMechanisms(db, actor, rows)),
    count: filtered(db, actor, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  };
}

/**
 * A visible agreement never names a mechanism the actor may not see: its mechanism id reads as
 * none (one query for the whole page).
 */
async function withoutHiddenMechanisms<R extends { mechanism_id: string | null }>(
  db: Reader,
  actor: Actor | null,
  rows: R[],
): Promise<R[]> {
  const ids = [...new Set(rows.map((r) => r.mechanism_id).filter((id) => id !== null))];
  if (ids.length === 0) return rows;
  const visible = new Set(
    (
      await db
        .selectFrom('mechanisms as m')
        .select('m.id')
        .where('m.id', 'in', ids)
        .where(visibleTo(actor, 'm'))
        .execute()
    ).map((m) => m.id),
  );
  return rows.map((r) =>
    r.mechanism_id === null || visible.has(r.mechanism_id) ? r : { ...r, mechanism_id: null },
  );
}

export async function findAgreement(db: Reader, actor: Actor | null, id: string) {
  const row = await db
    .selectFrom('agreements as a')
    .selectAll('a')
    .where('a.id', '=', id)
    .where(visibleTo(actor, 'a'))
    .executeTakeFirst();
  return row && (await withoutHiddenMechanisms(db, actor, [row]))[0];
}

/** Relations of one agreement in both directions, to agreements the actor may see. */
export async function relationsOf(db: Reader, actor: Actor | null, id: string) {
  const outgoing = await db
    .selectFrom('agreement_relations as r')
    .innerJoin('agreements as a', 'a.id', 'r.to_agreement_id')
    .where('r.from_agreement_id', '=', id)
    .where(visibleTo(actor, 'a'))
    .select([
      'r.id',
      'r.kind',
      'r.note_en',
      'r.note_sr',
      'a.id as other_id',
      'a.title_en',
      'a.title_sr',
      'a.short_title_en',
      'a.short_title_sr',
    ])
    .execute();
  const incoming = await db
    .selectFrom('agreement_relations as r')
    .innerJoin('agreements as a', 'a.id', 'r.from_agreement_id')
    .where('r.to_agreement_id', '=', id)
    .where(visibleTo(actor, 'a'))
    .select([
      'r.id',
      'r.kind',
      'r.note_en',
      'r.note_sr',
      'a.id as other_id',
      'a.title_en',
      'a.title_sr',
      'a.short_title_en',
      'a.short_title_sr',
    ])
    .execute();
  return [
    ...outgoing.map((r) => ({ ...r, direction: 'outgoing' as const })),
    ...incoming.map((r) => ({ ...r, direction: 'incoming' as const })),
  ];
}
