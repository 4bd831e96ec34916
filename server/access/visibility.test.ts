import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';
import { setClearance } from '../test/clearances.js';
import { deployment } from '../test/partner.js';

describe.each(testDatabases)('the visibility filter on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let restrictedId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('administrator');
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/timeline-events',
      headers: admin.headers,
      payload: {
        when: { date: '2026-02-01', precision: 'day' },
        category: 'drg',
        title: { en: 'Internal planning meeting' },
        sources: [{ citation: 'Minutes' }],
        label: {
          policy: 'NATO',
          level: 'NATO_UNCLASSIFIED',
          releasableTo: [deployment.nation, 'NATO'],
        },
      },
    });
    expect(res.statusCode).toBe(201);
    restrictedId = res.json().id;
  });
  afterAll(() => t.close());

  it('hides a NATO UNCLASSIFIED record from anonymous visitors in lists, totals and detail', async () => {
    const anonymous = await t.inject({
      method: 'GET',
      url: '/api/v1/timeline-events?pageSize=200',
    });
    const signedIn = await t.inject({
      method: 'GET',
      url: '/api/v1/timeline-events?pageSize=200',
      headers: admin.headers,
    });
    expect(signedIn.json().total).toBe(anonymous.json().total + 1);
    expect(anonymous.json().items.map((e: { id: string }) => e.id)).not.toContain(restrictedId);

    const detail = await t.inject({
      method: 'GET',
      url: `/api/v1/timeline-events/${restrictedId}`,
    });
    const missing = await t.inject({
      method: 'GET',
      url: '/api/v1/timeline-events/0192d7a0-7c1e-7000-8000-000000000000',
    });
    expect(detail.statusCode).toBe(404);
    expect(detail.json().error.code).toBe(missing.json().error.code);
    expect(detail.json().error.message).toBe(missing.json().error.message);

    const filtered = await t.inject({
      method: 'GET',
      url: '/api/v1/timeline-events?q=Internal%20planning',
    });
    expect(filtered.json().total).toBe(0);
  });

  it('forbids marking a record above one’s own clearance, and audits the attempt', async () => {
    const me = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.headers })
    ).json();
    const lowered = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: {
        clearances: [{ policy: deployment.nationalPolicy, level: deployment.nationalLevel }],
      },
    });
    expect(lowered.statusCode).toBe(200);
    try {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/timeline-events',
        headers: admin.headers,
        payload: {
          when: { date: '2026', precision: 'year' },
          category: 'other',
          title: { en: 'Above my clearance' },
          sources: [{ citation: 'n/a' }],
          label: { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: [deployment.nation] },
        },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('clearance');
      const denied = await t.db.kysely
        .selectFrom('audit_log')
        .select('after_state')
        .where('action', '=', 'access.denied')
        .where('actor_id', '=', me.user.id)
        .execute();
      expect(denied.map((d) => JSON.parse(d.after_state!).path)).toContain(
        '/api/v1/timeline-events',
      );
    } finally {
      await setClearance(t.db.kysely, me.user, 'NATO', 1);
    }
  });

  it('refuses a label marked both NATO UNCLASSIFIED and releasable to the public', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/timeline-events',
      headers: admin.headers,
      payload: {
        when: { date: '2026', precision: 'year' },
        category: 'other',
        title: { en: 'Contradictory label' },
        sources: [{ citation: 'n/a' }],
        label: { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['PUBLIC'] },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.field).toBe('label.releasableTo');
  });
});
