import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { deployment } from '../../test/partner.js';

describe.each(testDatabases)('user administration on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('administrator');
    coordinator = await t.signIn('coordinator');
  });
  afterAll(() => t.close());

  const orgId = async () =>
    (await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=1' })).json().items[0]
      ?.id as string;

  it('is for administrators only', async () => {
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/users', headers: coordinator.headers }))
        .statusCode,
    ).toBe(403);
    expect((await t.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('creates an account with a one-time password the new user can sign in with', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'Mila@Example.test',
        displayName: 'Mila',
        role: 'editor',
        nation: deployment.nation,
        clearances: [
          { policy: 'NATO', level: 'NATO_UNCLASSIFIED' },
          { policy: deployment.nationalPolicy, level: deployment.nationalHigherLevel },
        ],
        currentPassword: admin.password,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      email: 'mila@example.test',
      role: 'editor',
      nation: deployment.nation,
      clearances: [
        { policy: 'NATO', level: 'NATO_UNCLASSIFIED', rank: 1 },
        { policy: deployment.nationalPolicy, level: deployment.nationalHigherLevel, rank: 2 },
      ],
      mustChangePassword: true,
    });
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'mila@example.test', password: res.json().oneTimePassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);

    const created = await t.db.kysely
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'user.create')
      .where('entity_id', '=', res.json().user.id)
      .executeTakeFirstOrThrow();
    const adminId = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.headers })
    ).json().user.id;
    expect(created.actor_id).toBe(adminId);

    const duplicate = await t.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'mila@example.test',
        displayName: 'Again',
        role: 'viewer',
        currentPassword: admin.password,
      },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('refuses unknown organisations without creating the account', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'ghost@example.test',
        displayName: 'Ghost',
        role: 'viewer',
        organisationIds: ['0192d7a0-7c1e-7000-8000-000000000000'],
        currentPassword: admin.password,
      },
    });
    expect(res.statusCode).toBe(422);
    const list = await t.inject({
      method: 'GET',
      url: '/api/v1/users?q=ghost',
      headers: admin.headers,
    });
    expect(list.json().total).toBe(0);
  });

  it('changes role, clearances and organisations with If-Match, and disabling ends the sessions', async () => {
    const victim = await t.signIn('viewer');
    const users = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/users?q=${encodeURIComponent(victim.email)}`,
        headers: admin.headers,
      })
    ).json();
    const user = users.items[0];
    const url = `/api/v1/users/${user.id}`;
    const etag = (await t.inject({ method: 'GET', url, headers: admin.headers })).headers
      .etag as string;
    const organisation = await orgId();
    const changed = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': etag },
      payload: {
        role: 'contributor',
        clearances: [{ policy: 'NATO', level: 'NATO_RESTRICTED' }],
        organisationIds: [organisation],
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      role: 'contributor',
      clearances: [{ policy: 'NATO', level: 'NATO_RESTRICTED', rank: 2 }],
      organisationIds: [organisation],
      version: 2,
    });
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: victim.headers });
    expect(me.json().user).toMatchObject({ role: 'contributor', organisationIds: [organisation] });

    const disabled = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': changed.headers.etag as string },
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: victim.headers }))
        .statusCode,
    ).toBe(401);
  });

  it('will not let the last administrator step down', async () => {
    const fresh = await startTestApp(kind, { seed: false });
    try {
      const only = await fresh.signIn('administrator');
      const me = (
        await fresh.inject({ method: 'GET', url: '/api/v1/auth/me', headers: only.headers })
      ).json();
      const res = await fresh.inject({
        method: 'PATCH',
        url: `/api/v1/users/${me.user.id}`,
        headers: { ...only.headers, 'if-match': '*' },
        payload: { role: 'viewer' },
      });
      expect(res.statusCode).toBe(409);
    } finally {
      await fresh.close();
    }
  });

  it('grants need-to-know on one record, which then becomes readable, and revokes it', async () => {
    // A record owned by an organisation the reader does not belong to, not public. Its author
    // must be able to read it, so the author works in that organisation.
    const organisation = await orgId();
    const author = await t.signIn('coordinator');
    const noNeedToKnow = {
      when: { date: '2026-06-01', precision: 'day' },
      category: 'parp',
      title: { en: 'Draft assessment talks' },
      sources: [{ citation: 'Internal note' }],
      label: {
        policy: 'NATO',
        level: 'NATO_UNCLASSIFIED',
        releasableTo: [deployment.nation],
        originatorId: organisation,
      },
    };
    const refused = await t.inject({
      method: 'POST',
      url: '/api/v1/timeline-events',
      headers: author.headers,
      payload: noNeedToKnow,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.field).toBe('label');
    const authorId = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: author.headers })
    ).json().user.id;
    const membership = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${authorId}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { organisationIds: [organisation] },
    });
    expect(membership.statusCode).toBe(200);
    // An administrator grants only on what it can read itself: it works there too.
    const adminId = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.headers })
    ).json().user.id;
    const adminMembership = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${adminId}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { organisationIds: [organisation] },
    });
    expect(adminMembership.statusCode).toBe(200);
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/timeline-events',
      headers: author.headers,
      payload: noNeedToKnow,
    });
    expect(created.statusCode).toBe(201);
    const eventUrl = `/api/v1/timeline-events/${created.json().id}`;
    const reader = await t.signIn('viewer');
    expect(
      (await t.inject({ method: 'GET', url: eventUrl, headers: reader.headers })).statusCode,
    ).toBe(404);

    const readerId = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: reader.headers })
    ).json().user.id;
    const grant = await t.inject({
      method: 'POST',
      url: `/api/v1/users/${readerId}/grants`,
      headers: admin.headers,
      payload: {
        entityType: 'timeline_event',
        entityId: created.json().id,
        note: 'PARP working group',
      },
    });
    expect(grant.statusCode).toBe(201);
    expect(
      (await t.inject({ method: 'GET', url: eventUrl, headers: reader.headers })).statusCode,
    ).toBe(200);

    const grantUrl = `/api/v1/grants/${grant.json().id}`;
    expect(grant.json().version).toBe(1);
    const withoutIfMatch = await t.inject({
      method: 'DELETE',
      url: grantUrl,
      headers: admin.headers,
    });
    expect(withoutIfMatch.statusCode).toBe(428);
    const stale = await t.inject({
      method: 'DELETE',
      url: grantUrl,
      headers: { ...admin.headers, 'if-match': '"2"' },
    });
    expect(stale.statusCode).toBe(412);
    const revoked = await t.inject({
      method: 'DELETE',
      url: grantUrl,
      headers: { ...admin.headers, 'if-match': `"${grant.json().version}"` },
    });
    expect(revoked.statusCode).toBe(204);
    expect(
      (await t.inject({ method: 'GET', url: eventUrl, headers: reader.headers })).statusCode,
    ).toBe(404);
  });
});
