import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.js';

describe('SQLite connection settings', () => {
  it('uses WAL, synchronous=FULL, a busy timeout and enforced foreign keys', async () => {
    const test = await openTestDatabase('sqlite');
    try {
      const read = async (pragma: string) =>
        Object.values(
          (await sql.raw(`pragma ${pragma}`).execute(test.db.kysely)).rows[0] as object,
        )[0];
      expect(await read('journal_mode')).toBe('wal');
      expect(await read('synchronous')).toBe(2);
      expect(await read('busy_timeout')).toBe(5000);
      expect(await read('foreign_keys')).toBe(1);
    } finally {
      await test.drop();
    }
  });

  it('opens write transactions with BEGIN IMMEDIATE, so a second writer waits instead of failing', async () => {
    const test = await openTestDatabase('sqlite');
    try {
      // Inside a write transaction the connection already holds the RESERVED lock: a plain
      // BEGIN would not take it until the first write. Another connection cannot start writing.
      const Better = (await import('better-sqlite3')).default;
      const file = test.config.database.kind === 'sqlite' ? test.config.database.file : '';
      let otherWriterBlocked = false;
      await test.db.write(async () => {
        const other = new Better(file, { timeout: 0 });
        try {
          other.exec('begin immediate');
          other.exec('rollback');
        } catch (error) {
          otherWriterBlocked = (error as { code?: string }).code === 'SQLITE_BUSY';
        } finally {
          other.close();
        }
      });
      expect(otherWriterBlocked).toBe(true);
    } finally {
      await test.drop();
    }
  });
});
