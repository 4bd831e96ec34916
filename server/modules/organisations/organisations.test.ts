import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

async function auditEntries(t: TestApp, entityId: string) {
  return t.db.kysely
    .selectFrom('audit_log')
    .select(['action', 'actor_name'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

describe.each(testDatabases)('organisations on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let viewer: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('administrator');
    viewer = await t.signIn('viewer');
  });
  afterAll(() => t.close());

  const create = (session: Session, payload: unknown) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: session.headers,
      // Public by choice (an organisation without a label is not public).
      payload: { label: PUBLIC, ...(payload as object) },
    });

  it('lists the reference organisations with a total, filters and sort', async () => {
    const all = await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=200' });
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.total).toBe(body.items.length);
    expect(body.total).toBeGreaterThanOrEqual(15);

    const nato = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations?side=nato&pageSize=200',
    });
    expect(nato.json().items.every((o: { side: string }) => o.side === 'nato')).toBe(true);
    expect(nato.json().total).toBeLessThan(body.total);

    const page = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations?pageSize=2&page=2&sort=name&order=desc',
    });
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBe(body.total);
  });

  it('finds an organisation whatever script or diacritics the query uses', async () => {
    for (const q of ['одбран', 'odbran', 'Defence']) {
      const res = await t.inject({
        method: 'GET',
        url: `/api/v1/organisations?q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBeGreaterThan(0);
    }
    const none = await t.inject({ method: 'GET', url: '/api/v1/organisations?q=%25%25%25' });
    expect(none.json().total).toBe(0);
  });

  it('answers a missing organisation with 404 in the error shape', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations/0192d7a0-7c1e-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('requires a signed-in user with the right role to create', async () => {
    const payload = {
      kind: 'ministry_unit',
      side: 'partner',
      nation: 'RS',
      name: { en: 'Test unit' },
    };
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/organisations', payload })).statusCode,
    ).toBe(401);
    expect((await create(viewer, payload)).statusCode).toBe(403);
  });

  it('refuses a mutation from a signed-in browser without the CSRF token', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: admin.headers.cookie! },
      payload: { kind: 'other', side: 'other', nation: 'RS', name: { en: 'No token' } },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('creates, changes with If-Match, deletes and restores, auditing each step', async () => {
    const created = await create(admin, {
      kind: 'ministry_unit',
      side: 'partner',
      nation: 'RS',
      name: { en: 'Department for Test Cooperation', sr: 'Одељење за тест сарадњу' },
      abbreviation: { en: 'DTC' },
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(created.headers.location).toBe(`/api/v1/organisations/${org.id}`);
    expect(org.version).toBe(1);
    expect(org.abilities).toEqual({ update: true, delete: true });

    const read = await t.inject({ method: 'GET', url: `/api/v1/organisations/${org.id}` });
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^"1-/);
    const notModified = await t.inject({
      method: 'GET',
      url: `/api/v1/organisations/${org.id}`,
      headers: { 'if-none-match': etag },
    });
    expect(notModified.statusCode).toBe(304);

    const url = `/api/v1/organisations/${org.id}`;
    const noIfMatch = await t.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { website: 'https://example.org' },
    });
    expect(noIfMatch.statusCode).toBe(428);

    const changed = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': etag },
      payload: { website: 'https://example.org' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      version: 2,
      website: 'https://example.org',
      name: { en: 'Department for Test Cooperation' },
    });

    const stale = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': etag },
      payload: { website: null },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.details.currentVersion).toBe(2);
    expect((await t.inject({ method: 'GET', url })).json().website).toBe('https://example.org');

    const removed = await t.inject({
      method: 'DELETE',
      url,
      headers: { ...admin.headers, 'if-match': changed.headers.etag as string },
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.inject({ method: 'GET', url })).statusCode).toBe(404);

    const restored = await t.inject({
      method: 'POST',
      url: `${url}/restore`,
      headers: admin.headers,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().version).toBe(4);

    expect((await auditEntries(t, org.id)).map((e) => e.action)).toEqual([
      'organisation.create',
      'organisation.update',
      'organisation.delete',
      'organisation.restore',
    ]);
  });

  it('names the field when the input is wrong, and writes nothing', async () => {
    const before = (
      await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=1' })
    ).json().total;
    const noName = await create(admin, {
      kind: 'ministry',
      side: 'partner',
      nation: 'RS',
      name: {},
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details.issues[0].field).toBe('name');

    const unknownField = await create(admin, {
      kind: 'ministry',
      side: 'partner',
      nation: 'RS',
      name: { en: 'X' },
      colour: 'red',
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.message).toContain('colour');

    const badKind = await create(admin, {
      kind: 'castle',
      side: 'partner',
      nation: 'RS',
      name: { en: 'X' },
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.details.issues[0].field).toBe('kind');

    const secret = await create(admin, {
      kind: 'ministry',
      side: 'partner',
      nation: 'RS',
      name: { en: 'Too secret' },
      label: { policy: 'NATO', level: 'NATO_SECRET', releasableTo: ['RS'] },
    });
    expect(secret.statusCode).toBe(422);
    expect(secret.json().error.message).toContain('not accredited');

    const missingParent = await create(admin, {
      kind: 'ministry',
      side: 'partner',
      nation: 'RS',
      name: { en: 'Orphan' },
      parentId: '0192d7a0-7c1e-7000-8000-000000000000',
    });
    expect(missingParent.statusCode).toBe(422);
    expect(missingParent.json().error.details.field).toBe('parentId');

    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=1' })).json().total,
    ).toBe(before);
  });

  it('lets an editor change only the organisations they work in, and says so in the abilities', async () => {
    const all = (await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=2' })).json()
      .items;
    const [own, other] = all as { id: string }[];
    const editor = await t.signIn('editor');
    const me = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers })
    ).json();
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { organisationIds: [own!.id] },
    });
    const ownView = await t.inject({
      method: 'GET',
      url: `/api/v1/organisations/${own!.id}`,
      headers: editor.headers,
    });
    expect(ownView.json().abilities).toEqual({ update: true, delete: false });
    const otherView = await t.inject({
      method: 'GET',
      url: `/api/v1/organisations/${other!.id}`,
      headers: editor.headers,
    });
    expect(otherView.json().abilities).toEqual({ update: false, delete: false });

    const change = (id: string) =>
      t.inject({
        method: 'PATCH',
        url: `/api/v1/organisations/${id}`,
        headers: { ...editor.headers, 'if-match': '*' },
        payload: { website: 'https://example.org/unit' },
      });
    expect((await change(own!.id)).statusCode).toBe(200);
    expect((await change(other!.id)).statusCode).toBe(403);
  });

  it('refuses to make an organisation its own ancestor', async () => {
    const parent = (
      await create(admin, {
        kind: 'ministry',
        side: 'partner',
        nation: 'RS',
        name: { en: 'Parent' },
      })
    ).json();
    const child = (
      await create(admin, {
        kind: 'ministry_unit',
        side: 'partner',
        nation: 'RS',
        name: { en: 'Child' },
        parentId: parent.id,
      })
    ).json();
    const loop = await t.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${parent.id}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { parentId: child.id },
    });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().error.details.field).toBe('parentId');

    const parentDelete = await t.inject({
      method: 'DELETE',
      url: `/api/v1/organisations/${parent.id}`,
      headers: { ...admin.headers, 'if-match': '*' },
    });
    expect(parentDelete.statusCode).toBe(409);
  });

  it('lets exactly one of many concurrent changes with the same If-Match win, and never answers 5xx', async () => {
    const org = (
      await create(admin, {
        kind: 'ministry',
        side: 'partner',
        nation: 'RS',
        name: { en: 'Contended' },
      })
    ).json();
    const etag = (await t.inject({ method: 'GET', url: `/api/v1/organisations/${org.id}` })).headers
      .etag as string;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.inject({
          method: 'PATCH',
          url: `/api/v1/organisations/${org.id}`,
          headers: { ...admin.headers, 'if-match': etag },
          payload: { description: { en: `writer ${i}` } },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(11);

    const creates = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        create(admin, {
          kind: 'other',
          side: 'other',
          nation: 'RS',
          name: { en: `Parallel ${i}` },
        }),
      ),
    );
    expect(creates.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
  });
});
