/**
 * Codes and positions of live plan items are unique by constraint, on both databases: two writers
 * racing for the next code can no longer both commit it. Partial unique indexes (live rows only: a
 * deleted item keeps its old code until it is restored):
 *   - (plan_id, code)
 *   - (coalesce(parent_id, plan_id), position) — the plan stands in for the parent of top-level
 *     items, since NULLs never collide in a unique index.
 * Before the indexes are built, any plan whose live items are not numbered 1..n under each parent
 * with codes following their parents' (what concurrent writers on PostgreSQL could leave behind)
 * is renumbered in its current order (position, then creation); each changed row moves to the
 * next version, so an ETag taken before the repair no longer matches.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

interface Row {
  id: string;
  parent_id: string | null;
  position: number;
  code: string;
  depth: number;
  version: number;
  created_at: string;
}

/** The rows whose position, code or depth differ from the dense numbering of the plan. */
export function denseNumbering(rows: Row[]) {
  const children = new Map<string, Row[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    // An item whose parent is not live stays where it is (nothing can reach it from the root).
    const key = r.parent_id && ids.has(r.parent_id) ? r.parent_id : r.parent_id ? null : '';
    if (key === null) continue;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  const changes: { id: string; version: number; position: number; code: string; depth: number }[] =
    [];
  const walk = (key: string, code: string | null, depth: number) => {
    const list = (children.get(key) ?? []).sort(
      (a, b) =>
        a.position - b.position ||
        String(a.created_at).localeCompare(String(b.created_at)) ||
        a.id.localeCompare(b.id),
    );
    for (const [index, r] of list.entries()) {
      const want = { position: index + 1, code: code ? `${code}.${index + 1}` : String(index + 1) };
      if (r.position !== want.position || r.code !== want.code || r.depth !== depth) {
        changes.push({ id: r.id, version: r.version, ...want, depth });
      }
      walk(r.id, want.code, depth + 1);
    }
  };
  walk('', null, 0);
  return changes;
}

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  const k = db as Kysely<{ plan_items: Row & { plan_id: string; deleted_at: string | null } }>;
  const plans = await k
    .selectFrom('plan_items')
    .select('plan_id')
    .distinct()
    .where('deleted_at', 'is', null)
    .execute();
  const now = new Date().toISOString();
  for (const { plan_id } of plans) {
    const rows = await k
      .selectFrom('plan_items')
      .select(['id', 'parent_id', 'position', 'code', 'depth', 'version', 'created_at'])
      .where('plan_id', '=', plan_id)
      .where('deleted_at', 'is', null)
      .execute();
    for (const change of denseNumbering(rows)) {
      await k
        .updateTable('plan_items')
        .set({
          position: change.position,
          code: change.code,
          depth: change.depth,
          version: change.version + 1,
          updated_at: now,
        } as never)
        .where('id', '=', change.id)
        .execute();
    }
  }
  await sql`create unique index plan_items_live_code on plan_items (plan_id, code)
            where deleted_at is null`.execute(db);
  await sql`create unique index plan_items_live_position
            on plan_items (coalesce(parent_id, plan_id), position)
            where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index plan_items_live_position`.execute(db);
  await sql`drop index plan_items_live_code`.execute(db);
}
