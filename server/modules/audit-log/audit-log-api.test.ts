import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(testDatabases)('the audit log API on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
  });
  afterAll(() => t.close());

  it('records refused mutations: anonymous, wrong role and a forged CSRF token', async () => {
    const viewer = await t.signIn('viewer');
    const payload = { kind: 'other', side: 'other', nation: 'RS', name: { en: 'Refused' } };
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/organisations', payload })).statusCode,
    ).toBe(401);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/organisations',
          headers: viewer.headers,
          payload,
        })
      ).statusCode,
    ).toBe(403);
    const forged = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...admin.headers, 'x-csrf-token': 'forged' },
      payload,
    });
    expect(forged.statusCode).toBe(403);

    const denied = await t.inject({
      method: 'GET',
      url: '/api/v1/audit-log?action=access.denied',
      headers: admin.headers,
    });
    expect(denied.statusCode).toBe(200);
    const codes = denied.json().items.map((e: { after: { code: string } }) => e.after.code);
    expect(codes).toEqual(expect.arrayContaining(['unauthenticated', 'forbidden', 'csrf_failed']));
    // None of the three refused attempts created anything (other tests' organisations aside).
    const refused = await t.db.kysely
      .selectFrom('organisations')
      .select('id')
      .where('name_en', '=', 'Refused')
      .execute();
    expect(refused).toHaveLength(0);
  });

  it('lists entries newest first, filtered by action and actor, and refuses non-administrators', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/audit-log?action=auth.&pageSize=5',
      headers: admin.headers,
    });
    const items = res.json().items as { seq: number; action: string }[];
    expect(items.every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    const viewer = await t.signIn('viewer');
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/audit-log', headers: viewer.headers }))
        .statusCode,
    ).toBe(403);
  });

  it('filters by one action exactly, by a family of actions, by who, by record type and by period', async () => {
    // A failed sign-in and a good one by the same person: "auth.login" is the good one only.
    const editor = await t.signIn('editor');
    const me = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers })
    ).json().user;
    const failed = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.email, password: 'not the password at all' },
    });
    expect(failed.statusCode).toBe(401);
    const list = async (query: string) => {
      const res = await t.inject({
        method: 'GET',
        url: `/api/v1/audit-log?pageSize=200&${query}`,
        headers: admin.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { action: string; actorId: string | null; entityType: string }[];
    };
    const logins = await list('action=auth.login');
    expect(logins.length).toBeGreaterThan(0);
    expect(new Set(logins.map((e) => e.action))).toEqual(new Set(['auth.login']));
    const family = new Set((await list('action=auth.')).map((e) => e.action));
    expect([...family]).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
    // "_" is no wildcard: "aut_." is no family of "auth." actions.
    expect(await list('action=aut_.')).toEqual([]);

    const byEditor = await list(`actorId=${me.id}`);
    expect(byEditor.length).toBeGreaterThan(0);
    expect(byEditor.every((e) => e.actorId === me.id)).toBe(true);
    const users = await list('entityType=user');
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((e) => e.entityType === 'user')).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await list(`from=${yesterday}&to=${tomorrow}`)).length).toBeGreaterThan(0);
    expect(await list(`from=${tomorrow}`)).toEqual([]);
    expect(await list(`to=${yesterday}`)).toEqual([]);
    expect((await list(`from=${today}&to=${today}&action=auth.login`)).length).toBe(logins.length);
    // Free text that is no action or record type is refused, naming the field.
    const bad = await t.inject({
      method: 'GET',
      url: '/api/v1/audit-log?action=%25',
      headers: admin.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('action');
  });

  it('withholds the content of entries about records the administrator may not read', async () => {
    const organisation = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin.headers,
      payload: { kind: 'ministry', side: 'partner', nation: 'RS', name: { en: 'Owning ministry' } },
    });
    const author = await t.signIn('coordinator');
    const authorId = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: author.headers })
    ).json().user.id;
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${authorId}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { organisationIds: [organisation.json().id] },
    });
    const secret = await t.inject({
      method: 'POST',
      url: '/api/v1/timeline-events',
      headers: author.headers,
      payload: {
        when: { date: '2026-05', precision: 'month' },
        category: 'drg',
        title: { en: 'Need-to-know planning note' },
        sources: [{ citation: 'Internal' }],
        label: {
          policy: 'NATO',
          level: 'NATO_UNCLASSIFIED',
          releasableTo: ['RS'],
          originatorId: organisation.json().id,
        },
      },
    });
    expect(secret.statusCode).toBe(201);
    // Listed, marked withheld, without the record's id or content; asking for the record's entries
    // answers as for an unknown id.
    const entries = await t.inject({
      method: 'GET',
      url: '/api/v1/audit-log?action=timeline_event.create&pageSize=1',
      headers: admin.headers,
    });
    const [entry] = entries.json().items;
    expect(entry).toMatchObject({
      action: 'timeline_event.create',
      entityType: 'timeline_event',
      entityId: null,
      redacted: true,
      before: null,
      after: null,
    });
    const byId = await t.inject({
      method: 'GET',
      url: `/api/v1/audit-log?entityId=${secret.json().id}`,
      headers: admin.headers,
    });
    expect(byId.json()).toMatchObject({ items: [], total: 0 });
    expect(JSON.stringify(entries.json())).not.toContain(secret.json().id);
    expect(JSON.stringify(entries.json())).not.toContain('Need-to-know planning note');
  });

  it('exports the chain head and detects a truncation against it', async () => {
    const head = (
      await t.inject({ method: 'GET', url: '/api/v1/audit-log/head', headers: admin.headers })
    ).json();
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    const verify = (query: string) =>
      t.inject({ method: 'GET', url: `/api/v1/audit-log/verify?${query}`, headers: admin.headers });
    expect((await verify(`seq=${head.seq}&hash=${head.hash}`)).json()).toMatchObject({
      ok: true,
      matchesExpectedHead: true,
    });

    // Cut the newest entries: the rest of the chain is still consistent, but the kept head is gone.
    await sql`delete from audit_log where seq >= ${head.seq - 1}`.execute(t.db.kysely);
    const after = (await verify(`seq=${head.seq}&hash=${head.hash}`)).json();
    expect(after.ok).toBe(true);
    expect(after.matchesExpectedHead).toBe(false);
  });
});
