/** Citations attached to any record. */
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Sources per entity id, in their stated order (one query for a whole page). */
export async function sourcesFor(db: Kysely<Database> | Trx, entityType: string, ids: string[]) {
  const map = new Map<string, { citation: string; url: string | null }[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('sources')
    .select(['entity_id', 'citation', 'url'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .orderBy('entity_id')
    .orderBy('position')
    .execute();
  for (const r of rows)
    map.set(r.entity_id, [...(map.get(r.entity_id) ?? []), { citation: r.citation, url: r.url }]);
  return map;
}

/** Replaces the sources of one record. */
export async function replaceSources(
  trx: Trx,
  entityType: string,
  entityId: string,
  sources: { citation: string; url?: string | null }[],
) {
  await trx
    .deleteFrom('sources')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
  if (sources.length === 0) return;
  await trx
    .insertInto('sources')
    .values(
      sources.map((s, position) => ({
        id: uuidv7(),
        entity_type: entityType,
        entity_id: entityId,
        position,
        citation: s.citation,
        url: s.url ?? null,
      })),
    )
    .execute();
}
