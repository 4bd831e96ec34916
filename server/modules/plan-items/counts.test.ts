/**
 * Kept totals (migration 0018, counts.ts), property-based: after random sequences of writes — creates,
 * label changes, moves, deletes (with their cascades) and restores, through the API and by raw SQL —
 * in a labelled world with hidden containers, the total of the plan's item list equals, for every
 * reader, the number of rows the access filter lets through (and the number a cursor walk returns),
 * and the kept tables equal a recount of the live rows.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planItemVisibleTo } from '../../access/visibility.js';
import {
  createItem,
  createOrganisationWithId,
  createPlan,
  createViewer,
  must,
  PUBLIC,
  setLabel,
  type Label,
  type Viewer,
} from '../../access/labelled-world.js';
import { accessOf, actorOf } from '../../auth/sessions.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { deployment } from '../../test/partner.js';
import { keptVisibleTotal } from './counts.js';

const ORGS = ['0192d7a0-0000-7000-8000-00000000c0c1', '0192d7a0-0000-7000-8000-00000000c0c2'];
const NATIONS = [deployment.nation, 'NATO', 'HU'];

const labelArb: fc.Arbitrary<Label> = fc.oneof(
  fc.constant(PUBLIC),
  fc.record({
    policy: fc.constantFrom('NATO', deployment.nationalPolicy),
    rank: fc.constant(1),
    releasableTo: fc.subarray(NATIONS, { minLength: 1 }),
    originatorId: fc.option(fc.constantFrom(...ORGS), { nil: null }),
  }),
);

/** A write, on items named by their index in the list of items made so far (modulo its length). */
const opArb = fc.oneof(
  fc.record({ op: fc.constant('create' as const), parent: fc.nat(), label: labelArb }),
  fc.record({ op: fc.constant('label' as const), item: fc.nat(), label: labelArb }),
  fc.record({ op: fc.constant('move' as const), item: fc.nat(), parent: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), item: fc.nat() }),
  fc.record({ op: fc.constant('restore' as const), item: fc.nat() }),
  fc.record({ op: fc.constant('rawDelete' as const), item: fc.nat() }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

describe.each(testDatabases)('kept plan item totals, property-based, on %s', (kind) => {
  let t: TestApp;
  let writer: Viewer;
  let readers: Viewer[];
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    const admin = await t.signIn('administrator');
    for (const id of ORGS) await createOrganisationWithId(t, admin.headers, id, id);
    // The writer reads most labels (not those released only to HU without its organisation).
    writer = await createViewer(t, {
      role: 'administrator',
      nation: deployment.nation,
      clearances: { NATO: 1, [deployment.nationalPolicy]: 1 },
      organisationIds: ORGS,
      grants: [],
    });
    readers = [
      writer,
      await createViewer(t, {
        nation: deployment.nation,
        clearances: { NATO: 1, [deployment.nationalPolicy]: 1 },
        organisationIds: [ORGS[0]!],
        grants: [],
      }),
      await createViewer(t, {
        nation: 'NATO',
        clearances: { NATO: 1 },
        organisationIds: [],
        grants: [],
      }),
      await createViewer(t, {
        nation: 'HU',
        clearances: { [deployment.nationalPolicy]: 1 },
        organisationIds: [ORGS[1]!],
        grants: [],
      }),
      await createViewer(t, { nation: 'HU', clearances: {}, organisationIds: [], grants: [] }),
    ];
  });
  afterAll(() => t.close());

  async function actorFor(v: Viewer) {
    const row = await t.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('id', '=', v.userId!)
      .executeTakeFirstOrThrow();
    return actorOf(row, await accessOf(t.db.kysely, row.id));
  }

  /** Rows of the plan the access filter lets the viewer read. */
  async function filtered(v: Viewer, planId: string) {
    const row = await t.db.kysely
      .selectFrom('plan_items as i')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(planItemVisibleTo(await actorFor(v), 'i', { planId }))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The ids a cursor walk of the list returns, and the total each page stated. */
  async function walk(v: Viewer, planId: string) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `pageSize=4&cursor=${cursor}` : 'pageSize=4';
      const page = await must<{
        items: { id: string }[];
        total: number;
        nextCursor: string | null;
      }>(t, 200, {
        method: 'GET',
        url: `/api/v1/plans/${planId}/items?${query}`,
        headers: v.headers,
      });
      ids.push(...page.items.map((i) => i.id));
      totals.add(page.total);
      cursor = page.nextCursor;
    } while (cursor);
    return { ids, totals: [...totals] };
  }

  /** The kept tables against a recount of the live rows. */
  async function keptTablesExact(planId: string) {
    const kept = await sql<{ k: string; n: number | string }>`select parent_key || '/' ||
      label_policy || '/' || label_rank || '/' || label_releasable_to || '/' || label_originator as k,
      n from plan_item_counts where plan_id = ${planId} and n <> 0 order by 1`.execute(t.db.kysely);
    const recount = await sql<{ k: string; n: number | string }>`select coalesce(parent_id, '') ||
      '/' || label_policy || '/' || label_rank || '/' || label_releasable_to || '/' ||
      coalesce(label_originator_id, '') as k, count(*) as n from plan_items
      where plan_id = ${planId} and deleted_at is null group by 1 order by 1`.execute(t.db.kysely);
    const norm = (rows: { k: string; n: number | string }[]) =>
      rows.map((r) => [r.k, Number(r.n)]).sort();
    expect(norm(kept.rows)).toEqual(norm(recount.rows));
    const byLabel = await sql<{ k: string; n: number | string }>`select depth || '/' || deleted ||
      '/' || label_policy || '/' || label_rank || '/' || label_releasable_to || '/' ||
      label_originator as k, n from plan_item_label_counts where plan_id = ${planId} and n <> 0`.execute(
      t.db.kysely,
    );
    const recountByLabel = await sql<{ k: string; n: number | string }>`select depth || '/' ||
      (case when deleted_at is null then 0 else 1 end) || '/' || label_policy || '/' ||
      label_rank || '/' || label_releasable_to || '/' || coalesce(label_originator_id, '') as k,
      count(*) as n from plan_items where plan_id = ${planId} group by 1`.execute(t.db.kysely);
    expect(norm(byLabel.rows)).toEqual(norm(recountByLabel.rows));
  }

  async function apply(planId: string, items: string[], op: Op) {
    const pick = (n: number) => items[n % items.length]!;
    const headers = { ...writer.headers, 'if-match': '*' };
    switch (op.op) {
      case 'create': {
        const parent = items.length === 0 || op.parent % 4 === 0 ? null : pick(op.parent);
        const res = await t.inject({
          method: 'POST',
          url: '/api/v1/plan-items',
          headers: writer.headers,
          payload: { planId, parentId: parent, title: { en: 'Item' }, status: 'ongoing' },
        });
        if (res.statusCode === 201) {
          const id = (res.json() as { id: string }).id;
          items.push(id);
          await setLabel(t, 'plan_items', id, op.label);
        }
        return;
      }
      case 'label':
        if (items.length) await setLabel(t, 'plan_items', pick(op.item), op.label);
        return;
      case 'move':
        if (items.length)
          await t.inject({
            method: 'PATCH',
            url: `/api/v1/plan-items/${pick(op.item)}`,
            headers,
            payload: { parentId: op.parent % 3 === 0 ? null : pick(op.parent) },
          });
        return;
      case 'delete':
        if (items.length)
          await t.inject({ method: 'DELETE', url: `/api/v1/plan-items/${pick(op.item)}`, headers });
        return;
      case 'restore':
        if (items.length)
          await t.inject({
            method: 'POST',
            url: `/api/v1/plan-items/${pick(op.item)}/restore`,
            headers: writer.headers,
          });
        return;
      case 'rawDelete':
        // A writer outside the API (a repair script): soft-deletes a leaf directly.
        if (items.length)
          await sql`update plan_items set deleted_at = ${new Date().toISOString()}
            where id = ${pick(op.item)} and not exists (select 1 from plan_items c
              where c.parent_id = plan_items.id and c.deleted_at is null)`.execute(t.db.kysely);
        return;
    }
  }

  it('equals what the access filter lets through, for every reader, after any writes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
        run += 1;
        const planId = await createPlan(
          t,
          writer.headers,
          `KC-${run}-${randomBytes(3).toString('hex')}`,
        );
        await setLabel(t, 'plans', planId, PUBLIC);
        // A frame every run has: two public chapters with an objective each.
        const items: string[] = [];
        for (const c of [1, 2]) {
          const chapter = await createItem(t, writer.headers, planId, null, `Chapter ${c}`);
          await setLabel(t, 'plan_items', chapter, PUBLIC);
          const objective = await createItem(t, writer.headers, planId, chapter, `Objective ${c}`);
          await setLabel(t, 'plan_items', objective, PUBLIC);
          items.push(chapter, objective);
        }
        for (const op of ops) await apply(planId, items, op);

        await keptTablesExact(planId);
        for (const reader of readers) {
          const expected = await filtered(reader, planId);
          const kept = await keptVisibleTotal(t.db.kysely, await actorFor(reader), planId);
          expect(kept).toBe(expected);
          const { ids, totals } = await walk(reader, planId);
          expect(totals).toEqual([expected]);
          expect(ids).toHaveLength(expected);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 6 },
    );
  }, 240_000);

  it('falls back to counting through the filter for a reader with a grant on an item', async () => {
    const planId = await createPlan(t, writer.headers, `KG-${randomBytes(3).toString('hex')}`);
    await setLabel(t, 'plans', planId, PUBLIC);
    const chapter = await createItem(t, writer.headers, planId, null, 'Chapter');
    const hidden = await createItem(t, writer.headers, planId, chapter, 'Need to know');
    const below = await createItem(t, writer.headers, planId, hidden, 'Below it');
    await setLabel(t, 'plan_items', chapter, PUBLIC);
    await setLabel(t, 'plan_items', below, PUBLIC);
    const secret: Label = {
      policy: 'NATO',
      rank: 1,
      releasableTo: ['NATO'],
      originatorId: ORGS[0]!,
    };
    await setLabel(t, 'plan_items', hidden, secret);
    const granted = await createViewer(t, {
      nation: 'NATO',
      clearances: { NATO: 1 },
      organisationIds: [],
      grants: [{ type: 'plan_item', id: hidden }],
    });
    const plain = await createViewer(t, {
      nation: 'NATO',
      clearances: { NATO: 1 },
      organisationIds: [],
      grants: [],
    });
    expect(await keptVisibleTotal(t.db.kysely, await actorFor(granted), planId)).toBeNull();
    expect(await keptVisibleTotal(t.db.kysely, await actorFor(plain), planId)).toBe(1);
    const list = (v: Viewer) =>
      must<{ total: number; totalIsLowerBound: boolean }>(t, 200, {
        method: 'GET',
        url: `/api/v1/plans/${planId}/items`,
        headers: v.headers,
      });
    expect(await list(granted)).toMatchObject({ total: 3, totalIsLowerBound: false });
    expect(await list(plain)).toMatchObject({ total: 1, totalIsLowerBound: false });
  });
  it('stays exact under parallel writers (HTTP creates and deletes, raw transactions)', async () => {
    const planId = await createPlan(t, writer.headers, `KP-${randomBytes(3).toString('hex')}`);
    await setLabel(t, 'plans', planId, PUBLIC);
    const chapter = await createItem(t, writer.headers, planId, null, 'Chapter');
    const objective = await createItem(t, writer.headers, planId, chapter, 'Objective');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
        method,
        headers: {
          ...writer.headers,
          'if-match': '*',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    // Twenty creates at once, then half of them deleted at once while ten more are created.
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', '/plan-items', {
          planId,
          parentId: objective,
          title: { en: `Parallel ${i}` },
          status: 'ongoing',
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = await Promise.all(
      created.map(async (r) => ((await r.json()) as { id: string }).id),
    );
    const second = await Promise.all([
      ...ids.slice(0, 10).map((id) => call('DELETE', `/plan-items/${id}`)),
      ...Array.from({ length: 10 }, (_, i) =>
        call('POST', '/plan-items', {
          planId,
          parentId: objective,
          title: { en: `Second wave ${i}` },
          status: 'ongoing',
        }),
      ),
    ]);
    expect(second.filter((r) => r.status >= 500)).toEqual([]);
    await keptTablesExact(planId);

    // Writers outside the API, without the plan's lock: parallel transactions adding to and
    // deleting from the same kept rows (same parent, same label) — under READ COMMITTED on
    // PostgreSQL; SQLite takes them one at a time.
    const now = new Date().toISOString();
    const columns = (i: number) => ({
      id: `0192d7a0-0000-7000-8000-${String(100000000000 + i)}`,
      version: 1,
      created_at: now,
      updated_at: now,
      plan_id: planId,
      parent_id: objective,
      depth: 2,
      position: 1000 + i,
      code: `raw.${i}`,
      title_en: `Raw ${i}`,
      label_policy: 'NONE',
      label_level: 'PUBLIC',
      label_rank: 0,
      label_owner: deployment.defaultOwner,
      label_releasable_to: '["PUBLIC"]',
      search_text: `raw ${i}`,
    });
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        t.db.kysely.transaction().execute(async (trx) => {
          for (let j = 0; j < 5; j++) {
            await trx
              .insertInto('plan_items')
              .values(columns(w * 10 + j))
              .execute();
          }
          await trx
            .updateTable('plan_items')
            .set({ deleted_at: now })
            .where('id', '=', columns(w * 10).id)
            .execute();
        }),
      ),
    );
    await keptTablesExact(planId);
    const expected = await filtered(writer, planId);
    expect(await keptVisibleTotal(t.db.kysely, await actorFor(writer), planId)).toBe(expected);
    expect(expected).toBe(2 + 20 + 8 * 4);
  }, 120_000);
});
