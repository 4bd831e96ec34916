/**
 * Migration 0015 turns the per-nation clearance columns of existing accounts into user_clearances
 * rows (policy = the column's suffix) and drops the columns; the deployment gets a safe default
 * label (NATO UNCLASSIFIED, releasable to NATO) until its data set says otherwise.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { openTestDatabase } from '../test/harness.js';
import { migrateTo, migrateToLatest } from './migrate.js';

describe.each(testDatabases)('migration 0015 on %s', (kind) => {
  it('copies every clearance column into user_clearances, then drops the columns', async () => {
    const test = await openTestDatabase(kind, { migrate: false });
    try {
      await migrateTo(test.db, '0013_report_indicator_values');
      const columns = (await test.db.kysely.introspection.getTables())
        .find((t) => t.name === 'users')!
        .columns.map((c) => c.name)
        .filter((c) => c.startsWith('clearance_'));
      expect(columns.length).toBeGreaterThanOrEqual(2);
      const now = new Date().toISOString();
      await sql`insert into users (id, version, email, display_name, password_hash, role, nation,
        locale, must_change_password, disabled, failed_logins, created_at, updated_at)
        values ('u1', 1, 'a@example.test', 'A', 'x', 'viewer', 'ZZ', 'en', 0, 0, 0, ${now}, ${now})`.execute(
        test.db.kysely,
      );
      // Distinct ranks per column, so the test sees each one land in its own policy.
      for (const [i, column] of columns.entries()) {
        await sql`update users set ${sql.ref(column)} = ${i + 1}`.execute(test.db.kysely);
      }
      await migrateToLatest(test.db);

      const rows = await test.db.kysely
        .selectFrom('user_clearances')
        .select(['policy_code', 'rank'])
        .where('user_id', '=', 'u1')
        .orderBy('policy_code')
        .execute();
      expect(rows).toEqual(
        columns
          .map((c, i) => ({ policy_code: c.slice('clearance_'.length).toUpperCase(), rank: i + 1 }))
          .sort((a, b) => a.policy_code.localeCompare(b.policy_code)),
      );
      const after = (await test.db.kysely.introspection.getTables()).find(
        (t) => t.name === 'users',
      )!;
      expect(after.columns.some((c) => c.name.startsWith('clearance_'))).toBe(false);
      const setting = await test.db.kysely
        .selectFrom('deployment_settings')
        .select('value')
        .where('key', '=', 'default_label')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(setting.value)).toEqual({
        policy: 'NATO',
        level: 'NATO_UNCLASSIFIED',
        releasableTo: ['NATO'],
        owner: 'NATO',
      });
    } finally {
      await test.drop();
    }
  });
});
