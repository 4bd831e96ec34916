import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateDownAll, migrateToLatest } from './migrate.js';
import { openTestDatabase } from '../test/harness.js';
import { testDatabases } from '../test/databases.js';

const ALL = [
  '0001_foundation',
  '0002_identity',
  '0003_tokens_totp',
  '0004_plan_items',
  '0005_indicators',
  '0006_reporting',
  '0007_plan_item_order_index',
];

describe.each(testDatabases)('migrations on %s', (kind) => {
  it('run up, down and up again, leaving the marking schemes in place', async () => {
    const test = await openTestDatabase(kind, { migrate: false });
    try {
      expect(await migrateToLatest(test.db)).toEqual(ALL);
      expect(await migrateToLatest(test.db)).toEqual([]);
      expect(await migrateDownAll(test.db)).toEqual([...ALL].reverse());
      expect(await migrateToLatest(test.db)).toEqual(ALL);
      const levels = await sql<{ n: number }>`select count(*) as n from marking_levels`.execute(
        test.db.kysely,
      );
      expect(Number(levels.rows[0]?.n)).toBe(12);
    } finally {
      await test.drop();
    }
  });
});
