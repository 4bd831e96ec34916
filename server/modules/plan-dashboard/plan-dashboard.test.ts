import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { addDays, daysBetween } from '../../../core/plans/dashboard.js';
import type { PlanDashboard } from '../../../core/schemas/plan-dashboard.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

describe.each(testDatabases)('plan dashboard on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let viewer: Session;
  let orgs: { id: string; name: { en: string | null } }[];
  const today = new Date().toISOString().slice(0, 10);
  // Any version will do: these tests are about the dashboard, not about stale writes.
  const anyVersion = { 'if-match': '*' };

  const dashboardOf = async (planId: string, session?: Session): Promise<PlanDashboard> => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/dashboard`,
      ...(session ? { headers: session.headers } : {}),
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  /**
   * A plan of its own for each test (plans are copied from IPAP 2015's record and levels, without
   * its items), so each test's figures depend on that test alone, in any order.
   */
  const freshPlan = async () => {
    const source = await t.db.kysely
      .selectFrom('plans')
      .selectAll()
      .where('code', '=', 'IPAP-2015')
      .executeTakeFirstOrThrow();
    const planId = uuidv7();
    await t.db.kysely
      .insertInto('plans')
      .values({ ...source, id: planId, code: `DASHBOARD-${planId.slice(-8)}`, seed_key: null })
      .execute();
    const levels = await t.db.kysely
      .selectFrom('plan_levels')
      .selectAll()
      .where('plan_id', '=', source.id)
      .execute();
    await t.db.kysely
      .insertInto('plan_levels')
      .values(levels.map((l) => ({ ...l, plan_id: planId })))
      .execute();

    const ids: Record<string, string> = {};
    const create = async (key: string, payload: object) => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/plan-items',
        headers: coordinator.headers,
        // Public by choice unless the case gives a label (an item without one is not public).
        payload: { planId, title: { en: `Item ${key}` }, label: PUBLIC, ...payload },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    };
    await create('A', {});
    await create('B', {});
    await create('C', {});
    const [org0, org1] = orgs.map((o) => o.id);
    await create('a1', {
      parentId: ids.A,
      status: 'implemented',
      leadOrganisationId: org0,
      dueOn: '2020-Q1',
    });
    await create('a2', {
      parentId: ids.A,
      status: 'ongoing',
      leadOrganisationId: org0,
      dueOn: '2020-01',
    });
    await create('a3', {
      parentId: ids.A,
      status: 'not_started',
      leadOrganisationId: org1,
      dueOn: addDays(today, 10),
    });
    await create('a4', { parentId: ids.A, status: 'postponed', dueOn: '2099-12' });
    await create('a5', {
      parentId: ids.A,
      status: 'not_implemented',
      leadOrganisationId: org1,
      dueOn: '2021-06',
      label: { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['RS', 'NATO'] },
    });
    await create('b1', { parentId: ids.B, status: 'cancelled', leadOrganisationId: org0 });
    return { planId, ids, dashboard: (session?: Session) => dashboardOf(planId, session) };
  };

  const openPeriod = async (planId: string, title: string, startsOn: string, endsOn: string) => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/periods`,
      headers: coordinator.headers,
      payload: { kind: 'quarter', startsOn, endsOn, title },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const draftReport = async (periodId: string, itemId: string, payload: object) => {
    const res = await t.inject({
      method: 'PUT',
      url: `/api/v1/periods/${periodId}/items/${itemId}/report`,
      headers: coordinator.headers,
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const transition = async (reportId: string, action: string, payload?: object) => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/${action}`,
      headers: { ...coordinator.headers, ...anyVersion },
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const lockPeriod = async (periodId: string) => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/periods/${periodId}/lock`,
      headers: { ...coordinator.headers, ...anyVersion },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    viewer = await t.signIn('viewer');
    const admin = await t.signIn('administrator');
    // The viewer is cleared for unmarked records only: restricted items are hidden from it.
    const users = (
      await t.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: admin.headers })
    ).json().items as { id: string; email: string }[];
    const viewerId = users.find((u) => u.email === viewer.email)!.id;
    const patched = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${viewerId}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { clearances: [] },
    });
    expect(patched.statusCode).toBe(200);
    orgs = (await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=2' })).json()
      .items;
  });
  afterAll(() => t.close());

  const sum = (values: Record<string, number>) =>
    Math.round(Object.values(values).reduce((a, b) => a + b, 0) * 10) / 10;

  it('counts leaf items per status for the plan and per chapter, with percentages adding up to 100', async () => {
    const { planId, dashboard } = await freshPlan();
    const d = await dashboard(coordinator);
    expect(d.counted).toMatchObject({ unit: 'leaf_items', level: { depth: 2 } });
    expect(d.counted.level?.name.en).toBe('Activity');
    // Leaves: a1–a5, b1 and chapter C (a chapter without items is itself the unit of work).
    expect(d.overall.breakdown.total).toBe(7);
    expect(d.overall.breakdown.counts).toEqual({
      not_started: 2,
      ongoing: 1,
      implemented: 1,
      partially_implemented: 0,
      not_implemented: 1,
      continuous: 0,
      postponed: 1,
      cancelled: 1,
    });
    // 1/7 = 14.29 %, 2/7 = 28.57 %: largest remainders keep the sum at exactly 100.
    expect(d.overall.breakdown.percentages).toMatchObject({
      implemented: 14.3,
      not_started: 28.5,
      cancelled: 14.3,
      continuous: 0,
    });
    expect(sum(d.overall.breakdown.percentages)).toBe(100);

    expect(d.chapters.map((c) => [c.code, c.breakdown.total, c.progress])).toEqual([
      ['1', 5, 30], // (100 + 50 + 0 + 0 + 0) / 5
      ['2', 1, null], // only a cancelled activity: nothing to count
      ['3', 1, 0],
    ]);
    // The same roll-up as the plan tree, and the plan weighs chapters 1 and 3 (2 is out).
    const tree = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/plans/${planId}/tree`,
        headers: coordinator.headers,
      })
    ).json();
    expect(d.chapters.map((c) => c.progress)).toEqual(
      tree.items.map((i: { rollup: { progress: number | null } }) => i.rollup.progress),
    );
    expect(d.overall).toMatchObject({ progress: 15, rule: 'weighted' });
    expect(d.periods.items).toEqual([]);
  });

  it('groups by lead institution with its name, and the items without a lead last', async () => {
    const { dashboard } = await freshPlan();
    const d = await dashboard(coordinator);
    expect(d.institutions.map((g) => [g.organisation?.id ?? null, g.breakdown.total])).toEqual([
      [orgs[0]!.id, 3],
      [orgs[1]!.id, 2],
      [null, 2],
    ]);
    expect(d.institutions[0]!.organisation?.name?.en).toBe(orgs[0]!.name.en);
    expect(d.institutions[0]!.breakdown.counts).toMatchObject({
      implemented: 1,
      ongoing: 1,
      cancelled: 1,
    });
    expect(d.institutions[1]!.breakdown.percentages).toMatchObject({
      not_started: 50,
      not_implemented: 50,
    });
  });

  it('leaves an item the reader may not see out of every count, list and percentage', async () => {
    const { ids, dashboard } = await freshPlan();
    const seen = await dashboard(coordinator);
    const all = JSON.stringify(seen);
    expect(all).toContain(ids.a5);
    for (const reader of [viewer, undefined]) {
      const d = await dashboard(reader);
      expect(JSON.stringify(d)).not.toContain(ids.a5);
      expect(d.overall.breakdown.total).toBe(6);
      expect(d.overall.breakdown.counts.not_implemented).toBe(0);
      expect(sum(d.overall.breakdown.percentages)).toBe(100);
      expect(d.chapters[0]).toMatchObject({ progress: 37.5, breakdown: { total: 4 } });
      expect(d.overall.progress).toBe(18.8);
      expect(d.institutions.find((g) => g.organisation?.id === orgs[1]!.id)?.breakdown.total).toBe(
        1,
      );
      expect(d.overdue.items.map((i) => i.id)).toEqual([ids.a2]);
    }
  });

  it('lists overdue items by the tree’s rule and at-risk items with their reasons', async () => {
    const { planId, ids, dashboard } = await freshPlan();
    // A report returned for changes in an open period puts chapter C at risk.
    const period = await openPeriod(planId, 'Q3 2026', '2026-07-01', '2026-09-30');
    const report = await draftReport(period, ids.C!, { itemStatus: 'ongoing' });
    await transition(report, 'submit');
    await transition(report, 'return', { comment: 'Which meetings were held?' });

    const d = await dashboard(coordinator);
    expect(d.overdue.items.map((i) => [i.code, i.lastDayDue, i.daysOverdue])).toEqual([
      ['1.2', '2020-01-31', daysBetween('2020-01-31', today)],
      ['1.5', '2021-06-30', daysBetween('2021-06-30', today)],
    ]);
    expect(d.overdue.total).toBe(2);
    expect(d.atRisk.total).toBe(3);
    expect(d.overdue.items[0]).toMatchObject({
      id: ids.a2,
      status: 'ongoing',
      dueOn: '2020-01',
      lead: { id: orgs[0]!.id },
    });
    expect(d.atRisk).toMatchObject({
      horizonDays: 30,
      stalledStatuses: ['postponed', 'not_implemented'],
    });
    expect(d.atRisk.definition).toContain('30 days');
    expect(d.atRisk.items.map((i) => [i.id, i.daysLeft, i.reasons])).toEqual([
      [ids.a3, 10, ['due_soon']],
      [ids.a4, daysBetween(today, '2099-12-31'), ['stalled']],
      [ids.C, null, ['report_returned']],
    ]);
    expect(d.atRisk.items.find((i) => i.id === ids.a4)?.lead).toBeNull();

    // Once the period is locked the returned report no longer calls for action.
    await lockPeriod(period);
    expect((await dashboard(coordinator)).atRisk.items.map((i) => i.id)).not.toContain(ids.C);
  });

  it('shows the trend across periods from approved reports, oldest first, carried forward', async () => {
    const { planId, ids, dashboard } = await freshPlan();
    const approve = async (periodId: string, item: string, payload: object) => {
      const report = await draftReport(periodId, ids[item]!, payload);
      await transition(report, 'submit');
      await transition(report, 'approve');
    };
    const open = (title: string, startsOn: string, endsOn: string) =>
      openPeriod(planId, title, startsOn, endsOn);
    const q2 = await open('Q2 2026', '2026-04-01', '2026-06-30');
    const q1 = await open('Q1 2026', '2026-01-01', '2026-03-31');
    await approve(q1, 'a1', { itemStatus: 'implemented' });
    await approve(q1, 'a5', { itemStatus: 'not_implemented' });
    await approve(q2, 'a2', { itemStatus: 'implemented', progress: 100 });
    // Submitted but not approved: not part of the trend.
    await transition(await draftReport(q2, ids.a3!, { itemStatus: 'implemented' }), 'submit');
    // Q3: its one report returned for changes, then the period locked; nothing approved in it.
    const q3 = await open('Q3 2026', '2026-07-01', '2026-09-30');
    const returned = await draftReport(q3, ids.C!, { itemStatus: 'ongoing' });
    await transition(returned, 'submit');
    await transition(returned, 'return', { comment: 'Which meetings were held?' });
    await lockPeriod(q3);

    const d = await dashboard(coordinator);
    const trend = d.periods.items.map((p) => ({
      title: p.title,
      reported: p.reported,
      approved: p.approvedInPeriod,
      progress: p.progress,
      implemented: p.breakdown.counts.implemented,
      notReported: p.breakdown.counts.not_reported,
    }));
    expect(trend).toEqual([
      // a1 implemented (100), a5 not implemented (0): chapter 1 = 50, nothing else reported.
      { title: 'Q1 2026', reported: 2, approved: 2, progress: 50, implemented: 1, notReported: 5 },
      // a2 implemented at 100: chapter 1 = (100 + 100 + 0) / 3.
      {
        title: 'Q2 2026',
        reported: 3,
        approved: 1,
        progress: 66.7,
        implemented: 2,
        notReported: 4,
      },
      // Nothing approved in Q3 (its one report was returned): Q2 carried forward.
      {
        title: 'Q3 2026',
        reported: 3,
        approved: 0,
        progress: 66.7,
        implemented: 2,
        notReported: 4,
      },
    ]);
    expect(sum(d.periods.items[1]!.breakdown.percentages)).toBe(100);
    expect(d.periods.items[2]).toMatchObject({ status: 'locked', kind: 'quarter' });

    // The viewer does not see a5, nor its report.
    const hidden = await dashboard(viewer);
    expect(hidden.periods.items.map((p) => [p.reported, p.progress])).toEqual([
      [1, 100],
      [2, 100],
      [2, 100],
    ]);
  });

  it('answers 404 for a plan the reader cannot see and 400 naming the id for a malformed one', async () => {
    const missing = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${uuidv7()}/dashboard`,
      headers: coordinator.headers,
    });
    expect(missing.statusCode).toBe(404);
    const bad = await t.inject({ method: 'GET', url: '/api/v1/plans/not-an-id/dashboard' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('id');
  });
});
