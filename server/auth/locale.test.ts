import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';

describe.each(testDatabases)('the interface language saved on the account on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
  });
  afterAll(() => t.close());

  const saveLanguage = (headers: Record<string, string>, locale: unknown) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/locale', headers, payload: { locale } });

  it('is saved, audited and reported by who-am-I and by the next sign-in', async () => {
    const session = await t.signIn('editor');
    const before = await t.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: session.headers,
    });
    expect(before.json().user.locale).toBe('en');

    expect((await saveLanguage(session.headers, 'sr-Cyrl')).statusCode).toBe(204);
    const after = await t.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: session.headers,
    });
    expect(after.json().user.locale).toBe('sr-Cyrl');

    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['before_state', 'after_state', 'entity_id'])
      .where('action', '=', 'auth.locale_change')
      .execute();
    const userId = after.json().user.id as string;
    const entry = entries.find((e) => e.entity_id === userId);
    expect(entry).toBeDefined();
    expect(JSON.parse(entry!.before_state!)).toEqual({ locale: 'en' });
    expect(JSON.parse(entry!.after_state!)).toEqual({ locale: 'sr-Cyrl' });

    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: session.email, password: session.password },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().user.locale).toBe('sr-Cyrl');
  });

  it('writes no audit entry when the language does not change', async () => {
    const session = await t.signIn('viewer');
    await saveLanguage(session.headers, 'sr-Latn');
    await saveLanguage(session.headers, 'sr-Latn');
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'auth.locale_change')
      .where('entity_id', '=', me.json().user.id as string)
      .execute();
    expect(entries).toHaveLength(1);
  });

  it('accepts only the three interface languages, and only from a signed-in user', async () => {
    const session = await t.signIn('viewer');
    const bad = await saveLanguage(session.headers, 'de');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.key).toBe('validation.invalid_value');
    expect(bad.json().error.params.values).toEqual(['en', 'sr-Latn', 'sr-Cyrl']);
    const anonymous = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/locale',
      payload: { locale: 'en' },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
  });
});
