/**
 * The session cache (session-cache.ts) never serves a security-relevant change stale on the
 * instance that made it: each case reads twice first (the second answer comes from the cache),
 * changes who the user is, and expects the very next request to know. A change made on another
 * instance is seen within the time to live.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { createDb } from '../db/database.js';
import { testDatabases } from '../test/databases.js';
import { setClearance } from '../test/clearances.js';
import { openTestDatabase, startTestApp, type Session, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';
import { SessionCache } from './session-cache.js';
import { startSession } from './sessions.js';
import { createUser } from './users.js';

describe.each(testDatabases)('session cache on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
  });
  afterAll(() => t.close());

  const me = (headers: Record<string, string>) =>
    t.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

  /** Signs the same account in again: a second session of one user. */
  async function signInAgain(session: Session): Promise<Session> {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: session.email, password: session.password },
    });
    const cookie = res.cookies.find((c) => c.name === 'liaison_session')!.value;
    return {
      ...session,
      headers: { cookie: `liaison_session=${cookie}`, 'x-csrf-token': res.json().csrfToken },
    };
  }

  async function userId(session: Session): Promise<string> {
    return (await me(session.headers)).json().user.id as string;
  }

  async function patchUser(id: string, payload: Record<string, unknown>) {
    const etag = (
      await t.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers: admin.headers })
    ).headers.etag as string;
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { ...admin.headers, 'if-match': etag },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('refuses a signed-out session at the next request', async () => {
    const viewer = await t.signIn('viewer');
    expect((await me(viewer.headers)).statusCode).toBe(200);
    expect((await me(viewer.headers)).statusCode).toBe(200);
    const out = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: viewer.headers,
    });
    expect(out.statusCode).toBe(204);
    expect((await me(viewer.headers)).statusCode).toBe(401);
  });

  it('refuses every session of a user who signed out everywhere, from another session', async () => {
    const first = await t.signIn('viewer');
    const second = await signInAgain(first);
    expect((await me(first.headers)).statusCode).toBe(200);
    expect((await me(first.headers)).statusCode).toBe(200);
    const out = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      headers: second.headers,
    });
    expect(out.statusCode).toBe(204);
    expect((await me(first.headers)).statusCode).toBe(401);
  });

  it('refuses a disabled account at its next request', async () => {
    const viewer = await t.signIn('viewer');
    const id = await userId(viewer);
    expect((await me(viewer.headers)).statusCode).toBe(200);
    await patchUser(id, { disabled: true });
    expect((await me(viewer.headers)).statusCode).toBe(401);
  });

  it('hides a record at the next read once the reader’s clearance is lowered', async () => {
    const reader = await t.signIn('viewer');
    const id = await userId(reader);
    const event = await t.inject({
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
    expect(event.statusCode, event.body).toBe(201);
    const read = async () =>
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/timeline-events/${event.json().id}`,
          headers: reader.headers,
        })
      ).statusCode;
    expect(await read()).toBe(200);
    expect(await read()).toBe(200);
    await patchUser(id, { clearances: [{ policy: 'NATO', level: 'NATO_UNCLASSIFIED' }] });
    expect(await read()).toBe(404);

    // A change written to the database through the same Db counts as well.
    await setClearance(t.db.kysely, { id }, deployment.nationalPolicy, 1);
    expect(await read()).toBe(200);
    await setClearance(t.db.kysely, { id }, deployment.nationalPolicy, 0);
    expect(await read()).toBe(404);
  });

  it('sees a change made on another instance within its time to live, and not before', async () => {
    // Two instances: two Db objects on one database, each with its own change count.
    const test = await openTestDatabase(kind);
    const other = createDb(test.config.database);
    try {
      const audit = new AuditLog(test.db.dialect);
      const user = await createUser(test.db, audit, {
        email: `ttl.${randomBytes(3).toString('hex')}@example.test`,
        role: 'viewer',
        password: `correct horse ${randomBytes(6).toString('hex')}`,
      });
      const { token } = await test.db.write((trx) =>
        startSession(trx, user.id, test.config.session, { ip: null, userAgent: null }),
      );
      const ttlMs = 300;
      const cache = new SessionCache(test.db, test.config.session, ttlMs);
      const started = Date.now();
      const before = await cache.find(token);
      expect(before?.actor.role).toBe('viewer');
      // Written by the other instance: this one's change count does not move.
      await other.kysely
        .updateTable('users')
        .set({ role: 'editor' })
        .where('id', '=', user.id)
        .execute();
      const soon = await cache.find(token);
      if (Date.now() - started < ttlMs) expect(soon?.actor.role).toBe('viewer');
      await new Promise((resolve) => setTimeout(resolve, ttlMs + 50));
      expect((await cache.find(token))?.actor.role).toBe('editor');

      // Ended on the other instance: gone here once the time to live has passed.
      await other.kysely.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await new Promise((resolve) => setTimeout(resolve, ttlMs + 50));
      expect(await cache.find(token)).toBeNull();
    } finally {
      await other.close();
      await test.drop();
    }
  });

  it('reads the database on every request with a time to live of 0, or a Db that counts no changes', async () => {
    const test = await openTestDatabase(kind);
    try {
      const audit = new AuditLog(test.db.dialect);
      const user = await createUser(test.db, audit, {
        email: `nocache.${randomBytes(3).toString('hex')}@example.test`,
        role: 'viewer',
        password: `correct horse ${randomBytes(6).toString('hex')}`,
      });
      const { token } = await test.db.write((trx) =>
        startSession(trx, user.id, test.config.session, { ip: null, userAgent: null }),
      );
      const off = new SessionCache(test.db, test.config.session, 0);
      // A Db without a change count (hand-built) behaves the same: nothing is kept.
      const blind = new SessionCache({ kysely: test.db.kysely }, test.config.session, 5000);
      for (const cache of [off, blind]) {
        expect((await cache.find(token))?.actor.role).toBe('viewer');
        expect((await cache.find(token))?.actor.role).toBe('viewer');
      }
      // Behind the change count's back: only a cache that keeps nothing sees it.
      test.db.identityChanges!.bump();
      const version = test.db.identityChanges!.version;
      await test.db.kysely
        .updateTable('users')
        .set({ role: 'editor' })
        .where('id', '=', user.id)
        .execute();
      expect(test.db.identityChanges!.version).toBeGreaterThan(version);
      for (const cache of [off, blind])
        expect((await cache.find(token))?.actor.role).toBe('editor');
      await test.db.kysely
        .updateTable('users')
        .set({ role: 'viewer' })
        .where('id', '=', user.id)
        .execute();
    } finally {
      await test.drop();
    }
  });
});
