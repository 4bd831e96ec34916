import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

describe.each(testDatabases)('indicators on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let itemId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    const plan = (await t.inject({ method: 'GET', url: '/api/v1/plans' })).json().items[0];
    const chapter = (
      await t.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/items` })
    ).json().items[0];
    const item = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: {
        planId: plan.id,
        parentId: chapter.id,
        title: { en: 'Train public affairs officers' },
        // Read signed out below: public by choice (an item without a label is not public).
        label: PUBLIC,
      },
    });
    itemId = item.json().id;
  });
  afterAll(() => t.close());

  const post = (path: string, payload: object, headers = coordinator.headers) =>
    t.inject({ method: 'POST', url: `/api/v1${path}`, headers, payload });

  it('records measurements and shows progress from baseline to target', async () => {
    const created = await post(`/plan-items/${itemId}/indicators`, {
      kind: 'quantitative',
      name: { en: 'Officers trained', sr: 'Обучени официри' },
      unit: 'persons',
      baseline: { value: 10, year: 2024 },
      target: { value: 30, year: 2026 },
      sourceOfVerification: 'Training records of the MoD',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ progressToTarget: null, measurements: [] });
    const measured = await post(`/indicators/${created.json().id}/measurements`, {
      measuredOn: '2025-06',
      value: 20,
    });
    expect(measured.statusCode).toBe(201);
    expect(measured.json().progressToTarget).toBe(50);
    const list = await t.inject({ method: 'GET', url: `/api/v1/plan-items/${itemId}/indicators` });
    // Other tests add indicators to the same item: find this one.
    const listed = list.json().items.find((i: { id: string }) => i.id === created.json().id) as {
      measurements: { value: number }[];
    };
    expect(listed.measurements.map((m) => m.value)).toEqual([20]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.json().id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['indicator.create', 'indicator.measure']);
  });

  it('takes numbers only for a quantitative indicator, naming the field', async () => {
    const textTarget = await post(`/plan-items/${itemId}/indicators`, {
      kind: 'quantitative',
      name: { en: 'Exercises held' },
      target: { value: 'several', year: 2026 },
    });
    expect(textTarget.statusCode).toBe(422);
    expect(textTarget.json().error.details.field).toBe('target.value');

    const indicator = (
      await post(`/plan-items/${itemId}/indicators`, {
        kind: 'quantitative',
        name: { en: 'Exercises held' },
        target: { value: 4 },
      })
    ).json();
    const textValue = await post(`/indicators/${indicator.id}/measurements`, {
      measuredOn: '2026-01-15',
      value: 'two big ones',
    });
    expect(textValue.statusCode).toBe(422);
    expect(textValue.json().error.details.field).toBe('value');
    const badDate = await post(`/indicators/${indicator.id}/measurements`, {
      measuredOn: '2026-02-30',
      value: 2,
    });
    expect(badDate.statusCode).toBe(400);

    const words = await post(`/plan-items/${itemId}/indicators`, {
      kind: 'qualitative',
      name: { en: 'Communication strategy adopted' },
      target: { value: 'Adopted by the Government' },
    });
    expect(words.statusCode).toBe(201);
    expect(words.json().progressToTarget).toBeNull();
  });

  it('changes with If-Match and refuses a stale one', async () => {
    const indicator = (
      await post(`/plan-items/${itemId}/indicators`, {
        kind: 'quantitative',
        name: { en: 'Seminars' },
        target: { value: 3 },
      })
    ).json();
    const url = `/api/v1/indicators/${indicator.id}`;
    const ok = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...coordinator.headers, 'if-match': '"1"' },
      payload: { target: { value: 5, year: 2027 } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().target).toEqual({ value: 5, year: 2027 });
    const stale = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...coordinator.headers, 'if-match': '"1"' },
      payload: { unit: 'events' },
    });
    expect(stale.statusCode).toBe(412);
    const missing = await t.inject({
      method: 'PATCH',
      url,
      headers: coordinator.headers,
      payload: { unit: 'events' },
    });
    expect(missing.statusCode).toBe(428);
  });

  it('follows the plan item: who may not change the item may not change its indicators', async () => {
    const viewer = await t.signIn('viewer');
    const res = await post(
      `/plan-items/${itemId}/indicators`,
      { kind: 'qualitative', name: { en: 'x' } },
      viewer.headers,
    );
    expect(res.statusCode).toBe(403);
    const missing = await post('/plan-items/0192d7a0-7c1e-7000-8000-000000000000/indicators', {
      kind: 'qualitative',
      name: { en: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });
});
