/**
 * Readiness for a load balancer: ready when the database answers and is fully migrated; not ready
 * (503, with reasons) when it is not, and from the moment the instance starts draining. The last
 * test runs the server as a process: SIGTERM turns readiness to 503 at once while other requests
 * are still served for LIAISON_DRAIN_DELAY_SECONDS, then the process exits 0.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createDb } from '../../db/database.js';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { testDatabases } from '../../test/databases.js';
import { openTestDatabase, type TestDatabase } from '../../test/harness.js';
import { beginDrain } from './drain.js';

const READY = '/api/v1/health/ready';

describe.each(testDatabases)('readiness on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    app = await buildApp(test.config, { db: test.db, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const res = await app.inject({ method: 'GET', url: READY });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: kind });
  });

  it('is not rate-limited: a load balancer polls it', async () => {
    const limited = await buildApp(
      { ...test.config, rateLimit: { perMinute: 2, loginPerMinute: 2 } },
      { db: test.db, logger: false },
    );
    try {
      const codes = [];
      for (let i = 0; i < 5; i += 1) {
        codes.push((await limited.inject({ method: 'GET', url: READY })).statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await limited.close();
    }
  });

  it('is not ready once the instance drains, while other requests are still served', async () => {
    const draining = await buildApp(test.config, { db: test.db, logger: false });
    try {
      await draining.ready();
      beginDrain(draining);
      const res = await draining.inject({ method: 'GET', url: READY });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        status: 'not_ready',
        database: kind,
        reasons: ['draining: the instance is stopping'],
      });
      expect((await draining.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(
        200,
      );
      // Another app of the same process is not affected.
      expect((await app.inject({ method: 'GET', url: READY })).statusCode).toBe(200);
    } finally {
      await draining.close();
    }
  });

  it('is not ready while migrations are pending, and says which', async () => {
    const older = await openTestDatabase(kind, { migrate: false });
    try {
      await migrateTo(older.db, '0017_plan_import_owner');
      const behind = await buildApp(older.config, { db: older.db, logger: false });
      try {
        const res = await behind.inject({ method: 'GET', url: READY });
        expect(res.statusCode).toBe(503);
        const body = res.json() as { status: string; reasons: string[] };
        expect(body.status).toBe('not_ready');
        expect(body.reasons).toHaveLength(1);
        expect(body.reasons[0]).toMatch(/^migrations pending: .*0021_rate_limit_counters/);
        expect(body.reasons[0]).not.toMatch(/0017_plan_import_owner/);
        await migrateToLatest(older.db);
        expect((await behind.inject({ method: 'GET', url: READY })).statusCode).toBe(200);
      } finally {
        await behind.close();
      }
    } finally {
      await older.drop();
    }
  });

  it('is not ready when the database does not answer', async () => {
    const own = createDb(test.config.database);
    const orphan = await buildApp(test.config, { db: own, logger: false });
    try {
      await orphan.ready();
      expect((await orphan.inject({ method: 'GET', url: READY })).statusCode).toBe(200);
      await own.close();
      const res = await orphan.inject({ method: 'GET', url: READY });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        status: 'not_ready',
        database: kind,
        reasons: ['database: unreachable'],
      });
    } finally {
      await orphan.close();
    }
  });

  it('is documented in the OpenAPI description', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, { get?: { responses?: Record<string, unknown> } }>;
    };
    const responses = spec.paths['/api/v1/health/ready']?.get?.responses ?? {};
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '503']));
  });
});

describe('draining as a process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-drain-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('answers not ready from SIGTERM on, serves meanwhile, then exits 0', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..', '..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LIAISON_DATA_DIR: dataDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
        LIAISON_DRAIN_DELAY_SECONDS: '3',
        LIAISON_SHUTDOWN_GRACE_SECONDS: '10',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const port = await new Promise<number>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          out += chunk.toString();
          const m = /Liaison is running at http:\/\/localhost:(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        void exited.then((code) => reject(new Error(`exited ${code} before listening:\n${out}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const status = async (url: string) => (await fetch(`${base}${url}`)).status;
      expect(await status(READY)).toBe(200);
      child.kill('SIGTERM');
      // The signal is handled within moments; the drain lasts 3 s.
      let ready = 200;
      for (let waited = 0; ready === 200 && waited < 2000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
        ready = await status(READY);
      }
      expect(ready).toBe(503);
      const body = (await (await fetch(`${base}${READY}`)).json()) as { reasons: string[] };
      expect(body.reasons).toContain('draining: the instance is stopping');
      // Still serving everything else while the load balancer takes it out, each answer closing
      // its connection so none keeps the server open after the listener closes.
      const during = await fetch(`${base}/api/v1/health`);
      expect(during.status).toBe(200);
      expect(during.headers.get('connection')).toBe('close');
      expect(await status('/api/v1/marking-levels')).toBe(200);
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
