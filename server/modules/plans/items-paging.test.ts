/**
 * Keyset paging of a plan's items (GET /plans/:id/items?cursor=…): a walk by cursor returns every
 * row that stays visible exactly once while others create, move and delete items between its pages;
 * a cursor that is not one the list gave out, or a cursor with a page, is refused with a 400 naming
 * `cursor`; the text filter pages by cursor too.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, createPlan, PUBLIC, setLabel } from '../../access/labelled-world.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { encodeCursor } from '../shared/keyset.js';

interface ListOut {
  items: { id: string; code: string; title: { en: string | null } }[];
  total: number;
  totalIsLowerBound: boolean;
  page: number | null;
  pageSize: number;
  nextCursor: string | null;
}

describe.each(testDatabases)('plan items by cursor on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  /** Objectives of the plan, under which items are added while a walk goes on. */
  let objectives: string[];
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    coordinator = await t.signIn('coordinator');
    planId = await createPlan(t, coordinator.headers, `KS-${randomBytes(3).toString('hex')}`);
    await setLabel(t, 'plans', planId, PUBLIC);
    objectives = [];
    for (const c of [1, 2, 3]) {
      const chapter = await createItem(t, coordinator.headers, planId, null, `Chapter ${c}`);
      for (const o of [1, 2]) {
        const objective = await createItem(
          t,
          coordinator.headers,
          planId,
          chapter,
          `Objective ${c}.${o}`,
        );
        objectives.push(objective);
        for (const a of [1, 2, 3, 4]) {
          await createItem(
            t,
            coordinator.headers,
            planId,
            objective,
            a % 2 ? `Cooperation activity ${c}.${o}.${a}` : `Activity ${c}.${o}.${a}`,
          );
        }
      }
    }
  });
  afterAll(() => t.close());

  const list = (query: string) =>
    t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/items?${query}`,
      headers: coordinator.headers,
    });
  const listOk = async (query: string) => {
    const res = await list(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ListOut;
  };
  const liveIds = async () =>
    (
      await t.db.kysely
        .selectFrom('plan_items')
        .select('id')
        .where('plan_id', '=', planId)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((r) => r.id);

  it('walks the whole list once, each page after the last, with the total on every page', async () => {
    const first = await listOk('pageSize=5');
    expect(first.page).toBe(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listOk(`pageSize=5&cursor=${cursor}`);
      expect(page.page).toBeNull();
      expect(page.total).toBe(first.total);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((i) => i.id).sort()).toEqual((await liveIds()).sort());
    expect(seen).toHaveLength(first.total);
    // Same order as page by page.
    const byPage: string[] = [];
    for (let p = 1; p <= Math.ceil(first.total / 5); p++) {
      byPage.push(...(await listOk(`pageSize=5&page=${p}`)).items.map((i) => i.id));
    }
    expect(seen.map((i) => i.id)).toEqual(byPage);
  });

  it('returns every row that stays, exactly once, while others write between pages', async () => {
    const before = new Set(await liveIds());
    const deleted = new Set<string>();
    const returned: string[] = [];
    let page = await listOk('pageSize=4');
    let step = 0;
    for (;;) {
      returned.push(...page.items.map((i) => i.id));
      if (!page.nextCursor) break;
      step += 1;
      // Between pages: an item added at the front of a level (before the cursor) and one at the
      // end, a leaf deleted (codes and positions after it close the gap) — an offset walk would
      // skip or repeat rows here.
      const parent = objectives[step % objectives.length]!;
      await createItem(t, coordinator.headers, planId, parent, `Written during the walk ${step}`);
      if (step % 2 === 0) {
        await createItem(t, coordinator.headers, planId, null, `Chapter added ${step}`);
      }
      const leaves = await t.db.kysely
        .selectFrom('plan_items as i')
        .select('i.id')
        .where('i.plan_id', '=', planId)
        .where('i.depth', '=', 2)
        .where('i.deleted_at', 'is', null)
        .orderBy('i.position', 'desc')
        .limit(1)
        .execute();
      const leaf = leaves[0]?.id;
      if (leaf && step % 3 === 0) {
        const res = await t.inject({
          method: 'DELETE',
          url: `/api/v1/plan-items/${leaf}`,
          headers: { ...coordinator.headers, 'if-match': '*' },
        });
        expect(res.statusCode).toBe(204);
        deleted.add(leaf);
      }
      page = await listOk(`pageSize=4&cursor=${page.nextCursor}`);
    }
    expect(new Set(returned).size).toBe(returned.length);
    for (const id of before) {
      if (!deleted.has(id)) expect(returned).toContain(id);
    }
  });

  it('pages the text filter by cursor too', async () => {
    const all: string[] = [];
    let page = await listOk('q=cooperation&pageSize=3');
    const total = page.total;
    for (;;) {
      all.push(...page.items.map((i) => i.id));
      for (const item of page.items) expect(item.title.en).toMatch(/Cooperation/);
      if (!page.nextCursor) break;
      page = await listOk(`q=cooperation&pageSize=3&cursor=${page.nextCursor}`);
    }
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(all.length);
    expect(total).toBeGreaterThanOrEqual(12);
  });

  it('refuses a cursor it did not give out, and a cursor with a page, naming cursor', async () => {
    const { nextCursor } = await listOk('pageSize=2');
    const bad = [
      'not a cursor!',
      'bm90LWpzb24', // "not-json"
      encodeCursor(['1', 2, 'x']), // depth not a number
      encodeCursor([1, 2]), // too short
      encodeCursor([1, 2, 'x', 4]), // too long
      encodeCursor([1.5, 2, 'x']),
      Buffer.from('{"depth":1}').toString('base64url'),
      'x'.repeat(2000),
    ];
    for (const cursor of bad) {
      const res = await list(`cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.body).toContain('cursor');
    }
    const both = await list(`page=2&cursor=${nextCursor}`);
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('cursor');
    // A cursor past the end is a valid, empty last page.
    const end = await listOk(`cursor=${encodeCursor([99, 1, 'z'])}`);
    expect(end).toMatchObject({ items: [], nextCursor: null, page: null });
  });

  it('says there is no next page on the last page', async () => {
    const total = (await listOk('pageSize=1')).total;
    const last = await listOk(`pageSize=200`);
    expect(last.items).toHaveLength(total);
    expect(last.nextCursor).toBeNull();
  });
});
