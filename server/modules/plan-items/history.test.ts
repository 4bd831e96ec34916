/**
 * The plan "as of" a date, the status history the database keeps for it, the sample items of the
 * reference data, and grants on a whole plan covering its items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTreeNode } from '../../../core/schemas/plan.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

type Tree = { asOf: string | null; items: PlanTreeNode[] };

function flatten(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe.each(testDatabases)('plan history, as-of view and plan grants on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let ipap2015: string;
  let ipap2019: string;
  const today = new Date().toISOString().slice(0, 10);

  const tree = async (planId: string, query = '', session?: Session) => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/tree${query}`,
      headers: session?.headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as Tree;
  };
  const byCode = (items: PlanTreeNode[], code: string) =>
    flatten(items).find((i) => i.code === code);

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('administrator');
    coordinator = await t.signIn('coordinator');
    const plans = (await t.inject({ method: 'GET', url: '/api/v1/plans' })).json().items as {
      id: string;
      code: string;
    }[];
    ipap2015 = plans.find((p) => p.code === 'IPAP-2015')!.id;
    ipap2019 = plans.find((p) => p.code === 'IPAP-2019-2021')!.id;
  });
  afterAll(() => t.close());

  it('ships illustrative objectives and activities for IPAP 2015, flagged as sample data', async () => {
    const all = flatten((await tree(ipap2015)).items);
    const chapters = all.filter((i) => i.depth === 0);
    const samples = all.filter((i) => i.sampleData);
    expect(chapters).toHaveLength(4);
    expect(chapters.every((c) => !c.sampleData)).toBe(true);
    expect(samples.length).toBe(all.length - 4);
    expect(samples.filter((s) => s.depth === 1).length).toBeGreaterThanOrEqual(4);
    expect(samples.filter((s) => s.depth === 2).length).toBeGreaterThanOrEqual(8);
    // Every chapter has at least one sample objective, and codes follow the tree.
    for (const chapter of chapters) expect(chapter.children.length).toBeGreaterThan(0);
    expect(byCode(all, '1.2.1')?.parentId).toBe(byCode(all, '1.2')?.id);
    // The plan whose items are not shipped stays bare.
    expect(flatten((await tree(ipap2019)).items).every((i) => i.depth === 0)).toBe(true);
  });

  it('reads the plan as it stood on a past day: statuses then, items not yet entered left out', async () => {
    const now = await tree(ipap2015);
    expect(now.asOf).toBeNull();
    expect(byCode(now.items, '1.2.1')?.status).toBe('implemented');
    expect(byCode(now.items, '4.1.2')?.status).toBe('not_implemented');

    const then = await tree(ipap2015, '?asOf=2015-12-31');
    expect(then.asOf).toBe('2015-12-31');
    // Ratification was under way at the end of 2015 and done in February 2016.
    expect(byCode(then.items, '1.2.1')?.status).toBe('ongoing');
    // The registry was accredited on 10 December 2015.
    expect(byCode(then.items, '3.1.1')?.status).toBe('implemented');
    // Work entered in 2016 or later is not in the plan yet.
    expect(byCode(then.items, '2.2.1')).toBeUndefined();
    expect(byCode(then.items, '4.2')).toBeUndefined();
    // The roll-up is computed from the statuses of that day, not today's.
    const chapter1Then = then.items.find((i) => i.code === '1')!;
    const chapter1Now = now.items.find((i) => i.code === '1')!;
    expect(chapter1Then.rollup.progress).not.toBe(chapter1Now.rollup.progress);

    // Before the plan was adopted there was nothing to show.
    expect((await tree(ipap2015, '?asOf=2014-06-30')).items).toEqual([]);
  });

  it('records every status change, whoever makes it, and forgets deleted items from their deletion on', async () => {
    const chapter = (await tree(ipap2019)).items[0]!;
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: {
        planId: ipap2019,
        parentId: chapter.id,
        title: { en: 'Tracked objective' },
        // Read signed out below: public by choice (an item without a label is not public).
        label: PUBLIC,
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const changed = await t.inject({
      method: 'PATCH',
      url: `/api/v1/plan-items/${id}`,
      headers: { ...coordinator.headers, 'if-match': `"${created.json().version}"` },
      payload: { status: 'ongoing' },
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const rows = await t.db.kysely
      .selectFrom('plan_item_changes')
      .select(['status', 'deleted', 'changed_by'])
      .where('plan_item_id', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.status, Number(r.deleted)])).toEqual([
      ['not_started', 0],
      ['ongoing', 0],
    ]);
    expect(rows.every((r) => r.changed_by !== null)).toBe(true);

    expect(byCode((await tree(ipap2019, `?asOf=${today}`)).items, '1.1')?.status).toBe('ongoing');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(byCode((await tree(ipap2019, `?asOf=${yesterday}`)).items, '1.1')).toBeUndefined();

    const deleted = await t.inject({
      method: 'DELETE',
      url: `/api/v1/plan-items/${id}`,
      headers: { ...coordinator.headers, 'if-match': '*' },
    });
    expect(deleted.statusCode).toBe(204);
    expect(byCode((await tree(ipap2019, `?asOf=${today}`)).items, '1.1')).toBeUndefined();
  });

  it('refuses an as-of date that is not a day, naming the parameter', async () => {
    for (const bad of ['2015-13-01', '2015-06', 'yesterday']) {
      const res = await t.inject({
        method: 'GET',
        url: `/api/v1/plans/${ipap2015}/tree?asOf=${bad}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('asOf');
    }
  });

  it('lets a grant on a plan open its restricted items, now and as of a date, until it is revoked', async () => {
    const organisations = (
      await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=1' })
    ).json().items as { id: string }[];
    const owner = organisations[0]!.id;
    const me = async (s: Session) =>
      (await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).json().user
        .id as string;
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${await me(coordinator)}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { organisationIds: [owner] },
    });
    const chapter = (await tree(ipap2019)).items[1]!;
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: {
        planId: ipap2019,
        parentId: chapter.id,
        title: { en: 'Restricted objective' },
        label: {
          policy: 'NATO',
          level: 'NATO_UNCLASSIFIED',
          releasableTo: ['RS'],
          originatorId: owner,
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const itemUrl = `/api/v1/plan-items/${created.json().id}`;
    const reader = await t.signIn('viewer');
    const sees = async () => {
      const detail = await t.inject({ method: 'GET', url: itemUrl, headers: reader.headers });
      const now = flatten((await tree(ipap2019, '', reader)).items);
      const asOf = flatten((await tree(ipap2019, `?asOf=${today}`, reader)).items);
      const inTree = now.some((i) => i.id === created.json().id);
      expect(asOf.some((i) => i.id === created.json().id)).toBe(inTree);
      expect(detail.statusCode === 200).toBe(inTree);
      return inTree;
    };
    expect(await sees()).toBe(false);

    const grant = await t.inject({
      method: 'POST',
      url: `/api/v1/users/${await me(reader)}/grants`,
      headers: admin.headers,
      payload: { entityType: 'plan', entityId: ipap2019, note: 'Working group on the plan' },
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(await sees()).toBe(true);

    // A grant on another plan opens nothing here.
    const other = await t.signIn('viewer');
    await t.inject({
      method: 'POST',
      url: `/api/v1/users/${await me(other)}/grants`,
      headers: admin.headers,
      payload: { entityType: 'plan', entityId: ipap2015 },
    });
    expect(
      (await t.inject({ method: 'GET', url: itemUrl, headers: other.headers })).statusCode,
    ).toBe(404);

    await t.inject({
      method: 'DELETE',
      url: `/api/v1/grants/${grant.json().id}`,
      headers: { ...admin.headers, 'if-match': '"1"' },
    });
    expect(await sees()).toBe(false);
  });
});
