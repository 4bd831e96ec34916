import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateDownAll, migrateToLatest } from './migrate.js';
import { openTestDatabase } from '../test/harness.js';
import { testDatabases } from '../test/databases.js';

/** Every migration file, in name order: each must be registered, and run in this order. */
const ALL = readdirSync(fileURLToPath(new URL('./migrations/', import.meta.url)))
  .filter((f) => /^\d{4}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe.each(testDatabases)('migrations on %s', (kind) => {
  it('run up, down and up again, leaving the marking schemes in place', async () => {
    const test = await openTestDatabase(kind, { migrate: false });
    try {
      expect(ALL.length).toBeGreaterThanOrEqual(8);
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
