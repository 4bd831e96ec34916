/**
 * The export worker (exportPlanOffThread) gives exactly what the export on the calling thread
 * gives, reads through its own connection under the same visibility rule, and reports failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import type { Actor } from '../../audit/context.js';
import { postgresAdminUrl, testDatabases } from '../../test/databases.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { exportPlan, exportPlanOffThread, type ExportJob } from './export.js';
import { partnersOf } from './repository.js';

const reader: Actor = {
  id: uuidv7(),
  email: 'reader@example.test',
  displayName: 'Reader',
  role: 'viewer',
  nation: 'RS',
  clearances: { NATO: 1, RS: 1 },
  organisationIds: [],
};

describe.each(testDatabases)('plan export worker on %s', (kind) => {
  let t: TestApp;
  let planId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    planId = (await t.inject({ method: 'GET', url: '/api/v1/plans' }))
      .json()
      .items.find((p: { code: string }) => p.code === 'IPAP-2019-2021').id;
  });
  afterAll(() => t.close());

  /** The configuration the worker opens the test database with. */
  let database: ExportJob['database'];
  beforeAll(async () => {
    if (kind === 'sqlite') {
      const { rows } = await sql<{ file: string }>`pragma database_list`.execute(t.db.kysely);
      database = { kind: 'sqlite', file: rows[0]!.file };
    } else {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
        t.db.kysely,
      );
      const url = new URL(postgresAdminUrl!);
      url.pathname = `/${rows[0]!.name}`;
      database = { kind: 'postgres', url: url.toString() };
    }
  });
  const job = (format: 'csv' | 'xlsx', actor: Actor | null): ExportJob => ({
    database,
    actor,
    planId,
    filters: {},
    format,
    today: '2026-11-29',
  });

  it('renders the same CSV in the worker as on the calling thread, for each reader', async () => {
    for (const actor of [null, reader]) {
      const here = await exportPlan(t.db.kysely, actor, planId, {}, 'csv', '2026-11-29');
      const there = await exportPlanOffThread(job('csv', actor), t.db.kysely);
      expect(there.banner).toBe(here.banner);
      expect(there.body.toString('utf8')).toBe(here.body.toString('utf8'));
      expect(there.body.toString('utf8')).toContain('Marking: ');
    }
  });

  it('renders in the language it is given, as the calling thread does', async () => {
    const here = await exportPlan(t.db.kysely, reader, planId, {}, 'csv', '2026-11-29', 'sr-Cyrl');
    const there = await exportPlanOffThread(
      { ...job('csv', reader), language: 'sr-Cyrl' },
      t.db.kysely,
    );
    expect(there.body.toString('utf8')).toBe(here.body.toString('utf8'));
    expect(there.body.toString('utf8')).toContain('Ознака тајности: ');
  });

  it('renders an XLSX workbook in the worker', async () => {
    const file = await exportPlanOffThread(job('xlsx', reader), t.db.kysely);
    // An XLSX file is a ZIP archive: "PK\x03\x04".
    expect(file.body.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('rejects when the worker cannot read the database', async () => {
    const broken: ExportJob = {
      ...job('csv', null),
      database:
        kind === 'sqlite'
          ? { kind: 'sqlite', file: `${database.kind === 'sqlite' ? database.file : ''}.missing` }
          : { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' },
    };
    await expect(exportPlanOffThread(broken, t.db.kysely)).rejects.toThrow();
  });

  it('looks up partners of more items than SQLite takes parameters in one statement', async () => {
    const items = (
      await t.db.kysely
        .selectFrom('plan_items')
        .select('id')
        .where('plan_id', '=', planId)
        .limit(1)
        .execute()
    ).map((r) => r.id);
    const organisation = await t.db.kysely
      .selectFrom('organisations')
      .select('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('plan_item_partners')
      .values({ plan_item_id: items[0]!, organisation_id: organisation.id })
      .execute();
    const ids = [...Array.from({ length: 40_000 }, () => uuidv7()), items[0]!];
    const partners = await partnersOf(t.db.kysely, ids);
    expect(partners.get(items[0]!)).toEqual([organisation.id]);
    expect(partners.size).toBe(1);
  });
});
