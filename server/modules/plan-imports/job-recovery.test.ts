/**
 * The import job queue's parts, on a database no app polls: claiming (each job to exactly one
 * claimer, SKIP LOCKED on PostgreSQL), the heartbeat (renewed only for jobs still held) and the
 * sweep (jobs of a dead owner released for another instance, jobs taken too often failed).
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { AuditLog } from '../../audit/audit-log.js';
import { createUser } from '../../auth/users.js';
import { DATA_SETS, seedReferenceData } from '../../seed/load-reference.js';
import { testDatabases } from '../../test/databases.js';
import { openTestDatabase, type TestDatabase } from '../../test/harness.js';
import {
  INTERRUPTED,
  MAX_ATTEMPTS,
  beat,
  claimJob,
  jobKeeper,
  newOwner,
  recoverInterruptedJobs,
  retireOwner,
} from './job-recovery.js';

const host = os.hostname();
/** A pid no process has (above any pid_max). */
const DEAD_PID = 4_194_400;

describe.each(testDatabases)('import job queue on %s', (kind) => {
  let test: TestDatabase;
  let planId: string;
  let userId: string;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    const audit = new AuditLog(test.db.dialect);
    await seedReferenceData(test.db, audit, DATA_SETS[test.config.deployment.dataSet]);
    const user = await createUser(test.db, audit, {
      email: `queue.${uuidv7()}@example.test`,
      role: 'coordinator',
      password: 'correct horse battery queue',
    });
    userId = user.id;
    planId = (await test.db.kysely.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => test.drop());

  /** Jobs of earlier tests are done with: each test sees only its own running jobs. */
  const clear = () =>
    test.db.kysely
      .updateTable('plan_imports')
      .set({ status: 'failed' })
      .where('status', 'in', ['queued', 'validating', 'committing'])
      .execute();

  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  async function job(
    status: string,
    owner: string | null,
    heartbeatAgoMs: number | null,
    attempts = owner ? 1 : 0,
  ) {
    const id = uuidv7();
    const at = ago(heartbeatAgoMs ?? 0);
    await test.db.kysely
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
        attempts,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }
  const row = (id: string) =>
    test.db.kysely
      .selectFrom('plan_imports')
      .select(['status', 'failure', 'owner', 'attempts', 'heartbeat_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('releases the running jobs whose owner is gone, and fails those taken too often', async () => {
    await clear();
    const self = newOwner();
    const stopped = newOwner();
    retireOwner(stopped);
    const otherHost = `elsewhere-${uuidv7()}/4242/abcd1234`;
    const jobs = {
      deadHere: await job('committing', `${host}/${DEAD_PID}/0badc0de`, 1_000),
      stoppedInstanceOfThisProcess: await job('validating', stopped.id, 1_000),
      earlierProcessWithMyPid: await job('validating', `${host}/${process.pid}/0ldpr0c5`, 1_000),
      aliveElsewhere: await job('validating', otherHost, 5_000),
      silentElsewhere: await job('committing', otherHost, 120_000),
      mine: await job('committing', self.id, 600_000),
      finished: await job('validated', `${host}/${DEAD_PID}/0badc0de`, 1_000),
      queuedJustNow: await job('queued', null, null),
      exhaustedDead: await job('committing', `${host}/${DEAD_PID}/0badc0de`, 1_000, MAX_ATTEMPTS),
      exhaustedUnowned: await job('queued', null, null, MAX_ATTEMPTS),
    };
    const swept = await recoverInterruptedJobs(test.db, self);
    const released = [
      'deadHere',
      'stoppedInstanceOfThisProcess',
      'earlierProcessWithMyPid',
      'silentElsewhere',
    ];
    const failed = ['exhaustedDead', 'exhaustedUnowned'];
    const ids = (names: string[]) => names.map((k) => jobs[k as keyof typeof jobs]).sort();
    expect(swept.released.sort()).toEqual(ids(released));
    expect(swept.failed.sort()).toEqual(ids(failed));
    for (const [name, id] of Object.entries(jobs)) {
      const now = await row(id);
      if (released.includes(name)) expect(now, name).toMatchObject({ owner: null });
      else if (failed.includes(name))
        expect(now, name).toMatchObject({ status: 'failed', failure: INTERRUPTED });
      else expect(now.status, name).not.toBe('failed');
    }
    expect(await row(jobs.mine)).toMatchObject({ owner: self.id, status: 'committing' });
    expect(await row(jobs.aliveElsewhere)).toMatchObject({ owner: otherHost });
    // A second sweep finds nothing more.
    expect(await recoverInterruptedJobs(test.db, self)).toEqual({ released: [], failed: [] });
    retireOwner(self);
  });

  it('gives each job to exactly one of several claimers, oldest first, and skips live ones', async () => {
    await clear();
    const a = newOwner();
    const b = newOwner();
    const held = await job('committing', `elsewhere-${uuidv7()}/1/live0000`, 1_000);
    const stale = await job('validating', `elsewhere-${uuidv7()}/1/dead0000`, 120_000);
    const queued: string[] = [];
    for (let i = 0; i < 12; i++) queued.push(await job('queued', null, null));
    // Two instances claim at once, six tries each (PostgreSQL: concurrent connections).
    const claims = await Promise.all(
      Array.from({ length: 16 }, (_, i) => claimJob(test.db, i % 2 ? a : b)),
    );
    const got = claims.filter((c) => c !== null);
    const gotIds = got.map((c) => c.id);
    // Every claimable job once (13), the live one never, and the rest of the tries found nothing.
    expect(new Set(gotIds).size).toBe(gotIds.length);
    expect(gotIds.sort()).toEqual([stale, ...queued].sort());
    expect(gotIds).not.toContain(held);
    for (const id of gotIds) {
      const now = await row(id);
      expect([a.id, b.id]).toContain(now.owner);
      expect(now.heartbeat_at).not.toBeNull();
    }
    expect((await row(stale)).attempts).toBe(2);
    expect((await row(queued[0]!)).attempts).toBe(1);
    expect(await claimJob(test.db, a)).toBeNull();
    // The oldest first: the stale job was created two minutes ago, before the queued ones.
    const again = await job('queued', null, null);
    const older = await job('queued', null, 30_000);
    expect((await claimJob(test.db, b))?.id).toBe(older);
    expect((await claimJob(test.db, a))?.id).toBe(again);
    retireOwner(a);
    retireOwner(b);
  });

  it('renews the heartbeat only of jobs still held, and tells the runner of a job taken over', async () => {
    await clear();
    const self = newOwner();
    const mine = await job('committing', self.id, 30_000);
    const takenOver = await job('committing', self.id, 30_000);
    const before = (await row(mine)).heartbeat_at!;
    // Another instance took the second job over.
    await test.db.kysely
      .updateTable('plan_imports')
      .set({ owner: 'elsewhere/9/taken000' })
      .where('id', '=', takenOver)
      .execute();
    expect(await beat(test.db, [mine, takenOver], self)).toEqual([mine]);
    const lost: string[] = [];
    const keeper = jobKeeper(
      test.db,
      () => [mine, takenOver],
      (e) => {
        throw e;
      },
      20,
      self,
      (ids) => lost.push(...ids),
    );
    await keeper.start();
    await new Promise((r) => setTimeout(r, 150));
    await keeper.stop();
    expect(Date.parse((await row(mine)).heartbeat_at!)).toBeGreaterThan(Date.parse(before));
    expect((await row(mine)).status).toBe('committing');
    expect(lost).toContain(takenOver);
    expect(lost).not.toContain(mine);
    expect((await row(takenOver)).owner).toBe('elsewhere/9/taken000');
    retireOwner(self);
  });
});
