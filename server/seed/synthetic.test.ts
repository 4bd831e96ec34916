import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidDueDate } from '../../core/plans/due.js';
import { PLAN_ITEM_STATUSES } from '../../core/plans/status.js';
import { idSchema } from '../../core/schemas/common.js';
import { AuditLog } from '../audit/audit-log.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { searchText } from '../modules/shared/records.js';
import { testDatabases } from '../test/databases.js';
import { openTestDatabase, type TestDatabase } from '../test/harness.js';
import { DATA_SETS, seedDeploymentSettings } from './load-reference.js';
import {
  mulberry32,
  seedSynthetic,
  SYNTHETIC_COMMON_WORD,
  SYNTHETIC_ORGANISATIONS,
  SYNTHETIC_RARE_WORDS,
  type SyntheticCounts,
} from './synthetic.js';

const ITEMS = 2000;

async function planItemsOf(db: Db) {
  const plan = await db.kysely
    .selectFrom('plans')
    .selectAll()
    .where('code', '=', `SYN-${ITEMS}`)
    .executeTakeFirstOrThrow();
  const items = await db.kysely
    .selectFrom('plan_items')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .execute();
  return { plan, items };
}

/** Content that must not depend on the database: everything but ids and timestamps. */
async function fingerprint(db: Db) {
  const orgs = await db.kysely
    .selectFrom('organisations')
    .select(['id', 'seed_key'])
    .where('seed_key', 'is not', null)
    .execute();
  const keyOf = new Map(orgs.map((o) => [o.id, o.seed_key]));
  const { items } = await planItemsOf(db);
  const events = await db.kysely.selectFrom('timeline_events').selectAll().execute();
  const label = (r: (typeof items)[number] | (typeof events)[number]) =>
    [
      r.label_policy,
      r.label_level,
      r.label_rank,
      r.label_releasable_to,
      r.label_originator_id ? keyOf.get(r.label_originator_id) : null,
    ].join('|');
  return {
    items: items
      .map((r) =>
        [r.code, r.title_en, r.title_sr, r.status, r.due_on, label(r), r.search_text].join('¦'),
      )
      .sort(),
    events: events
      .map((r) => [r.starts_on, r.category, r.title_en, r.title_sr, label(r)].join('¦'))
      .sort(),
  };
}

