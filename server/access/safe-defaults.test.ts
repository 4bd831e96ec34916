/**
 * Safe defaults: a record created without a label takes the deployment's default label (never
 * public), so a coordinator's draft plan, its items, its report narratives and the names of
 * submitters are not readable signed out. Publishing is an explicit act, and audited as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

describe.each(testDatabases)('safe defaults on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let counter = 0;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    coordinator = await t.signIn('coordinator');
  });
  afterAll(() => t.close());

  const expectedDefault = {
    policy: deployment.defaultLabel.policy,
    level: deployment.defaultLabel.level,
    releasableTo: [...deployment.defaultLabel.releasableTo].sort(),
    owner: deployment.defaultOwner,
  };

  async function createPlan(extra: object = {}) {
    counter += 1;
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: coordinator.headers,
      payload: {
        code: `DRAFT-${kind}-${counter}`,
        title: { en: 'A coordinator’s draft plan' },
        template: 'national',
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; label: Record<string, unknown> };
  }

  it('gives a new plan and item the deployment’s default label, unreadable signed out', async () => {
    const plan = await createPlan();
    expect(plan.label).toMatchObject(expectedDefault);
    expect(plan.label.releasableTo).not.toContain('PUBLIC');
    const item = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: { planId: plan.id, title: { en: 'Draft chapter' } },
    });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json().label).toMatchObject(expectedDefault);

    for (const url of [
      `/api/v1/plans/${plan.id}`,
      `/api/v1/plans/${plan.id}/items`,
      `/api/v1/plan-items/${item.json().id}`,
    ]) {
      expect((await t.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    const list = (await t.inject({ method: 'GET', url: '/api/v1/plans' })).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(plan.id);
    // The coordinator, of the partner nation, reads it.
    expect(
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/plans/${plan.id}`,
          headers: coordinator.headers,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('keeps report narratives and submitter names away from anonymous readers', async () => {
    const plan = await createPlan();
    const item = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/plan-items',
        headers: coordinator.headers,
        payload: { planId: plan.id, title: { en: 'Reported activity' } },
      })
    ).json();
    const period = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/periods`,
      headers: coordinator.headers,
      payload: { kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', title: 'Q1' },
    });
    expect(period.statusCode, period.body).toBe(201);
    const narrative = 'Confidential narrative: the course slipped to April.';
    const report = await t.inject({
      method: 'PUT',
      url: `/api/v1/periods/${period.json().id}/items/${item.id}/report`,
      headers: coordinator.headers,
      payload: { itemStatus: 'ongoing', narrative },
    });
    expect(report.statusCode, report.body).toBeLessThan(300);
    const submitted = await t.inject({
      method: 'POST',
      url: `/api/v1/reports/${report.json().id}/submit`,
      headers: { ...coordinator.headers, 'if-match': report.headers.etag as string },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    for (const url of [
      `/api/v1/plan-items/${item.id}/reports`,
      `/api/v1/periods/${period.json().id}/reports-due`,
      `/api/v1/plans/${plan.id}/periods`,
      `/api/v1/plan-items/${item.id}`,
    ]) {
      const res = await t.inject({ method: 'GET', url });
      expect([401, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain('Confidential narrative');
      expect(res.body).not.toContain(coordinator.email);
    }
  });

  it('publishes only when asked, and the audit entry says it was published', async () => {
    const published = await createPlan({ label: PUBLIC });
    expect(published.label).toMatchObject({ ...PUBLIC, owner: deployment.defaultOwner });
    expect(
      (await t.inject({ method: 'GET', url: `/api/v1/plans/${published.id}` })).statusCode,
    ).toBe(200);

    const draft = await createPlan();
    const etag = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/plans/${draft.id}`,
        headers: coordinator.headers,
      })
    ).headers.etag as string;
    const made = await t.inject({
      method: 'PATCH',
      url: `/api/v1/plans/${draft.id}`,
      headers: { ...coordinator.headers, 'if-match': etag },
      payload: { label: PUBLIC },
    });
    expect(made.statusCode, made.body).toBe(200);

    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity_id', 'action', 'after_state'])
      .where('entity_id', 'in', [published.id, draft.id])
      .orderBy('seq')
      .execute();
    const flags = entries.map((e) => ({
      id: e.entity_id,
      action: e.action,
      published: (JSON.parse(e.after_state ?? '{}') as { published?: boolean }).published ?? false,
    }));
    expect(flags).toEqual([
      { id: published.id, action: expect.any(String), published: true },
      { id: draft.id, action: expect.any(String), published: false },
      { id: draft.id, action: expect.any(String), published: true },
    ]);
  });
});
