/**
 * Import jobs left running by a process that died are marked failed at start-up (and by the
 * periodic sweep) — only those whose owner is gone — and the person can import again.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import type { ImportJob } from '../../../core/schemas/plan-import.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { INTERRUPTED, THIS_PROCESS, jobKeeper, recoverInterruptedJobs } from './job-recovery.js';

const host = os.hostname();
/** A pid no process has (above any pid_max). */
const DEAD_PID = 4_194_400;

describe.each(testDatabases)('interrupted import jobs on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    planId = (await t.inject({ method: 'GET', url: '/api/v1/plans' }))
      .json()
      .items.find((p: { code: string }) => p.code === 'IPAP-2015').id;
    userId = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: coordinator.headers })
    ).json().user.id;
  });
  afterAll(() => t.close());

  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  async function job(status: string, owner: string | null, heartbeatAgoMs: number | null) {
    const id = uuidv7();
    const at = ago(heartbeatAgoMs ?? 0);
    await t.db.kysely
      .insertInto('plan_imports')
      .values({
        id,
        plan_id: planId,
        user_id: userId,
        file_name: 'plan.csv',
        format: 'csv',
        status,
        progress_done: 0,
        progress_total: 10,
        failure: null,
        counts: null,
        ignored_headings: '[]',
        report: null,
        table_data: null,
        fingerprint: null,
        owner,
        heartbeat_at: heartbeatAgoMs === null ? null : at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }
  const statusOf = async (id: string) =>
    (
      await t.db.kysely
        .selectFrom('plan_imports')
        .select(['status', 'failure'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('fails only the running jobs whose owner is gone', async () => {
    const otherHost = `elsewhere-${uuidv7()}/4242/abcd1234`;
    const jobs = {
      deadHere: await job('committing', `${host}/${DEAD_PID}/0badc0de`, 1_000),
      earlierProcessWithMyPid: await job('validating', `${host}/${process.pid}/0ldpr0c5`, 1_000),
      aliveElsewhere: await job('validating', otherHost, 5_000),
      silentElsewhere: await job('committing', otherHost, 120_000),
      mine: await job('committing', THIS_PROCESS.id, 600_000),
      finished: await job('validated', `${host}/${DEAD_PID}/0badc0de`, 1_000),
      queuedJustNow: await job('queued', null, null),
      queuedLongAgo: await job('queued', null, 600_000),
    };
    const failed = await recoverInterruptedJobs(t.db);
    const expected = ['deadHere', 'earlierProcessWithMyPid', 'silentElsewhere', 'queuedLongAgo'];
    expect(failed.sort()).toEqual(expected.map((k) => jobs[k as keyof typeof jobs]).sort());
    for (const [name, id] of Object.entries(jobs)) {
      const status = await statusOf(id);
      if (expected.includes(name)) expect(status, name).toBe('failed');
      else expect(status, name).not.toBe('failed');
    }
    // A second sweep finds nothing more.
    expect(await recoverInterruptedJobs(t.db)).toEqual([]);
  });

  it('at start-up marks a job interrupted by a crash failed, with a message, and a new upload goes through', async () => {
    const crashed = await job('committing', `${host}/${DEAD_PID}/c0ffee00`, 2_000);
    // A new server process starting on the same database.
    const second = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), {
      db: t.db,
      logger: false,
    });
    await second.ready();
    await second.close();
    const shown = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/imports/${crashed}`,
        headers: coordinator.headers,
      })
    ).json() as ImportJob;
    expect(shown).toMatchObject({ status: 'failed', failure: INTERRUPTED });
    // The retry the web offers: upload the file again.
    const again = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/imports`,
      headers: coordinator.headers,
      payload: {
        fileName: 'plan.csv',
        content: Buffer.from('Code;Parent code;Title (English)\n;1;Again\n').toString('base64'),
      },
    });
    expect(again.statusCode, again.body).toBe(202);
    let status = '';
    for (let i = 0; i < 400 && !['validated', 'failed'].includes(status); i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = (
        await t.inject({
          method: 'GET',
          url: `/api/v1/imports/${again.json().id}`,
          headers: coordinator.headers,
        })
      ).json().status;
    }
    expect(status).toBe('validated');
    // The job records who ran it.
    const row = await t.db.kysely
      .selectFrom('plan_imports')
      .select(['owner', 'heartbeat_at'])
      .where('id', '=', again.json().id)
      .executeTakeFirstOrThrow();
    expect(row.owner).toBe(THIS_PROCESS.id);
    expect(row.heartbeat_at).not.toBeNull();
  });

  it('keeps the heartbeat of the jobs this process runs', async () => {
    const running = await job('committing', THIS_PROCESS.id, 30_000);
    const before = (
      await t.db.kysely
        .selectFrom('plan_imports')
        .select('heartbeat_at')
        .where('id', '=', running)
        .executeTakeFirstOrThrow()
    ).heartbeat_at!;
    const keeper = jobKeeper(
      t.db,
      () => [running],
      (e) => {
        throw e;
      },
      20,
    );
    await keeper.start();
    await new Promise((r) => setTimeout(r, 100));
    await keeper.stop();
    const after = await t.db.kysely
      .selectFrom('plan_imports')
      .select(['heartbeat_at', 'status'])
      .where('id', '=', running)
      .executeTakeFirstOrThrow();
    expect(Date.parse(after.heartbeat_at!)).toBeGreaterThan(Date.parse(before));
    expect(after.status).toBe('committing');
  });
});
