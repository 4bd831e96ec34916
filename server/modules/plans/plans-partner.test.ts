/**
 * Plans and plan items of whatever partner the deployment serves: built with factories (no seeded
 * plan), labelled in the partner's own marking scheme, read through the same rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { setClearance } from '../../test/clearances.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { deployment } from '../../test/partner.js';

describe.each(testDatabases)('plans of the deployment’s partner on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let viewer: Session;
  let foreigner: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    coordinator = await t.signIn('coordinator');
    viewer = await t.signIn('viewer');
    foreigner = await t.signIn('viewer');
    const admin = await t.signIn('administrator');
    const id = async (s: Session) =>
      (await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).json().user
        .id as string;
    const foreignerId = await id(foreigner);
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${foreignerId}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { nation: 'NATO' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => t.close());

  const nationalLabel = {
    policy: deployment.nationalPolicy,
    level: deployment.nationalLevel,
    releasableTo: [deployment.nation],
  };

  it('keeps a plan in the national scheme to the partner’s cleared readers, items included', async () => {
    const plan = await t.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: coordinator.headers,
      payload: {
        code: `NAT-${kind}`,
        title: { en: 'National plan' },
        template: 'national',
        label: nationalLabel,
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json().label).toMatchObject({ ...nationalLabel, owner: deployment.defaultOwner });
    const planId = plan.json().id as string;
    const chapter = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: { planId, title: { en: 'Chapter one' } },
    });
    expect(chapter.statusCode, chapter.body).toBe(201);
    const activity = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: {
        planId,
        parentId: chapter.json().id,
        title: { en: 'Activity' },
        label: nationalLabel,
      },
    });
    expect(activity.statusCode, activity.body).toBe(201);
    expect(activity.json().code).toBe('1.1');

    const treeOf = async (s: Session | null) =>
      t.inject({
        method: 'GET',
        url: `/api/v1/plans/${planId}/items`,
        ...(s ? { headers: s.headers } : {}),
      });
    // The partner's viewer, cleared at the national level by default, reads plan and items.
    const seen = await treeOf(viewer);
    expect(seen.statusCode).toBe(200);
    expect(
      seen
        .json()
        .items.map((i: { code: string }) => i.code)
        .sort(),
    ).toEqual(['1', '1.1']);
    // Another nation, and anyone signed out, do not.
    expect((await treeOf(foreigner)).statusCode).toBe(404);
    expect((await treeOf(null)).statusCode).toBe(404);

    // Without a national clearance the partner's viewer no longer reads it either.
    const me = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: viewer.headers })
    ).json().user;
    await setClearance(t.db.kysely, me, deployment.nationalPolicy, 0);
    expect((await treeOf(viewer)).statusCode).toBe(404);
    await setClearance(t.db.kysely, me, deployment.nationalPolicy, 1);
  });

  it('refuses a label above the deployment’s ceiling in the national scheme', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: coordinator.headers,
      payload: {
        code: `HIGH-${kind}`,
        title: { en: 'Too high' },
        template: 'national',
        label: { ...nationalLabel, level: deployment.nationalHigherLevel },
      },
    });
    expect([403, 422]).toContain(res.statusCode);
  });
});
