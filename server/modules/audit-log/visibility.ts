/**
 * Which audit entries' snapshots a reader may see. The audit log is read through the same rule as
 * everything else, administrators included: an entry about a record the reader may not read —
 * on its own label or because of a container it sits in (item → items above it → plan; comment,
 * indicator, measurement, report → item) — is listed, marked withheld, without its before/after.
 *
 * Every entity type the application audits is registered here, as either labelled (with the
 * lookup that answers "which of these ids may the reader see?") or unlabelled (with the reason
 * its snapshots hold no labelled content). An entity type that is not registered is withheld from
 * everyone, and server/modules/audit-log/audit-log-visibility.test.ts fails until it is registered.
 */
import { sql, type Kysely } from 'kysely';
import { labelVisibleTo, planItemVisibleTo, planVisibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** One audit entry as the registry sees it: its record id and the snapshots it carries. */
export interface AuditedEntry {
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Which of these entries' records may the actor read? Answers the visible entity ids. */
type VisibleIds = (db: Db, actor: Actor | null, entries: AuditedEntry[]) => Promise<Set<string>>;

export type AuditEntityRule =
  { kind: 'labelled'; visibleIds: VisibleIds } | { kind: 'unlabelled'; reason: string };

type LabelledTable =
  'organisations' | 'agreements' | 'timeline_events' | 'mechanisms' | 'activities' | 'persons';

const idsOf = (entries: AuditedEntry[]) => [...new Set(entries.map((e) => e.entityId))];

/** A record with its own label and no container. Deleted records keep their history visible. */
function ownLabel(table: LabelledTable): AuditEntityRule {
  return {
    kind: 'labelled',
    async visibleIds(db, actor, entries) {
      const rows = await db
        .selectFrom(`${table as 'organisations'} as x`)
        .select('x.id')
        .where('x.id', 'in', idsOf(entries))
        .where(labelVisibleTo(actor, 'x'))
        .execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}

/** Visible plan items among these ids, on their labels, their plan and every item above them. */
async function visibleItemIds(db: Db, actor: Actor | null, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('plan_items as x')
    .select('x.id')
    .where('x.id', 'in', ids)
    .where(planItemVisibleTo(actor, 'x', { history: true }))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A record that hangs on a plan item through `column` of `table`: visible when the item is. */
function onItem(table: 'indicators' | 'progress_reports'): AuditEntityRule {
  return {
    kind: 'labelled',
    async visibleIds(db, actor, entries) {
      const rows = await db
        .selectFrom(`${table as 'indicators'} as x`)
        .select(['x.id', 'x.plan_item_id'])
        .where('x.id', 'in', idsOf(entries))
        .execute();
      const items = await visibleItemIds(
        db,
        actor,
        rows.map((r) => r.plan_item_id),
      );
      return new Set(rows.filter((r) => items.has(r.plan_item_id)).map((r) => r.id));
    },
  };
}

/** A record that belongs to a plan through its plan_id column: visible when the plan is. */
function onPlan(table: 'reporting_periods' | 'plan_imports'): AuditEntityRule {
  return {
    kind: 'labelled',
    async visibleIds(db, actor, entries) {
      const rows = await db
        .selectFrom(`${table as 'reporting_periods'} as x`)
        .select('x.id')
        .where('x.id', 'in', idsOf(entries))
        .where(planVisibleTo(actor, sql.ref('x.plan_id')))
        .execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}

function snapshotTarget(entry: AuditedEntry): { type: string; id: string } | null {
  for (const state of [entry.after, entry.before]) {
    if (state && typeof state === 'object') {
      const { entityType, entityId } = state as { entityType?: unknown; entityId?: unknown };
      if (typeof entityType === 'string' && typeof entityId === 'string')
        return { type: entityType, id: entityId };
    }
  }
  return null;
}

/** A plan, on its own label. */
const planRule: AuditEntityRule = {
  kind: 'labelled',
  async visibleIds(db, actor, entries) {
    const rows = await db
      .selectFrom('plans as x')
      .select('x.id')
      .where('x.id', 'in', idsOf(entries))
      .where(labelVisibleTo(actor, 'x'))
      .execute();
    return new Set(rows.map((r) => r.id));
  },
};

export const AUDITED_ENTITIES: Readonly<Record<string, AuditEntityRule>> = {
  organisation: ownLabel('organisations'),
  agreement: ownLabel('agreements'),
  timeline_event: ownLabel('timeline_events'),
  mechanism: ownLabel('mechanisms'),
  activity: ownLabel('activities'),
  person: ownLabel('persons'),
  plan: planRule,
  // A plan's remembered import column mapping is audited under the plan's id.
  plan_import_mapping: planRule,
  plan_item: {
    kind: 'labelled',
    visibleIds: (db, actor, entries) => visibleItemIds(db, actor, idsOf(entries)),
  },
  comment: {
    kind: 'labelled',
    async visibleIds(db, actor, entries) {
      const rows = await db
        .selectFrom('comments as x')
        .select(['x.id', 'x.entity_type', 'x.entity_id'])
        .where('x.id', 'in', idsOf(entries))
        .where(labelVisibleTo(actor, 'x'))
        .execute();
      const onItems = await visibleItemIds(
        db,
        actor,
        rows.filter((r) => r.entity_type === 'plan_item').map((r) => r.entity_id),
      );
      return new Set(
        rows
          .filter((r) => r.entity_type === 'plan_item' && onItems.has(r.entity_id))
          .map((r) => r.id),
      );
    },
  },
  // Measurements are audited as `indicator.measure` on their indicator.
  indicator: onItem('indicators'),
  progress_report: onItem('progress_reports'),
  reporting_period: onPlan('reporting_periods'),
  plan_import: onPlan('plan_imports'),
  grant: {
    kind: 'labelled',
    // A grant's snapshot names the record it opens: visible when that record is.
    async visibleIds(db, actor, entries) {
      const visible = new Set<string>();
      const byType = new Map<string, { grantId: string; target: AuditedEntry }[]>();
      for (const entry of entries) {
        const target = snapshotTarget(entry);
        if (!target) continue;
        byType.set(target.type, [
          ...(byType.get(target.type) ?? []),
          { grantId: entry.entityId, target: { entityId: target.id, before: null, after: null } },
        ]);
      }
      for (const [type, grants] of byType) {
        const rule = AUDITED_ENTITIES[type];
        if (!rule || rule.kind !== 'labelled' || type === 'grant') continue;
        const ids = await rule.visibleIds(
          db,
          actor,
          grants.map((g) => g.target),
        );
        for (const g of grants) if (ids.has(g.target.entityId)) visible.add(g.grantId);
      }
      return visible;
    },
  },
  user: {
    kind: 'unlabelled',
    reason:
      'accounts are administered, not labelled: only administrators read the log, and they manage every account',
  },
  api_token: {
    kind: 'unlabelled',
    reason: 'a token entry holds its name, scopes and prefix, never a labelled record',
  },
};

/** The registration of an entity type, or undefined when nobody registered it. */
export function auditEntityRule(entityType: string): AuditEntityRule | undefined {
  return Object.hasOwn(AUDITED_ENTITIES, entityType) ? AUDITED_ENTITIES[entityType] : undefined;
}

export interface AuditRow {
  seq: number;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The entries (by seq) whose snapshots the actor may not see: records hidden from the actor, and
 * every entry of an entity type nobody registered (fail closed). Entries without an entity (sign
 * in, refused requests, seeding) hold no labelled record and are shown.
 */
export async function withheldEntries(
  db: Db,
  actor: Actor | null,
  rows: AuditRow[],
): Promise<Set<number>> {
  const withheld = new Set<number>();
  const byType = new Map<string, AuditRow[]>();
  for (const row of rows) {
    if (row.entity_type === null) continue;
    const rule = auditEntityRule(row.entity_type);
    if (!rule || !row.entity_id) {
      withheld.add(row.seq);
      continue;
    }
    if (rule.kind === 'unlabelled') continue;
    byType.set(row.entity_type, [...(byType.get(row.entity_type) ?? []), row]);
  }
  for (const [type, typed] of byType) {
    const rule = AUDITED_ENTITIES[type] as Extract<AuditEntityRule, { kind: 'labelled' }>;
    const visible = await rule.visibleIds(
      db,
      actor,
      typed.map((r) => ({ entityId: r.entity_id!, before: r.before, after: r.after })),
    );
    for (const row of typed) if (!visible.has(row.entity_id!)) withheld.add(row.seq);
  }
  return withheld;
}

/* ---- References inside snapshots: a visible entry names no hidden record ---- */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Labelled tables a snapshot's `…Id` / `…Ids` field may point at, with "may the actor see it?". */
const REFERENCED: readonly {
  table: LabelledTable | 'plans' | 'plan_items' | 'comments';
  seen: (actor: Actor | null, alias: string) => ReturnType<typeof labelVisibleTo>;
}[] = [
  ...(
    [
      'organisations',
      'agreements',
      'timeline_events',
      'mechanisms',
      'activities',
      'persons',
      'plans',
      'comments',
    ] as const
  ).map((table) => ({ table, seen: (actor: Actor | null, a: string) => labelVisibleTo(actor, a) })),
  {
    table: 'plan_items',
    seen: (actor: Actor | null, a: string) => planItemVisibleTo(actor, a, { history: true }),
  },
];

/** Walks a snapshot, visiting the ids its reference fields hold (a label's originator aside). */
export function referenceIds(value: unknown, visit: (id: string) => void, key = ''): void {
  if (Array.isArray(value)) {
    for (const v of value) {
      if (/Ids$/.test(key) && typeof v === 'string' && UUID.test(v)) visit(v);
      else referenceIds(v, visit);
    }
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'label') continue;
    if (/Id$/.test(k) && typeof v === 'string' && UUID.test(v)) visit(v);
    else referenceIds(v, visit, k);
  }
}

function withoutIds(value: unknown, hidden: ReadonlySet<string>, key = ''): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((v) => !(/Ids$/.test(key) && typeof v === 'string' && hidden.has(v)))
      .map((v) => withoutIds(v, hidden));
  }
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'label') out[k] = v;
    else if (/Id$/.test(k) && typeof v === 'string' && hidden.has(v)) out[k] = null;
    else out[k] = withoutIds(v, hidden, k);
  }
  return out;
}

/**
 * Of the records the shown snapshots refer to (fields named `…Id` or `…Ids`), the ones the actor
 * may not see — one query per referenced table for the whole page — and a function that returns a
 * snapshot with those references removed (a single reference becomes null, a list drops it).
 */
export async function withholdReferences(
  db: Db,
  actor: Actor | null,
  snapshots: unknown[],
): Promise<(snapshot: unknown) => unknown> {
  const ids = new Set<string>();
  for (const s of snapshots) referenceIds(s, (id) => ids.add(id));
  if (ids.size === 0) return (s) => s;
  const wanted = [...ids];
  const hidden = new Set<string>();
  for (const { table, seen } of REFERENCED) {
    const rows = await db
      .selectFrom(`${table as 'organisations'} as x`)
      .select(['x.id', sql<number>`case when ${seen(actor, 'x')} then 1 else 0 end`.as('seen')])
      .where('x.id', 'in', wanted)
      .execute();
    for (const r of rows) if (!Number(r.seen)) hidden.add(r.id);
  }
  return hidden.size === 0 ? (s) => s : (s) => withoutIds(s, hidden);
}
