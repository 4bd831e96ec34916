/**
 * Kept totals of plan items, so the total of a plan's item list does not re-count 100,000 items
 * through the access filter on every page (server/modules/plan-items/counts.ts):
 *  - plan_item_label_counts: items per plan, depth, deleted or not, and label (policy, rank,
 *    releasability, originator) — the whole list, a handful of rows per plan;
 *  - plan_item_counts: the same per parent too ('' at the top): what hangs under each container.
 * A reader's total is the first summed over the labels the reader may read, less what hangs
 * under the parents closed to the reader (hidden, or below a hidden or deleted item): usually
 * none, which the second table shows without walking the tree (no item above the deepest level
 * deleted, and the reader may read every label found there).
 *
 * The database keeps the counts itself, in the transaction of the write: triggers on plan_items
 * cover every writer (the item API, moves, deletes and restores with their `deleted_with`
 * cascades, imports, the seeders' raw inserts) without any of them remembering to. An item counts
 * under its own parent and label only, so a relabel, move, delete or restore changes one or two
 * rows; what it does to the items below (hidden or shown with their container) is the open
 * containers' walk at read time. PostgreSQL: statement-level triggers over transition tables, one
 * aggregated `n = n + d` upsert per statement (exact under READ COMMITTED, rows locked in key
 * order); SQLite: row-level upserts.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

const LABEL = 'label_policy, label_rank, label_releasable_to, label_originator';
const LABEL_OF = (r: string) =>
  `${r}.label_policy, ${r}.label_rank, ${r}.label_releasable_to,
   coalesce(${r}.label_originator_id, '')`;
const KEY_COLUMNS_CHANGED = (columns: string[]) =>
  columns
    .map((c) => `old.${c} is not new.${c}`)
    .concat(['(old.deleted_at is null) <> (new.deleted_at is null)'])
    .join(' or ');
const LABEL_COLUMNS = ['label_policy', 'label_rank', 'label_releasable_to', 'label_originator_id'];

/**
 * The two kept tables: their key columns, the key of a plan_items row `r` as they hold it, which
 * rows they count, and (SQLite) when an update moves a row from one key to another.
 */
const TABLES = [
  {
    name: 'plan_item_counts',
    key: `plan_id, parent_key, ${LABEL}`,
    of: (r: string) => `${r}.plan_id, coalesce(${r}.parent_id, ''), ${LABEL_OF(r)}`,
    counts: (r: string) => `${r}.deleted_at is null`,
    changed: KEY_COLUMNS_CHANGED(['plan_id', 'parent_id', ...LABEL_COLUMNS]),
  },
  {
    // Deleted rows too, by depth: the list's open containers are every item above the deepest
    // level when none of those is deleted or hidden (counts.ts), which this table tells.
    name: 'plan_item_label_counts',
    key: `plan_id, depth, deleted, ${LABEL}`,
    of: (r: string) =>
      `${r}.plan_id, ${r}.depth, case when ${r}.deleted_at is null then 0 else 1 end,
       ${LABEL_OF(r)}`,
    counts: () => 'true',
    changed: KEY_COLUMNS_CHANGED(['plan_id', 'depth', ...LABEL_COLUMNS]),
  },
] as const;

const INTEGER_COLUMNS = new Set(['label_rank', 'depth', 'deleted']);

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  for (const t of TABLES) {
    const columns = t.key.split(', ');
    let create = db.schema.createTable(t.name);
    for (const c of columns) {
      create = create.addColumn(c, INTEGER_COLUMNS.has(c) ? 'integer' : 'text', (col) =>
        col.notNull(),
      );
    }
    await create
      .addColumn('n', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t.name}_pk`, columns as never)
      .execute();
    await sql
      .raw(
        `insert into ${t.name} (${t.key}, n)
         select ${t.of('i')}, count(*) from plan_items i where ${t.counts('i')}
         group by ${t.of('i')}`,
      )
      .execute(db);
  }

  if (dialect === 'postgres') {
    // One aggregated upsert per table and statement; rows locked in key order (no deadlock
    // between two writers), `n = n + d` so concurrent writers under READ COMMITTED add up. An
    // update that leaves a row's key alone adds and takes one away: the pair cancels.
    const upsert = (sources: [string, number][]) =>
      TABLES.map((t) => {
        const aliased = t.of('r');
        const rows = sources
          .map(
            ([table, d]) => `select ${aliased}, ${d} as d from ${table} r where ${t.counts('r')}`,
          )
          .join(' union all ');
        return `insert into ${t.name} as c (${t.key}, n)
           select ${t.key}, sum(d) from (${rows}) as x (${t.key}, d)
           group by ${t.key} having sum(d) <> 0
           order by ${t.key}
           on conflict (${t.key}) do update set n = c.n + excluded.n;`;
      }).join('\n');
    await sql
      .raw(
        `create function plan_item_counts_keep() returns trigger language plpgsql as $$
         begin
           if tg_op = 'INSERT' then
             ${upsert([['new_rows', 1]])}
           elsif tg_op = 'DELETE' then
             ${upsert([['old_rows', -1]])}
           else
             ${upsert([
               ['new_rows', 1],
               ['old_rows', -1],
             ])}
           end if;
           return null;
         end $$`,
      )
      .execute(db);
    const transition = {
      insert: 'new table as new_rows',
      update: 'old table as old_rows new table as new_rows',
      delete: 'old table as old_rows',
    };
    for (const [op, tables] of Object.entries(transition)) {
      await sql
        .raw(
          `create trigger plan_item_counts_${op} after ${op} on plan_items
           referencing ${tables}
           for each statement execute function plan_item_counts_keep()`,
        )
        .execute(db);
    }
    return;
  }

  // SQLite: row-level triggers, an upsert per table (INSERT … SELECT … WHERE, as SQLite's upsert
  // after a SELECT needs its WHERE).
  const add = (r: 'new' | 'old', d: number, when: (t: (typeof TABLES)[number]) => string) =>
    TABLES.map(
      (t) =>
        `insert into ${t.name} (${t.key}, n) select ${t.of(r)}, ${d}
         where ${t.counts(r)} and (${when(t)})
         on conflict (${t.key}) do update set n = n + ${d};`,
    ).join('\n');
  const triggers = {
    insert: `after insert on plan_items begin ${add('new', 1, () => 'true')} end`,
    delete: `after delete on plan_items begin ${add('old', -1, () => 'true')} end`,
    update: `after update on plan_items begin
      ${add('old', -1, (t) => t.changed)}
      ${add('new', 1, (t) => t.changed)}
      end`,
  };
  for (const [name, body] of Object.entries(triggers)) {
    await sql.raw(`create trigger plan_item_counts_${name} ${body}`).execute(db);
  }
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    for (const t of ['insert', 'update', 'delete']) {
      await sql.raw(`drop trigger plan_item_counts_${t} on plan_items`).execute(db);
    }
    await sql`drop function plan_item_counts_keep()`.execute(db);
  } else {
    for (const t of ['insert', 'delete', 'update']) {
      await sql.raw(`drop trigger plan_item_counts_${t}`).execute(db);
    }
  }
  for (const t of TABLES) await db.schema.dropTable(t.name).execute();
}
