/** Helpers for tables that form a tree through `parent_id`. */
import type { Trx } from '../../db/database.js';

export type TreeTable = 'organisations' | 'plan_items';

/** Ids above a record, nearest first (to refuse moves that would make the tree loop). */
export async function ancestorIds(trx: Trx, table: TreeTable, id: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = id;
  while (current && chain.length < 100) {
    // Kysely cannot type a query over a union of tables; both have id and parent_id.
    const row: { parent_id: string | null } | undefined = await trx
      .selectFrom(table as 'organisations')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current) chain.push(current);
  }
  return chain;
}
