/**
 * SQLite keeps one prepared statement per SQL text (dialect.ts `prepared`): a kept statement must
 * answer as a fresh one would — after the schema changed under it, and with other parameters.
 */
import { sql, type Generated, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.js';

interface Probe {
  probe: { id: Generated<number>; name: string };
}

describe('SQLite statement cache', () => {
  it('answers a repeated text after the schema changed, with each call’s own parameters', async () => {
    const test = await openTestDatabase('sqlite');
    try {
      const kysely = test.db.kysely as unknown as Kysely<Probe>;
      await sql`create table probe (id integer primary key, name text not null)`.execute(kysely);
      await kysely.insertInto('probe').values({ name: 'one' }).execute();
      await kysely.insertInto('probe').values({ name: 'two' }).execute();
      const named = (name: string) =>
        kysely.selectFrom('probe').selectAll().where('name', '=', name).execute();
      expect(await named('one')).toEqual([{ id: 1, name: 'one' }]);
      expect(await named('two')).toEqual([{ id: 2, name: 'two' }]);

      await sql`alter table probe add column extra text default 'x'`.execute(kysely);
      expect(await named('two')).toEqual([{ id: 2, name: 'two', extra: 'x' }]);

      await sql`drop table probe`.execute(kysely);
      await expect(named('one')).rejects.toThrow(/no such table/);
      await sql`create table probe (id integer primary key, name text not null)`.execute(kysely);
      await kysely.insertInto('probe').values({ name: 'one' }).execute();
      expect(await named('one')).toEqual([{ id: 1, name: 'one' }]);
    } finally {
      await test.drop();
    }
  });
});
