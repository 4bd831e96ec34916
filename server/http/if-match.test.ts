import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';
import { changesExistingRecord, IF_MATCH_EXEMPT, requiresIfMatch } from './if-match.js';
import { registeredRoutes } from './route-registry.js';

const RANDOM_ID = '0192d7a0-7c1e-7000-8000-000000000000';

describe('which routes need If-Match', () => {
  it('is every PATCH, PUT, DELETE and POST to an action on a record', () => {
    expect(changesExistingRecord('PATCH', '/api/v1/plans/:id')).toBe(true);
    expect(changesExistingRecord('DELETE', '/api/v1/grants/:id')).toBe(true);
    expect(changesExistingRecord('POST', '/api/v1/reports/:id/approve')).toBe(true);
    expect(changesExistingRecord('POST', '/api/v1/plans')).toBe(false);
    expect(changesExistingRecord('POST', '/api/v1/auth/logout')).toBe(false);
    expect(changesExistingRecord('GET', '/api/v1/plans/:id/items')).toBe(false);
    expect(requiresIfMatch('POST', '/api/v1/plans/:id/restore')).toBe(false);
  });
});

describe.each(testDatabases)('If-Match on every change to an existing record on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
  });
  afterAll(() => t.close());

  it('lists only real routes as exempt, each with a reason', () => {
    const keys = registeredRoutes(t.app).map((route) => route.key);
    for (const [key, reason] of Object.entries(IF_MATCH_EXEMPT)) {
      expect(keys, key).toContain(key);
      const [method, url] = key.split(' ') as [string, string];
      expect(changesExistingRecord(method, url), key).toBe(true);
      expect(reason.length).toBeGreaterThan(10);
    }
  });

  it('answers 428 without If-Match on every such route, whatever the body', async () => {
    const routes = registeredRoutes(t.app).filter((r) => requiresIfMatch(r.method, r.url));
    // The walk covers the findings of issue 8 and the generic write routes.
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'DELETE /api/v1/grants/:id',
        'DELETE /api/v1/auth/tokens/:id',
        'POST /api/v1/periods/:id/lock',
        'POST /api/v1/reports/:id/submit',
        'POST /api/v1/reports/:id/approve',
        'POST /api/v1/reports/:id/return',
        'POST /api/v1/users/:id/reset-password',
        'PATCH /api/v1/plans/:id',
        'DELETE /api/v1/plan-items/:id',
      ]),
    );
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, RANDOM_ID);
      const res = await t.inject({
        method: route.method as 'PATCH',
        url,
        headers: admin.headers,
        payload: {},
      });
      expect(res.statusCode, `${route.key}: ${res.body}`).toBe(428);
      expect(res.json().error.code).toBe('precondition_required');
    }
  });
  it('revokes a grant only with If-Match: 428 without, 412 with another version', async () => {
    const organisation = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin.headers,
      payload: { kind: 'other', side: 'other', nation: deployment.nation, name: { en: 'Granted' } },
    });
    expect(organisation.statusCode, organisation.body).toBe(201);
    const viewer = await t.signIn('viewer');
    const viewerId = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: viewer.headers })
    ).json().user.id as string;
    const grant = await t.inject({
      method: 'POST',
      url: `/api/v1/users/${viewerId}/grants`,
      headers: admin.headers,
      payload: { entityType: 'organisation', entityId: organisation.json().id },
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(grant.json().version).toBe(1);
    const url = `/api/v1/grants/${grant.json().id}`;
    const revoke = (ifMatch?: string) =>
      t.inject({
        method: 'DELETE',
        url,
        headers: ifMatch ? { ...admin.headers, 'if-match': ifMatch } : admin.headers,
      });
    expect((await revoke()).statusCode).toBe(428);
    expect((await revoke('"2"')).statusCode).toBe(412);
    const grants = async () =>
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/users/${viewerId}/grants`,
          headers: admin.headers,
        })
      ).json().items as unknown[];
    expect(await grants()).toHaveLength(1);
    expect((await revoke(`"${grant.json().version}"`)).statusCode).toBe(204);
    expect(await grants()).toHaveLength(0);
  });
});
