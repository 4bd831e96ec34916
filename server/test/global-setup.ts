/** Says plainly which databases the API tests run on, and refuses to run CI without PostgreSQL. */
import pg from 'pg';
import { postgresAdminUrl } from './databases.js';

export default async function setup(): Promise<void> {
  if (!postgresAdminUrl) {
    if (process.env.CI) {
      throw new Error('CI requires PostgreSQL: set LIAISON_TEST_DATABASE_URL (see .ci/run).');
    }
    console.warn(
      '\n  API tests run on SQLite only: LIAISON_TEST_DATABASE_URL is not set, so PostgreSQL is NOT tested.\n' +
        '  Set it, e.g. LIAISON_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test, to test both.\n',
    );
    return;
  }
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL at LIAISON_TEST_DATABASE_URL is not reachable: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  console.log('\n  API tests run on SQLite and PostgreSQL.\n');
}
