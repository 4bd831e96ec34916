/**
 * Keyset paging helpers (keyset.ts): cursors round-trip and refuse anything not of the key's shape;
 * `afterKey` + `keysetPage` walk a table with ties in the sort columns, every row once, in order.
 */
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  afterKey,
  decodeCursor,
  encodeCursor,
  keysetPage,
  type KeyShape,
  type KeyValues,
} from './keyset.js';

const SHAPE: KeyShape = ['int', 'int', 'string'];

describe('keyset cursors', () => {
  it('round-trips any key of the shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.string({ maxLength: 60 }),
        (a, b, c) => {
          const cursor = encodeCursor([a, b, c]);
          expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(decodeCursor(cursor, SHAPE)).toEqual([a, b, c]);
        },
      ),
    );
  });

  it('refuses what is not a cursor of the shape', () => {
    for (const bad of [
      '',
      'not base64!',
      encodeCursor([1, 2]),
      encodeCursor([1, 2, 'a', 'b']),
      encodeCursor(['1', 2, 'a']),
      encodeCursor([1.5, 2, 'a']),
      encodeCursor([1, 2, 3]),
      encodeCursor([1, 2, 'x'.repeat(201)]),
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1,2,').toString('base64url'),
      'A'.repeat(1001),
    ]) {
      expect(decodeCursor(bad, SHAPE), bad).toBeNull();
    }
  });

  it('shapes a page from pageSize + 1 rows: the next cursor names its last row', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    expect(keysetPage(rows, 3, (r) => [r.n])).toEqual({ rows, nextCursor: null });
    const page = keysetPage(rows, 2, (r) => [r.n]);
    expect(page.rows).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor!, ['int'])).toEqual([2]);
  });

  it('refuses a key of the wrong length', () => {
    expect(() => afterKey(['a', 'b'], [1])).toThrow(RangeError);
  });
});

describe('afterKey on a real table', () => {
  interface Db {
    t: { depth: number; position: number; id: string };
  }
  const raw = new BetterSqlite3(':memory:');
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: raw }) });
  beforeAll(() => {
    raw.exec('create table t (depth integer, position integer, id text primary key)');
    const insert = raw.prepare('insert into t values (?, ?, ?)');
    // Ties on (depth, position): only the id tells the rows apart.
    for (let i = 0; i < 60; i++) insert.run(i % 3, i % 4, `id-${String(i).padStart(3, '0')}`);
  });
  afterAll(() => db.destroy());

  const walk = async (pageSize: number, order: 'asc' | 'desc') => {
    const keys = ['depth', 'position', 'id'] as const;
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const after: KeyValues | null = cursor ? decodeCursor(cursor, SHAPE) : null;
      const rows: Db['t'][] = await db
        .selectFrom('t')
        .selectAll()
        .$if(after !== null, (qb) => qb.where(afterKey(keys, after ?? [], order)))
        .orderBy('depth', order)
        .orderBy('position', order)
        .orderBy('id', order)
        .limit(pageSize + 1)
        .execute();
      const page: { rows: Db['t'][]; nextCursor: string | null } = keysetPage(
        rows,
        pageSize,
        (r) => [r.depth, r.position, r.id],
      );
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) return seen;
      cursor = page.nextCursor;
    }
  };

  it('walks every row once, in the sort order, ascending and descending', async () => {
    const asc = (
      await db
        .selectFrom('t')
        .select('id')
        .orderBy('depth')
        .orderBy('position')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    for (const size of [1, 7, 60, 100]) {
      expect(await walk(size, 'asc')).toEqual(asc);
      expect(await walk(size, 'desc')).toEqual([...asc].reverse());
    }
  });
});
