/**
 * Test harness: a fresh database per test file (SQLite file or a new PostgreSQL database), the
 * real app built on it, and helpers to act as a signed-in user.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Role } from '../../core/domain/roles.js';
import { buildApp } from '../app.js';
import { AuditLog } from '../audit/audit-log.js';
import { createUser } from '../auth/users.js';
import { loadConfig, type Config } from '../config.js';
import { createDb, type Db } from '../db/database.js';
import type { DialectName } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { DATA_SETS, seedDeploymentSettings, seedReferenceData } from '../seed/load-reference.js';
import { testPartner } from './partner.js';
import { postgresAdminUrl } from './databases.js';

/** A stand-in web build, so the SPA fallback is tested without building the real one. */
function fakeWebDist(): string {
  const dir = path.join(os.tmpdir(), 'liaison-test-web');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>Liaison test shell</title>',
  );
  return dir;
}

export interface TestDatabase {
  db: Db;
  config: Config;
  drop(): Promise<void>;
}

/** Opens an empty, migrated database of the given kind. */
export async function openTestDatabase(
  kind: DialectName,
  { migrate = true } = {},
): Promise<TestDatabase> {
  const base = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LIAISON_DATA_SET: testPartner }),
    webDist: fakeWebDist(),
  };
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-test-'));
    const config: Config = {
      ...base,
      dataDir: dir,
      database: { kind: 'sqlite', file: path.join(dir, 'test.db') },
    };
    const db = createDb(config.database);
    if (migrate) await migrateToLatest(db);
    return {
      db,
      config,
      drop: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresAdminUrl) throw new Error('LIAISON_TEST_DATABASE_URL is not set');
  const name = `liaison_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const config: Config = { ...base, database: { kind: 'postgres', url: url.toString() } };
  const db = createDb(config.database);
  if (migrate) await migrateToLatest(db);
  return {
    db,
    config,
    drop: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface Session {
  headers: Record<string, string>;
  email: string;
  /** The account's password: credential routes need it again as `currentPassword`. */
  password: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  kind: DialectName;
  /** Creates a user with the role and signs in; returns headers carrying cookie and CSRF token. */
  signIn(role: Role): Promise<Session>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let userCounter = 0;

/** Builds the real app on a fresh database, optionally with the reference data set loaded. */
export async function startTestApp(kind: DialectName, { seed = true } = {}): Promise<TestApp> {
  const test = await openTestDatabase(kind);
  const audit = new AuditLog(test.db.dialect);
  // The partner deployment under test (LIAISON_TEST_PARTNER): its marking scheme, settings, data.
  // Without records (seed: false) the deployment still has its marking scheme and settings.
  const data = DATA_SETS[test.config.deployment.dataSet];
  if (seed) await seedReferenceData(test.db, audit, data);
  else await seedDeploymentSettings(test.db, audit, data);
  const app = await buildApp(test.config, {
    db: test.db,
    logger: false,
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 10_000,
  });
  await app.ready();
  return {
    app,
    db: test.db,
    kind,
    inject: (options) => app.inject(options),
    async signIn(role) {
      userCounter += 1;
      const email = `${role}.${userCounter}.${randomBytes(3).toString('hex')}@example.test`;
      const password = `correct horse ${randomBytes(6).toString('hex')}`;
      await createUser(test.db, audit, { email, role, password });
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'liaison_session');
      const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
      return {
        email,
        password,
        headers: { cookie: `liaison_session=${cookie?.value}`, 'x-csrf-token': csrfToken },
      };
    },
    async close() {
      await app.close();
      await test.drop();
    },
  };
}
