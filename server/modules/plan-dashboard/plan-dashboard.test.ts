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
  let planId: string;
  let orgs: { id: string; name: { en: string | null } }[];
  const ids: Record<string, string> = {};
  const today = new Date().toISOString().slice(0, 10);

  const dashboard = async (session?: Session): Promise<PlanDashboard> => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/dashboard`,
      ...(session ? { headers: session.headers } : {}),
    });
    expect(res.statusCode).toBe(200);
    return res.json();
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

    // A plan of our own (plans are not created through the API yet): a copy of IPAP 2015's record
    // and levels, without its items, so the figures below depend on this test alone.
    const source = await t.db.kysely
      .selectFrom('plans')
      .selectAll()
      .where('code', '=', 'IPAP-2015')
      .executeTakeFirstOrThrow();
    planId = uuidv7();
    await t.db.kysely
      .insertInto('plans')
      .values({ ...source, id: planId, code: 'DASHBOARD-TEST', seed_key: null })
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
  });
  afterAll(() => t.close());

  const sum = (values: Record<string, number>) =>
    Math.round(Object.values(values).reduce((a, b) => a + b, 0) * 10) / 10;

  it('counts leaf items per status for the plan and per chapter, with percentages adding up to 100', async () => {
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
    // A report returned for changes in an open period puts chapter C at risk.
    const period = (
      await t.inject({
        method: 'POST',
        url: `/api/v1/plans/${planId}/periods`,
        headers: coordinator.headers,
        payload: {
          kind: 'quarter',
          startsOn: '2026-07-01',
          endsOn: '2026-09-30',
          title: 'Q3 2026',
        },
      })
    ).json();
    const report = (
      await t.inject({
        method: 'PUT',
        url: `/api/v1/periods/${period.id}/items/${ids.C}/report`,
        headers: coordinator.headers,
        payload: { itemStatus: 'ongoing' },
      })
    ).json();
    for (const [action, payload] of [
      ['submit', undefined],
      ['return', { comment: 'Which meetings were held?' }],
    ] as const) {
      const res = await t.inject({
        method: 'POST',
        url: `/api/v1/reports/${report.id}/${action}`,
        headers: coordinator.headers,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode).toBe(200);
    }

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
    await t.inject({
      method: 'POST',
      url: `/api/v1/periods/${period.id}/lock`,
      headers: coordinator.headers,
    });
    expect((await dashboard(coordinator)).atRisk.items.map((i) => i.id)).not.toContain(ids.C);
  });

  it('shows the trend across periods from approved reports, oldest first, carried forward', async () => {
    const open = async (title: string, startsOn: string, endsOn: string) =>
      (
        await t.inject({
          method: 'POST',
          url: `/api/v1/plans/${planId}/periods`,
          headers: coordinator.headers,
          payload: { kind: 'quarter', startsOn, endsOn, title },
        })
      ).json().id as string;
    const approve = async (periodId: string, item: string, payload: object) => {
      const draft = await t.inject({
        method: 'PUT',
        url: `/api/v1/periods/${periodId}/items/${ids[item]}/report`,
        headers: coordinator.headers,
        payload,
      });
      expect(draft.statusCode).toBe(201);
      for (const action of ['submit', 'approve'])
        expect(
          (
            await t.inject({
              method: 'POST',
              url: `/api/v1/reports/${draft.json().id}/${action}`,
              headers: coordinator.headers,
            })
          ).statusCode,
        ).toBe(200);
    };
    const q2 = await open('Q2 2026', '2026-04-01', '2026-06-30');
    const q1 = await open('Q1 2026', '2026-01-01', '2026-03-31');
    await approve(q1, 'a1', { itemStatus: 'implemented' });
    await approve(q1, 'a5', { itemStatus: 'not_implemented' });
    await approve(q2, 'a2', { itemStatus: 'implemented', progress: 100 });
    // Submitted but not approved: not part of the trend.
    const pending = await t.inject({
      method: 'PUT',
      url: `/api/v1/periods/${q2}/items/${ids.a3}/report`,
      headers: coordinator.headers,
      payload: { itemStatus: 'implemented' },
    });
    await t.inject({
      method: 'POST',
      url: `/api/v1/reports/${pending.json().id}/submit`,
      headers: coordinator.headers,
    });

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
