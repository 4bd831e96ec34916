import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';
import { setClearance } from '../test/clearances.js';
import { findAccessToken } from './api-tokens.js';
import { findSession, SESSION_COOKIE } from './sessions.js';

const INVALID = {
  error: { code: 'unauthenticated', message: 'The access token is not valid or has expired.' },
};

describe.each(testDatabases)('personal access tokens on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let viewer: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
    viewer = await t.signIn('viewer');
  });
  afterAll(() => t.close());

  async function createToken(session: Session, payload: object = {}) {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: session.headers,
      payload: {
        name: 'Reporting sync',
        scopes: ['read', 'write'],
        expiresInDays: 30,
        currentPassword: session.password,
        ...payload,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      version: number;
      token: string;
      prefix: string;
      scopes: string[];
    };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const createOrganisation = (headers: Record<string, string>, name: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers,
      payload: { kind: 'other', side: 'other', nation: 'RS', name: { en: name } },
    });

  it('issues a token once, stores only its sha256, and lists it without any secret', async () => {
    const before = Date.now();
    const created = await createToken(admin, { name: '  Reporting sync  ', expiresInDays: 366 });
    expect(created).toMatchObject({
      name: 'Reporting sync',
      scopes: ['read', 'write'],
      status: 'active',
      revokedAt: null,
    });
    expect(created.token).toMatch(/^lsn_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 8));
    const expiresAt = Date.parse((created as unknown as { expiresAt: string }).expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(366 * 86_400_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(366 * 86_400_000);

    const stored = await t.db.kysely
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const list = await t.inject({
      method: 'GET',
      url: '/api/v1/auth/tokens',
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === created.id);
    expect(item).toMatchObject({ name: 'Reporting sync', prefix: created.prefix });
    expect(item).not.toHaveProperty('token');
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(stored.token_hash);
  });

  it('audits creation with the name, scopes and prefix but never the token or its hash', async () => {
    const created = await createToken(admin, { name: 'Audited token' });
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.token_create')
      .where('entity_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_name).toBe(admin.email);
    expect(JSON.parse(entry.after_state!)).toMatchObject({
      name: 'Audited token',
      scopes: ['read', 'write'],
      prefix: created.prefix,
    });
    const hash = createHash('sha256').update(created.token).digest('hex');
    expect(JSON.stringify(entry)).not.toContain(created.token);
    expect(JSON.stringify(entry)).not.toContain(hash);
  });

  it('lists only the caller’s own tokens', async () => {
    // A viewer of its own: the shared one holds the tokens other tests made.
    const viewer = await t.signIn('viewer');
    const mine = await createToken(viewer, { name: 'Viewer token', scopes: ['read'] });
    const adminList = await t.inject({
      method: 'GET',
      url: '/api/v1/auth/tokens',
      headers: admin.headers,
    });
    expect(adminList.json().items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    const viewerList = await t.inject({
      method: 'GET',
      url: '/api/v1/auth/tokens',
      headers: viewer.headers,
    });
    expect(viewerList.json().items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
  });

  it('refuses an expiry beyond 366 days, a missing expiry, unknown scopes and unknown fields', async () => {
    for (const payload of [
      { name: 'x', scopes: ['read'], expiresInDays: 367 },
      { name: 'x', scopes: ['read'] },
      { name: 'x', scopes: ['read'], expiresInDays: 0 },
      { name: 'x', scopes: ['admin'], expiresInDays: 30 },
      { name: 'x', scopes: [], expiresInDays: 30 },
      { name: '   ', scopes: ['read'], expiresInDays: 30 },
      { name: 'x', scopes: ['read'], expiresInDays: 30, userId: 'someone-else' },
    ]) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: admin.headers,
        payload: { ...payload, currentPassword: admin.password },
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('still needs the CSRF token to create a token from a cookie session', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: admin.headers.cookie! },
      payload: { name: 'x', scopes: ['read'], expiresInDays: 1, currentPassword: admin.password },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('acts as its owner, with the same clearances and organisations as a session', async () => {
    const org = await createOrganisation(admin.headers, 'Token test unit');
    expect(org.statusCode, org.body).toBe(201);
    const user = await t.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', admin.email)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('user_organisations')
      .values({ user_id: user.id, organisation_id: org.json().id })
      .execute();
    await setClearance(t.db.kysely, user, 'NATO', 2);
    const created = await createToken(admin);
    const viaToken = await findAccessToken(t.db.kysely, created.token);
    const cookie = admin.headers.cookie!.slice(`${SESSION_COOKIE}=`.length);
    const viaSession = await findSession(t.db.kysely, cookie, {
      idleMinutes: 60,
      absoluteHours: 12,
    });
    expect(viaToken?.actor).toEqual(viaSession?.actor);
    expect(viaToken?.actor).toMatchObject({
      id: user.id,
      clearances: { NATO: 2, RS: 1 },
      organisationIds: [org.json().id],
    });
    expect(viaToken?.token).toEqual({ id: created.id, scopes: ['read', 'write'] });
  });

  it('carries its owner’s role: an administrator’s token lists users, a viewer’s token is refused', async () => {
    const adminToken = await createToken(admin, { scopes: ['read'] });
    const viewerToken = await createToken(viewer, { scopes: ['read'] });
    const asAdmin = await t.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: bearer(adminToken.token),
    });
    expect(asAdmin.statusCode).toBe(200);
    const asViewer = await t.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: bearer(viewerToken.token),
    });
    expect(asViewer.statusCode).toBe(403);
  });

  it('lets a write token change records without a CSRF token, audited as its owner', async () => {
    const { token } = await createToken(admin, { scopes: ['write'] });
    const res = await createOrganisation(bearer(token), 'Created by an integration');
    expect(res.statusCode, res.body).toBe(201);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select(['actor_name', 'action'])
      .where('entity_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor_name: admin.email, action: 'organisation.create' });
  });

  it('stores "write" as read and write, since changing records includes reading them', async () => {
    const created = await createToken(admin, { scopes: ['write'] });
    expect(created.scopes).toEqual(['read', 'write']);
  });

  it('refuses changes through a read-only token with a message that says why', async () => {
    const { token } = await createToken(admin, { scopes: ['read'] });
    const res = await createOrganisation(bearer(token), 'Should not exist');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({
      code: 'forbidden',
      message: expect.stringContaining('may only read'),
    });
    const found = await t.db.kysely
      .selectFrom('organisations')
      .select('id')
      .where('name_en', '=', 'Should not exist')
      .execute();
    expect(found).toEqual([]);
    const read = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: bearer(token),
    });
    expect(read.statusCode).toBe(200);
  });

  it('cannot mint, list or revoke tokens, even when a session cookie rides along', async () => {
    const created = await createToken(admin);
    const attempts = [
      { method: 'POST' as const, url: '/api/v1/auth/tokens' },
      { method: 'GET' as const, url: '/api/v1/auth/tokens' },
      { method: 'DELETE' as const, url: `/api/v1/auth/tokens/${created.id}` },
    ];
    for (const attempt of attempts) {
      for (const headers of [
        bearer(created.token),
        { ...admin.headers, ...bearer(created.token) },
      ]) {
        const res = await t.inject({
          ...attempt,
          headers: { ...headers, 'if-match': '"1"' },
          payload:
            attempt.method === 'POST'
              ? {
                  name: 'minted',
                  scopes: ['read'],
                  expiresInDays: 1,
                  currentPassword: admin.password,
                }
              : undefined,
        });
        expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
      }
    }
    const minted = await t.db.kysely
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'minted')
      .execute();
    expect(minted).toEqual([]);
  });

  it('answers 401 to malformed, unknown, expired and revoked tokens instead of serving anonymously', async () => {
    const expired = await createToken(admin, { scopes: ['read'] });
    await t.db.kysely
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();
    const revoked = await createToken(admin, { scopes: ['read'] });
    await t.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${revoked.id}`,
      headers: { ...admin.headers, 'if-match': '"1"' },
    });
    const unknown = `lsn_${'A'.repeat(43)}`;
    for (const token of [
      '',
      'not-a-token',
      `${expired.token}x`,
      unknown,
      expired.token,
      revoked.token,
    ]) {
      // The organisation list is public: only the bad token can make this a 401.
      const res = await t.inject({
        method: 'GET',
        url: '/api/v1/organisations',
        headers: bearer(token),
      });
      expect(res.statusCode, token).toBe(401);
      expect(res.json()).toEqual(INVALID);
    }
  });

  it('stops working when its owner is disabled', async () => {
    const owner = await t.signIn('editor');
    const { token } = await createToken(owner, { scopes: ['read'] });
    const ok = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: bearer(token),
    });
    expect(ok.statusCode).toBe(200);
    await t.db.kysely
      .updateTable('users')
      .set({ disabled: 1 })
      .where('email', '=', owner.email)
      .execute();
    const refused = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: bearer(token),
    });
    expect(refused.json()).toEqual(INVALID);
  });

  it('revokes at once, audits it, and answers 404 for somebody else’s token', async () => {
    const theirs = await createToken(viewer, { scopes: ['read'] });
    const other = await t.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${theirs.id}`,
      headers: { ...admin.headers, 'if-match': '"1"' },
    });
    expect(other.statusCode).toBe(404);
    const stillWorks = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: bearer(theirs.token),
    });
    expect(stillWorks.statusCode).toBe(200);

    const res = await t.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${theirs.id}`,
      headers: { ...viewer.headers, 'if-match': '"1"' },
    });
    expect(res.statusCode).toBe(204);
    const after = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: bearer(theirs.token),
    });
    expect(after.statusCode).toBe(401);
    const list = await t.inject({
      method: 'GET',
      url: '/api/v1/auth/tokens',
      headers: viewer.headers,
    });
    expect(list.json().items.find((i: { id: string }) => i.id === theirs.id)).toMatchObject({
      status: 'revoked',
      revokedAt: expect.any(String),
    });
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'before_state'])
      .where('action', '=', 'auth.token_revoke')
      .where('entity_id', '=', theirs.id)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actor_name).toBe(viewer.email);
    expect(entries[0]?.before_state).not.toContain(theirs.token);

    const again = await t.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${theirs.id}`,
      headers: { ...viewer.headers, 'if-match': '"1"' },
    });
    expect(again.statusCode).toBe(204);
    const missing = await t.inject({
      method: 'DELETE',
      url: '/api/v1/auth/tokens/0192d7a0-7c1e-7000-8000-000000000000',
      headers: { ...viewer.headers, 'if-match': '"1"' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('revokes only with If-Match: 428 without it, 412 with another version', async () => {
    const created = await createToken(viewer, { scopes: ['read'] });
    expect(created).toMatchObject({ version: 1 });
    const url = `/api/v1/auth/tokens/${created.id}`;
    const without = await t.inject({ method: 'DELETE', url, headers: viewer.headers });
    expect(without.statusCode).toBe(428);
    const stale = await t.inject({
      method: 'DELETE',
      url,
      headers: { ...viewer.headers, 'if-match': '"2"' },
    });
    expect(stale.statusCode).toBe(412);
    const works = await t.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: bearer(created.token),
    });
    expect(works.statusCode).toBe(200);
    const done = await t.inject({
      method: 'DELETE',
      url,
      headers: { ...viewer.headers, 'if-match': `"${created.version}"` },
    });
    expect(done.statusCode).toBe(204);
  });

  it('needs the owner’s password, typed afresh, to create a token', async () => {
    for (const currentPassword of ['', 'not the password']) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: viewer.headers,
        payload: { name: 'no password', scopes: ['read'], expiresInDays: 1, currentPassword },
      });
      expect(res.statusCode, currentPassword).toBeOneOf([400, 422]);
    }
    const wrong = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: viewer.headers,
      payload: { name: 'no password', scopes: ['read'], expiresInDays: 1, currentPassword: 'x' },
    });
    expect(wrong.json().error).toMatchObject({ details: { field: 'currentPassword' } });
    const made = await t.db.kysely
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'no password')
      .execute();
    expect(made).toEqual([]);
  });

  it('leaves the token row untouched when it is used for reading', async () => {
    const created = await createToken(admin, { scopes: ['read'] });
    const row = () =>
      t.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', created.id).execute();
    const before = await row();
    await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(created.token) });
    expect(await row()).toEqual(before);
  });
});
