import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { checkNewPassword, COMMON_PASSWORD_MESSAGE, CONTEXT_WORDS } from './password-policy.js';
import { oneTimePassword } from './passwords.js';
import { createUser } from './users.js';

const someone = { email: 'jelena.markovic@mod.gov.rs', displayName: 'Jelena Marković' };
const CONTEXT_REASON = /^Avoid words tied to this system or to you, such as /;

describe('the password policy for chosen passwords', () => {
  it.each(['password1234', 'qwerty123456', '123456789012', 'iloveyou1234', 'P@ssw0rd2026!'])(
    'refuses the common password %s',
    (password) => {
      expect(checkNewPassword(password, someone)).toBe(COMMON_PASSWORD_MESSAGE);
    },
  );

  it('refuses a common password in any case, behind digits and symbols, or repeated', () => {
    for (const password of ['SUNSHINE2026!', '!!Football1987', 'monkeymonkey', 'abababababab'])
      expect(checkNewPassword(password, someone)).toBe(COMMON_PASSWORD_MESSAGE);
  });

  it('refuses a password built from words tied to the system, in any case and inside the password', () => {
    const reason = checkNewPassword('MyNatoPassword2026', someone);
    expect(reason).toMatch(CONTEXT_REASON);
    expect(reason).toContain('“nato”');
    expect(reason).toContain('“password”');
    for (const password of [
      'LIAISON-liaison-1',
      'Srbija-NATO-2026!',
      'Odbrana_Vojska_99',
      'КФОР kfor ipap',
    ])
      expect(checkNewPassword(password, someone)).toMatch(CONTEXT_REASON);
  });

  it('refuses context words written with diacritics, in Cyrillic or in leetspeak', () => {
    for (const password of ['Šifra-Šifra-2026', 'Србија-одбрана-1', 'N4T0-P4rtn3rsh1p'])
      expect(checkNewPassword(password, someone)).toMatch(CONTEXT_REASON);
  });

  it("refuses the user's own e-mail local part and name", () => {
    expect(checkNewPassword('jelena.markovic.2026', someone)).toMatch(CONTEXT_REASON);
    expect(checkNewPassword('Jelena.Markovic!!', someone)).toContain('“markovic”');
    expect(checkNewPassword('dusan.petrovic1990', { email: 'dusan.petrovic@example.rs' })).toMatch(
      CONTEXT_REASON,
    );
  });

  it('accepts a passphrase that merely contains a context word among enough other letters', () => {
    expect(checkNewPassword('a long enough password', someone)).toBeNull();
    expect(checkNewPassword('the senator speaks softly', someone)).toBeNull();
  });

  it('accepts a good passphrase', () => {
    expect(checkNewPassword('purple elephant juggles warm tea', someone)).toBeNull();
    expect(checkNewPassword('Kiša pada nad Dunavom u zoru', someone)).toBeNull();
  });

  it('accepts a 64-character password and up to 200 characters, of any composition', () => {
    const sixtyFour = 'tramvaj broj dva kruzi oko starog centra dok pada sitna kisa noc';
    expect(sixtyFour).toHaveLength(64);
    expect(checkNewPassword(sixtyFour, someone)).toBeNull();
    const twoHundred = `${sixtyFour} ${sixtyFour} ${sixtyFour}`.padEnd(200, 'x');
    expect(checkNewPassword(twoHundred, someone)).toBeNull();
    expect(checkNewPassword('ни једно правило о врсти знакова', someone)).toBeNull();
  });

  it('refuses 201 characters and fewer than 12', () => {
    const tooLong = 'purple elephant juggles warm tea '.repeat(7).slice(0, 201);
    expect(tooLong).toHaveLength(201);
    expect(checkNewPassword(tooLong, someone)).toBe(
      'The password may have at most 200 characters.',
    );
    expect(checkNewPassword('Kx9#mQ2$vL4', someone)).toBe(
      'The password needs at least 12 characters.',
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkNewPassword('🐻🐼🐨🦊🐯🦁🐮🐷🐸🐵🐔', someone)).toBe(
      'The password needs at least 12 characters.',
    );
  });

  it('accepts the passwords the rest of the test suite signs in with', () => {
    for (const password of [
      'a long enough password',
      'another long password',
      'the right password',
      'a long passphrase here',
      'correct horse 0123456789ab',
    ])
      expect(checkNewPassword(password, { email: 'coordinator.1.a1b2c3@example.test' })).toBeNull();
  });

  it('keeps its context words in lower case, so the documented list is the one applied', () => {
    for (const word of CONTEXT_WORDS) expect(word).toBe(word.toLowerCase());
  });
});

describe.each(testDatabases)('password policy on account creation and change on %s', (kind) => {
  let t: TestApp;
  let audit: AuditLog;
  const email = 'ana.jovanovic@example.test';
  const current = 'a long enough passphrase';
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    audit = new AuditLog(t.db.dialect);
    await createUser(t.db, audit, { email, role: 'editor', password: current });
  });
  afterAll(() => t.close());

  async function signIn() {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: current },
    });
    expect(res.statusCode).toBe(200);
    return {
      cookie: `liaison_session=${res.cookies.find((c) => c.name === 'liaison_session')!.value}`,
      'x-csrf-token': res.json().csrfToken as string,
    };
  }

  const change = (headers: Record<string, string>, newPassword: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: current, newPassword },
    });

  it('refuses a common new password with 422 on newPassword, and keeps the old one', async () => {
    const headers = await signIn();
    const res = await change(headers, 'qwerty123456');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'unprocessable',
      message: COMMON_PASSWORD_MESSAGE,
      details: { field: 'newPassword' },
    });
    expect((await signIn())['x-csrf-token']).toBeTruthy();
  });

  it('refuses a new password built from context words or the e-mail address', async () => {
    const headers = await signIn();
    for (const newPassword of ['MyNatoPassword2026', 'Ana.Jovanovic.2026']) {
      const res = await change(headers, newPassword);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toMatch(CONTEXT_REASON);
      expect(res.json().error.details).toEqual({ field: 'newPassword' });
    }
  });

  it('accepts a good passphrase', async () => {
    const headers = await signIn();
    const res = await change(headers, 'purple elephant juggles warm tea');
    expect(res.statusCode).toBe(204);
    const back = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'purple elephant juggles warm tea', newPassword: current },
    });
    expect(back.statusCode).toBe(204);
  });

  it('refuses a common chosen password when an account is created, but not a one-time password', async () => {
    await expect(
      createUser(t.db, audit, {
        email: 'weak@example.test',
        role: 'viewer',
        password: 'iloveyou1234',
      }),
    ).rejects.toMatchObject({ status: 422, message: COMMON_PASSWORD_MESSAGE });
    const created = await createUser(t.db, audit, {
      email: 'fresh@example.test',
      role: 'viewer',
      password: oneTimePassword(),
      mustChangePassword: true,
    });
    expect(created.email).toBe('fresh@example.test');
  });
});
