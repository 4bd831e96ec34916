/**
 * Clearances are data: one row per marking policy, given as {policy, level} and checked against the
 * deployment's marking tables; the read filter follows whatever the user holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { deployment } from '../../test/partner.js';

describe.each(testDatabases)('clearances per marking policy on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
  });
  afterAll(() => t.close());

  let counter = 0;
  /** Every address createUser has tried, in order. */
  const tried: string[] = [];
  async function createUser(extra: Record<string, unknown>) {
    counter += 1;
    const email = `clearance.${counter}@example.test`;
    tried.push(email);
    return t.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email,
        displayName: `Reader ${counter}`,
        role: 'viewer',
        currentPassword: admin.password,
        ...extra,
      },
    });
  }

  it('gives a new account the partner nation and each policy’s highest level the deployment holds', async () => {
    const res = await createUser({});
    expect(res.statusCode).toBe(201);
    const user = res.json().user;
    expect(user.nation).toBe(deployment.nation);
    expect(user.clearances).toEqual(
      expect.arrayContaining([
        { policy: 'NATO', level: 'NATO_UNCLASSIFIED', rank: 1 },
        { policy: deployment.nationalPolicy, level: deployment.nationalLevel, rank: 1 },
      ]),
    );
    expect(user.clearances).toHaveLength(2);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select('after_state')
      .where('action', '=', 'user.create')
      .where('entity_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_state!)).toMatchObject({
      nation: deployment.nation,
      clearances: expect.arrayContaining([{ policy: 'NATO', level: 'NATO_UNCLASSIFIED' }]),
    });
  });

  it('refuses a policy or level the marking tables do not have, naming the field', async () => {
    const from = tried.length;
    const policy = await createUser({ clearances: [{ policy: 'ZZ', level: 'ANY' }] });
    expect(policy.statusCode).toBe(422);
    expect(policy.json().error.details.field).toBe('clearances.0.policy');
    const level = await createUser({
      clearances: [
        { policy: 'NATO', level: 'NATO_UNCLASSIFIED' },
        { policy: deployment.nationalPolicy, level: 'NATO_UNCLASSIFIED' },
      ],
    });
    expect(level.statusCode).toBe(422);
    expect(level.json().error.details.field).toBe('clearances.1.level');
    const twice = await createUser({
      clearances: [
        { policy: 'NATO', level: 'NATO_UNCLASSIFIED' },
        { policy: 'NATO', level: 'PUBLIC' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    // None of the refused accounts exists.
    const refused = tried.slice(from);
    expect(refused).toHaveLength(3);
    const users = await t.db.kysely
      .selectFrom('users')
      .select('email')
      .where('email', 'in', refused)
      .execute();
    expect(users).toEqual([]);
    // The same request with valid clearances is accepted: the refusals were about the clearances.
    const valid = await createUser({
      clearances: [{ policy: deployment.nationalPolicy, level: deployment.nationalLevel }],
    });
    expect(valid.statusCode, valid.body).toBe(201);
  });

  it('reads through the clearances the user holds now, per policy', async () => {
    const email = `national.reader@example.test`;
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email,
        displayName: 'National reader',
        role: 'viewer',
        currentPassword: admin.password,
        clearances: [{ policy: deployment.nationalPolicy, level: deployment.nationalLevel }],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().user.id as string;
    // The account must change its one-time password before it may read.
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: created.json().oneTimePassword },
    });
    const cookie = login.cookies.find((c) => c.name === 'liaison_session')!.value;
    const csrf = login.json().csrfToken as string;
    const newPassword = `a fresh national passphrase ${counter}`;
    const changed = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: `liaison_session=${cookie}`, 'x-csrf-token': csrf },
      payload: { currentPassword: created.json().oneTimePassword, newPassword },
    });
    expect(changed.statusCode).toBeLessThan(300);
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: newPassword },
    });
    const headers = {
      cookie: `liaison_session=${again.cookies.find((c) => c.name === 'liaison_session')!.value}`,
    };
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json().user.clearances).toEqual({ [deployment.nationalPolicy]: 1 });

    const national = await t.inject({
      method: 'POST',
      url: '/api/v1/timeline-events',
      headers: admin.headers,
      payload: {
        when: { date: '2026', precision: 'year' },
        category: 'other',
        title: { en: 'Marked in the national policy' },
        sources: [{ citation: 'n/a' }],
        label: {
          policy: deployment.nationalPolicy,
          level: deployment.nationalLevel,
          releasableTo: [deployment.nation],
        },
      },
    });
    expect(national.statusCode).toBe(201);
    const nato = await t.inject({
      method: 'POST',
      url: '/api/v1/timeline-events',
      headers: admin.headers,
      payload: {
        when: { date: '2026', precision: 'year' },
        category: 'other',
        title: { en: 'Marked NATO UNCLASSIFIED' },
        sources: [{ citation: 'n/a' }],
        label: { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: [deployment.nation] },
      },
    });
    expect(nato.statusCode).toBe(201);
    const read = async (recordId: string) =>
      (await t.inject({ method: 'GET', url: `/api/v1/timeline-events/${recordId}`, headers }))
        .statusCode;
    expect(await read(national.json().id)).toBe(200);
    expect(await read(nato.json().id)).toBe(404);

    const etag = (
      await t.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers: admin.headers })
    ).headers.etag as string;
    const swapped = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { ...admin.headers, 'if-match': etag },
      payload: { clearances: [{ policy: 'NATO', level: 'NATO_UNCLASSIFIED' }] },
    });
    expect(swapped.statusCode).toBe(200);
    expect(swapped.json().clearances).toEqual([
      { policy: 'NATO', level: 'NATO_UNCLASSIFIED', rank: 1 },
    ]);
    expect(await read(national.json().id)).toBe(404);
    expect(await read(nato.json().id)).toBe(200);
    const rows = await t.db.kysely
      .selectFrom('user_clearances')
      .select(['policy_code', 'rank'])
      .where('user_id', '=', id)
      .execute();
    expect(rows).toEqual([{ policy_code: 'NATO', rank: 1 }]);
  });
});