function share<T>(rows: T[], test: (row: T) => boolean): number {
  return rows.filter(test).length / rows.length;
}

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe.each(testDatabases)('synthetic data on %s', (kind) => {
  let main: TestDatabase;
  let second: TestDatabase;
  let counts: SyntheticCounts;

  beforeAll(async () => {
    main = await openTestDatabase(kind);
    // The second database is always SQLite: on PostgreSQL this also compares the two dialects.
    second = await openTestDatabase('sqlite');
    // The synthetic plan is labelled in the deployment's own scheme: load the reference one.
    for (const t of [main, second])
      await seedDeploymentSettings(t.db, new AuditLog(t.db.dialect), DATA_SETS.reference);
    counts = await seedSynthetic(main.db, new AuditLog(main.db.dialect), {
      items: ITEMS,
      seed: 42,
    });
    await seedSynthetic(second.db, new AuditLog(second.db.dialect), { items: ITEMS, seed: 42 });
  });

  afterAll(async () => {
    await main?.drop();
    await second?.drop();
  });

  it('gives identical titles, labels, statuses and dates for the same seed', async () => {
    const [a, b] = await Promise.all([fingerprint(main.db), fingerprint(second.db)]);
    expect(a.items).toHaveLength(ITEMS);
    expect(a.items).toEqual(b.items);
    expect(a.events).toEqual(b.events);
  });

  it('creates what it reports, with one audit entry', async () => {
    expect(counts).toEqual({
      organisations: SYNTHETIC_ORGANISATIONS.length,
      plans: 1,
      'plan items': ITEMS,
      'timeline events': ITEMS / 10,
    });
    const { plan, items } = await planItemsOf(main.db);
    expect(items).toHaveLength(ITEMS);
    expect(plan.sample_data).toBe(1);
    const levels = await main.db.kysely
      .selectFrom('plan_levels')
      .select(['depth', 'name_en', 'rollup_rule'])
      .where('plan_id', '=', plan.id)
      .orderBy('depth')
      .execute();
    expect(levels).toEqual([
      { depth: 0, name_en: 'Chapter', rollup_rule: 'average' },
      { depth: 1, name_en: 'Objective', rollup_rule: 'average' },
      { depth: 2, name_en: 'Activity', rollup_rule: 'from_status' },
    ]);
    const events = await main.db.kysely
      .selectFrom('timeline_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(ITEMS / 10);
    const audit = await main.db.kysely
      .selectFrom('audit_log')
      .select(['after_state'])
      .where('action', '=', 'seed.synthetic')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_state!)).toMatchObject({
      code: `SYN-${ITEMS}`,
      'plan items': ITEMS,
    });
    expect((await verifyAuditChain(main.db.kysely)).ok).toBe(true);
  });

  it('puts the common word in about a fifth of the titles, and rare words in few', async () => {
    const { items } = await planItemsOf(main.db);
    const common = share(items, (r) => r.search_text.includes(SYNTHETIC_COMMON_WORD));
    expect(common).toBeGreaterThan(0.17);
    expect(common).toBeLessThan(0.23);
    const events = await main.db.kysely.selectFrom('timeline_events').selectAll().execute();
    const commonEvents = share(events, (r) => r.search_text.includes(SYNTHETIC_COMMON_WORD));
    expect(commonEvents).toBeGreaterThan(0.12);
    expect(commonEvents).toBeLessThan(0.28);
    const rare = share(events, (r) => SYNTHETIC_RARE_WORDS.some((w) => r.search_text.includes(w)));
    expect(rare).toBeLessThan(0.04);
    // Titles mix English and Serbian Cyrillic.
    expect(items.every((r) => /[\u0400-\u04ff]/.test(r.title_sr ?? ''))).toBe(true);
    expect(new Set(items.map((r) => r.title_en)).size).toBeGreaterThan(ITEMS / 4);
  });

  it('fills search_text exactly as searchText() would', async () => {
    const { items } = await planItemsOf(main.db);
    for (const r of items) {
      expect(r.search_text).toBe(
        searchText(
          { en: r.title_en, sr: r.title_sr },
          { en: r.description_en, sr: r.description_sr },
        ),
      );
    }
    const events = await main.db.kysely.selectFrom('timeline_events').selectAll().execute();
    for (const r of events) {
      expect(r.search_text).toBe(
        searchText(
          { en: r.title_en, sr: r.title_sr },
          { en: r.description_en, sr: r.description_sr },
        ),
      );
    }
  });

  it('mixes labels ~60/30/10 with columns that match the marking tables', async () => {
    const { items } = await planItemsOf(main.db);
    const orgs = await main.db.kysely
      .selectFrom('organisations')
      .select('id')
      .where(
        'seed_key',
        'in',
        SYNTHETIC_ORGANISATIONS.map((o) => o.key),
      )
      .execute();
    const orgIds = new Set(orgs.map((o) => o.id));
    const events = await main.db.kysely.selectFrom('timeline_events').selectAll().execute();
    for (const rows of [items, events] as const) {
      const isPublic = (r: (typeof rows)[number]) => r.label_policy === 'NONE';
      const isNato = (r: (typeof rows)[number]) => r.label_policy === 'NATO';
      const isRs = (r: (typeof rows)[number]) => r.label_policy === 'RS';
      const tolerance = rows.length >= 1000 ? 0.04 : 0.1;
      expect(Math.abs(share(rows, isPublic) - 0.6)).toBeLessThan(tolerance);
      expect(Math.abs(share(rows, isNato) - 0.3)).toBeLessThan(tolerance);
      expect(Math.abs(share(rows, isRs) - 0.1)).toBeLessThan(tolerance);
      for (const r of rows) {
        if (isPublic(r)) {
          expect([r.label_level, r.label_rank, r.label_releasable_to]).toEqual([
            'PUBLIC',
            0,
            '["PUBLIC"]',
          ]);
          expect(r.label_originator_id).toBeNull();
        } else if (isNato(r)) {
          expect([r.label_level, r.label_rank, r.label_releasable_to]).toEqual([
            'NATO_UNCLASSIFIED',
            1,
            '["NATO","RS"]',
          ]);
          expect(orgIds.has(r.label_originator_id ?? '')).toBe(true);
        } else {
          expect([r.label_policy, r.label_level, r.label_rank, r.label_releasable_to]).toEqual([
            'RS',
            'UNMARKED',
            1,
            '["RS"]',
          ]);
          expect(r.label_originator_id).toBeNull();
        }
      }
    }
    const levels = await main.db.kysely.selectFrom('marking_levels').selectAll().execute();
    const rank = (p: string, l: string) =>
      levels.find((x) => x.policy_code === p && x.code === l)?.rank;
    expect(rank('NATO', 'NATO_UNCLASSIFIED')).toBe(1);
    expect(rank('RS', 'UNMARKED')).toBe(1);
    expect(rank('NONE', 'PUBLIC')).toBe(0);
  });

  it('gives every row a valid, unique UUIDv7 id', async () => {
    const { plan, items } = await planItemsOf(main.db);
    const events = await main.db.kysely.selectFrom('timeline_events').select('id').execute();
    const ids = [plan.id, ...items.map((r) => r.id), ...events.map((r) => r.id)];
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(idSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('builds a valid tree: parents one level up, codes from positions, no gaps', async () => {
    const { items } = await planItemsOf(main.db);
    const byId = new Map(items.map((r) => [r.id, r]));
    expect(items.filter((r) => r.depth === 0)).toHaveLength(10);
    expect(items.filter((r) => r.depth === 1)).toHaveLength(10 * Math.round(ITEMS / 1000));
    for (const r of items) {
      if (r.depth === 0) {
        expect(r.parent_id).toBeNull();
        expect(r.code).toBe(String(r.position));
      } else {
        const parent = byId.get(r.parent_id ?? '');
        expect(parent).toBeDefined();
        expect(parent!.depth).toBe(r.depth - 1);
        expect(r.code).toBe(`${parent!.code}.${r.position}`);
      }
    }
    expect(new Set(items.map((r) => r.code)).size).toBe(ITEMS);
    const siblings = new Map<string, number[]>();
    for (const r of items) {
      const key = r.parent_id ?? 'root';
      siblings.set(key, [...(siblings.get(key) ?? []), r.position]);
    }
    for (const positions of siblings.values()) {
      expect(positions.sort((a, b) => a - b)).toEqual(positions.map((_, i) => i + 1));
    }
    // Only activities carry due dates; statuses and due dates cover their vocabularies.
    const activities = items.filter((r) => r.depth === 2);
    expect(activities.every((r) => r.due_on !== null && isValidDueDate(r.due_on))).toBe(true);
    const dueKinds = new Set(
      activities.map((r) =>
        r.due_on === 'continuous'
          ? 'continuous'
          : r.due_on!.includes('Q')
            ? 'quarter'
            : r.due_on!.length === 7
              ? 'month'
              : 'day',
      ),
    );
    expect([...dueKinds].sort()).toEqual(['continuous', 'day', 'month', 'quarter']);
    expect(new Set(items.map((r) => r.status))).toEqual(new Set(PLAN_ITEM_STATUSES));
  });

  it('refuses to seed the same size twice', async () => {
    await expect(
      seedSynthetic(main.db, new AuditLog(main.db.dialect), { items: ITEMS, seed: 42 }),
    ).rejects.toThrow(/exists already/);
  });
});
