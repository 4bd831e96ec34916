/**
 * Two app instances on one database share the import jobs: each job is run exactly once, by
 * whichever instance claims it, and a job whose owner stopped heartbeating (its process died in
 * the middle of the commit) is taken over and committed by the other — once. An owner that lost
 * its job cannot mark it committed: its transaction rolls back.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ImportJob } from '../../../core/schemas/plan-import.js';
import { verifyAuditChain } from '../../audit/audit-log.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { POLL_MS } from './service.js';

describe.each(testDatabases)('import jobs shared by two instances on %s', (kind) => {
  let t: TestApp;
  let second: FastifyInstance;
  let coordinator: Session;
  let planId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    second = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), {
      db: t.db,
      logger: false,
      rateLimitPerMinute: 100_000,
    });
    await second.ready();
    coordinator = await t.signIn('coordinator');
    planId = (await t.inject({ method: 'GET', url: '/api/v1/plans' }))
      .json()
      .items.find((p: { code: string }) => p.code === 'IPAP-2015').id;
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const instances = () => [t.app, second];
  const upload = (via: FastifyInstance, csv: string) =>
    via.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/imports`,
      headers: coordinator.headers,
      payload: { fileName: 'plan.csv', content: Buffer.from(csv).toString('base64') },
    });
  const settle = async (id: string, until: string[]): Promise<ImportJob> => {
    for (let i = 0; i < 2000; i++) {
      const body = (
        await t.inject({
          method: 'GET',
          url: `/api/v1/imports/${id}?pageSize=1`,
          headers: coordinator.headers,
        })
      ).json() as ImportJob;
      if (until.includes(body.status)) return body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`import ${id} never reached ${until.join('/')}`);
  };
  const jobRow = (id: string) =>
    t.db.kysely
      .selectFrom('plan_imports')
      .select(['status', 'owner', 'attempts'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const commitEntries = async (id: string) =>
    (
      await t.db.kysely
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'plan_import.commit')
        .where('entity_id', '=', id)
        .execute()
    ).length;
  const itemsTitled = async (title: string) =>
    (
      await t.db.kysely
        .selectFrom('plan_items')
        .select(['code'])
        .where('plan_id', '=', planId)
        .where('title_en', '=', title)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((r) => r.code);
  /** A chapter's next free child number. */
  const nextUnder = async (chapter: string) => {
    const rows = await t.db.kysely
      .selectFrom('plan_items as i')
      .innerJoin('plan_items as p', 'p.id', 'i.parent_id')
      .select('i.position')
      .where('p.plan_id', '=', planId)
      .where('p.code', '=', chapter)
      .execute();
    return Math.max(0, ...rows.map((r) => r.position)) + 1;
  };

  it('runs every job once, whichever instance took the request', async () => {
    const ids: string[] = [];
    const n = await nextUnder('2');
    for (let i = 0; i < 6; i++) {
      const csv = `Code;Parent code;Title (English)\n2.${n};2;Shared queue ${kind} ${i}\n`;
      const res = await upload(instances()[i % 2]!, csv);
      expect(res.statusCode, res.body).toBe(202);
      ids.push(res.json().id);
    }
    for (const id of ids) {
      expect((await settle(id, ['validated', 'failed'])).status).toBe('validated');
      const row = await jobRow(id);
      expect(row.attempts).toBe(1);
    }
    // Six dry runs of the same new code: the first commit wins, the others find the plan changed.
    const first = await second.inject({
      method: 'POST',
      url: `/api/v1/imports/${ids[0]}/commit`,
      headers: coordinator.headers,
    });
    expect(first.statusCode, first.body).toBe(202);
    expect((await settle(ids[0]!, ['committed', 'failed'])).status).toBe('committed');
    expect(await itemsTitled(`Shared queue ${kind} 0`)).toEqual([`2.${n}`]);
    expect(await commitEntries(ids[0]!)).toBe(1);
    expect((await jobRow(ids[0]!)).attempts).toBe(1);
    const late = await t.inject({
      method: 'POST',
      url: `/api/v1/imports/${ids[1]}/commit`,
      headers: coordinator.headers,
    });
    expect(late.statusCode).toBe(409);
    // Both instances keep polling: after a few rounds nothing ran a second time.
    await new Promise((r) => setTimeout(r, 2 * POLL_MS + 200));
    expect(await commitEntries(ids[0]!)).toBe(1);
    for (const id of ids) expect((await jobRow(id)).attempts).toBe(1);
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true);
  });

  it('takes over a commit whose instance died, and commits it once', async () => {
    const n = await nextUnder('3');
    const title = `Taken over ${kind}`;
    const csv = `Code;Parent code;Title (English)\n3.${n};3;${title}\n;3.${n};${title} child\n`;
    const res = await upload(t.app, csv);
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    expect((await settle(id, ['validated', 'failed'])).status).toBe('validated');
    // The commit was claimed by an instance on another host that died in its transaction (rolled
    // back with its connection): the job says "committing", its heartbeat stopped 2 minutes ago.
    const stoppedAt = new Date(Date.now() - 120_000).toISOString();
    await t.db.kysely
      .updateTable('plan_imports')
      .set({
        status: 'committing',
        owner: 'lost-host/4242/deadbeef',
        heartbeat_at: stoppedAt,
        attempts: 1,
        updated_at: stoppedAt,
      })
      .where('id', '=', id)
      .execute();
    const done = await settle(id, ['committed', 'failed']);
    expect(done.status, done.failure ?? '').toBe('committed');
    const row = await jobRow(id);
    expect(row.attempts).toBe(2);
    expect(row.owner).not.toBe('lost-host/4242/deadbeef');
    expect(await itemsTitled(title)).toEqual([`3.${n}`]);
    expect(await itemsTitled(`${title} child`)).toEqual([`3.${n}.1`]);
    expect(await commitEntries(id)).toBe(1);
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true);
  });

  it('rolls back the commit of an instance that lost its job, and the new owner commits it once', async () => {
    const n = await nextUnder('4');
    const title = `Hijacked ${kind}`;
    const res = await upload(second, `Code;Parent code;Title (English)\n4.${n};4;${title}\n`);
    const id = res.json().id as string;
    expect((await settle(id, ['validated', 'failed'])).status).toBe('validated');
    // While the commit writes, another instance takes the job (here: a trigger does, in the same
    // transaction, so the moment is certain); the committing instance must not mark it committed.
    if (kind === 'postgres') {
      await sql`create function import_hijack() returns trigger language plpgsql as $$
        begin
          if new.title_en like 'Hijacked%' then
            update plan_imports set owner = 'thief-host/1/7h1ef000' where status = 'committing';
          end if;
          return null;
        end $$`.execute(t.db.kysely);
      await sql`create trigger import_hijack after insert on plan_items for each row execute function import_hijack()`.execute(
        t.db.kysely,
      );
    } else {
      await sql`create trigger import_hijack after insert on plan_items when new.title_en like 'Hijacked%'
        begin update plan_imports set owner = 'thief-host/1/7h1ef000' where status = 'committing'; end`.execute(
        t.db.kysely,
      );
    }
    try {
      const started = await t.inject({
        method: 'POST',
        url: `/api/v1/imports/${id}/commit`,
        headers: coordinator.headers,
      });
      expect(started.statusCode).toBe(202);
      // The run ends without writing: the job stays "committing", held by the instance that ran it.
      await new Promise((r) => setTimeout(r, 1500));
      expect((await jobRow(id)).attempts).toBe(1);
      expect(await itemsTitled(title)).toEqual([]);
      expect(await commitEntries(id)).toBe(0);
      expect((await jobRow(id)).status).toBe('committing');
    } finally {
      await sql`drop trigger import_hijack${sql.raw(kind === 'postgres' ? ' on plan_items' : '')}`.execute(
        t.db.kysely,
      );
    }
    // Its owner stops heartbeating for it; once the heartbeat is old, an instance takes it over.
    await t.db.kysely
      .updateTable('plan_imports')
      .set({ heartbeat_at: new Date(Date.now() - 120_000).toISOString() })
      .where('id', '=', id)
      .execute();
    const done = await settle(id, ['committed', 'failed']);
    expect(done.status, done.failure ?? '').toBe('committed');
    expect(await itemsTitled(title)).toEqual([`4.${n}`]);
    expect(await commitEntries(id)).toBe(1);
  });
});
