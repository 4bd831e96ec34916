/**
 * ChangeWatch (database.ts) must see every write to the identity tables — whatever its shape — or
 * the session cache could serve a signed-out session or a lowered clearance; reads and writes to
 * other tables leave it alone (each move costs the cache its entries).
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type Compilable,
  type RawBuilder,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { ChangeWatch, IDENTITY_TABLES } from './database.js';
import type { Database } from './schema.js';

const watch = new ChangeWatch(IDENTITY_TABLES);
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  plugins: [watch],
});

/** Whether compiling the query (the plugin sees it then, as before running it) moves the count. */
function moves(query: Compilable | RawBuilder<unknown>): boolean {
  const before = watch.version;
  if ('compile' in query && query.compile.length > 0) (query as RawBuilder<unknown>).compile(db);
  else (query as Compilable).compile();
  return watch.version !== before;
}

describe('identity change watch', () => {
  it('counts inserts, updates and deletes of users, clearances, memberships and sessions', () => {
    expect(
      moves(db.insertInto('user_clearances').values({ user_id: 'u', policy_code: 'N', rank: 1 })),
    ).toBe(true);
    expect(moves(db.updateTable('users as u').set({ disabled: 1 }).where('u.id', '=', 'u'))).toBe(
      true,
    );
    expect(moves(db.deleteFrom('sessions').where('user_id', '=', 'u'))).toBe(true);
    expect(moves(db.deleteFrom('user_organisations').where('user_id', '=', 'u'))).toBe(true);
    // A write inside a WITH clause of a select (PostgreSQL).
    expect(
      moves(
        db
          .with('gone', (w) => w.deleteFrom('sessions').returning('token_hash'))
          .selectFrom('gone')
          .selectAll(),
      ),
    ).toBe(true);
    expect(moves(sql`update user_clearances set rank = 0 where user_id = ${'u'}`)).toBe(true);
    expect(moves(sql`DELETE FROM "sessions" where user_id = ${'u'}`)).toBe(true);
  });

  it('leaves reads and other tables alone', () => {
    expect(
      moves(
        db.selectFrom('users as u').innerJoin('sessions as s', 's.user_id', 'u.id').select('u.id'),
      ),
    ).toBe(false);
    expect(moves(db.updateTable('plan_items').set({ status: 'x' }).where('id', '=', 'i'))).toBe(
      false,
    );
    expect(moves(sql`select id from plans where id = ${'p'} for update`)).toBe(false);
    expect(moves(sql`insert into rate_limit_counters (key, hits) values (${'k'}, 1)`)).toBe(false);
  });
});
