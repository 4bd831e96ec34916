/**
 * SQLite's second connection: a plain read outside a transaction does not wait for a write
 * transaction in progress (it sees the last committed snapshot, as WAL allows), while writes still
 * queue behind the transaction and see their own work inside it.
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.js';

interface Probe {
  probe: { id: number; name: string };
}

async function probeDatabase() {
  const test = await openTestDatabase('sqlite');
  await sql`create table probe (id integer primary key, name text not null)`.execute(
    test.db.kysely,
  );
  await sql`insert into probe (name) values ('committed')`.execute(test.db.kysely);
  const kysely = test.db.kysely as unknown as Kysely<Probe>;
  const names = async () =>
    (await kysely.selectFrom('probe').select('name').orderBy('id').execute()).map((r) => r.name);
  return { test, kysely, names };
}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), ms)),
  ]);

describe('SQLite read connection', () => {
  it('answers a read while a write transaction is open and awaiting, from the committed snapshot', async () => {
    const { test, kysely, names } = await probeDatabase();
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const insertedInTrx = new Promise<void>((resolve) => (inserted = resolve));
      const writing = test.db.write(async (trx) => {
        await sql`insert into probe (name) values ('in transaction')`.execute(trx);
        // Inside the transaction its own write is visible.
        const mine = await sql<{ name: string }>`select name from probe order by id`.execute(trx);
        expect(mine.rows.map((r) => r.name)).toEqual(['committed', 'in transaction']);
        inserted();
        await gate; // the transaction stays open, holding the write connection
      });
      await insertedInTrx;
      // Reads through db.kysely (built or raw) complete now — before, they waited for the
      // transaction's end — and see only what is committed.
      expect(await within(2_000, names())).toEqual(['committed']);
      const raw = sql<{ n: number }>`select count(*) as n from probe`.execute(test.db.kysely);
      expect((await within(2_000, raw)) !== 'still waiting').toBe(true);
      expect(Number((await raw).rows[0]!.n)).toBe(1);
      const withSelect = kysely
        .with('p', (db) => db.selectFrom('probe').select('name'))
        .selectFrom('p')
        .select('name')
        .execute();
      expect(await within(2_000, withSelect)).toEqual([{ name: 'committed' }]);
      // A write outside the transaction waits for it.
      let outsideDone = false;
      const outside = kysely
        .insertInto('probe')
        .values({ name: 'after' } as never)
        .execute()
        .then(() => {
          outsideDone = true;
        });
      await new Promise((r) => setTimeout(r, 100));
      expect(outsideDone).toBe(false);
      release();
      await writing;
      await outside;
      // Once committed, reads see it at once.
      expect(await names()).toEqual(['committed', 'in transaction', 'after']);
    } finally {
      await test.drop();
    }
  });

  it('rolls back on error and frees the write connection for the next writer', async () => {
    const { test, kysely, names } = await probeDatabase();
    try {
      await expect(
        test.db.write(async (trx) => {
          await sql`insert into probe (name) values ('rolled back')`.execute(trx);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await kysely
        .insertInto('probe')
        .values({ name: 'next' } as never)
        .execute();
      expect(await names()).toEqual(['committed', 'next']);
    } finally {
      await test.drop();
    }
  });

  it('keeps savepoints (nested transactions) on the write connection', async () => {
    const { test, names } = await probeDatabase();
    try {
      const trx = await test.db.kysely.startTransaction().execute();
      const nested = await trx.savepoint('inner').execute();
      await sql`insert into probe (name) values ('undone')`.execute(nested);
      await nested.rollbackToSavepoint('inner').execute();
      await sql`insert into probe (name) values ('kept')`.execute(trx);
      // Reads outside see nothing until the commit.
      expect(await names()).toEqual(['committed']);
      await trx.commit().execute();
      expect(await names()).toEqual(['committed', 'kept']);
    } finally {
      await test.drop();
    }
  });
});
