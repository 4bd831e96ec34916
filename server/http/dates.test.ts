/**
 * Every date field goes through one parser (core/schemas/common.ts dateSchema on
 * core/dates/partial-date.ts): an impossible date is a 400 naming the field, never a stored value
 * that later answers 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';

describe.each(testDatabases)('impossible dates on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    const plans = await t.inject({
      method: 'GET',
      url: '/api/v1/plans',
      headers: coordinator.headers,
    });
    planId = (plans.json().items as { id: string }[])[0]!.id;
  });
  afterAll(() => t.close());

  /** A dated item of the test's own (February to December 2015), with its ETag. */
  const newItem = async () => {
    const item = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: { planId, title: { en: 'Dated activity' }, startOn: '2015-02', dueOn: '2015-12' },
    });
    expect(item.statusCode, item.body).toBe(201);
    return { itemId: item.json().id as string, itemEtag: item.headers.etag as string };
  };

  const fieldOf = (body: string) =>
    (JSON.parse(body) as { error: { details: { issues: { field: string }[] } } }).error.details
      .issues[0]?.field;

  it('refuses 30 February as a start, with or without a due date, naming startOn', async () => {
    const { itemId, itemEtag } = await newItem();
    for (const extra of [{ dueOn: '2015-12-31' }, {}]) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/plan-items',
        headers: coordinator.headers,
        payload: { planId, title: { en: 'Impossible start' }, startOn: '2015-02-30', ...extra },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldOf(res.body)).toBe('startOn');
    }
    for (const startOn of ['2015-13', '2015-02-29', '2015-04-31']) {
      const res = await t.inject({
        method: 'PATCH',
        url: `/api/v1/plan-items/${itemId}`,
        headers: { ...coordinator.headers, 'if-match': itemEtag },
        payload: { startOn },
      });
      expect(res.statusCode, startOn).toBe(400);
      expect(fieldOf(res.body)).toBe('startOn');
    }
    // Nothing was stored; the item still reads.
    const read = await t.inject({
      method: 'GET',
      url: `/api/v1/plan-items/${itemId}`,
      headers: coordinator.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ startOn: '2015-02', dueOn: '2015-12' });
  });

  it('accepts 29 February in a leap year', async () => {
    const { itemId, itemEtag } = await newItem();
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/v1/plan-items/${itemId}`,
      headers: { ...coordinator.headers, 'if-match': itemEtag },
      payload: { startOn: '2016-02-29', dueOn: '2016-12' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().startOn).toBe('2016-02-29');
    const read = await t.inject({
      method: 'GET',
      url: `/api/v1/plan-items/${itemId}`,
      headers: coordinator.headers,
    });
    expect(read.json()).toMatchObject({ startOn: '2016-02-29', dueOn: '2016-12' });
  });

  it('refuses impossible days in reporting periods and in the as-of view', async () => {
    const period = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/periods`,
      headers: coordinator.headers,
      payload: { kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-02-30', title: 'Q1' },
    });
    expect(period.statusCode).toBe(400);
    expect(fieldOf(period.body)).toBe('endsOn');
    const asOf = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/tree?asOf=2015-02-29`,
      headers: coordinator.headers,
    });
    expect(asOf.statusCode).toBe(400);
    expect(fieldOf(asOf.body)).toBe('asOf');
  });
});
