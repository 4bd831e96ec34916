/**
 * The benchmark's databases: a fresh SQLite data directory, or a fresh PostgreSQL database
 * created next to the one BENCH_DATABASE_URL names (or that database wiped, when allowed); the
 * seed (reference data + synthetic plan); the non-admin user; the id pools the scenarios draw on.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { visibleTo } from '../../server/access/visibility.js';
import { AuditLog, verifyAuditChain } from '../../server/audit/audit-log.js';
import type { Actor } from '../../server/audit/context.js';
import { accessOf, actorOf } from '../../server/auth/sessions.js';
import { createUser } from '../../server/auth/users.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedReferenceData } from '../../server/seed/load-reference.js';
import {
  seedSynthetic,
  type SyntheticOptions,
  SYNTHETIC_COMMON_WORD,
  SYNTHETIC_ORGANISATIONS,
  SYNTHETIC_RARE_WORDS,
} from '../../server/seed/synthetic.js';

export interface BenchDatabase {
  kind: 'sqlite' | 'postgres';
  /** Environment for a Liaison process on this database. */
  env: Record<string, string>;
  config: Config;
  describe: string;
  dispose(): Promise<void>;
}

const serverEnv = { NODE_ENV: 'production', LOG_LEVEL: 'warn' } as const;

export function sqliteDatabase(): BenchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-'));
  const env = { ...serverEnv, LIAISON_DATA_DIR: dir, DATABASE_URL: '' };
  return {
    kind: 'sqlite',
    env,
    config: loadConfig(env),
    describe: `SQLite file in ${dir}`,
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh database `liaison_bench_<random>` on the server of `url` (dropped afterwards); with
 * `wipe`, the database `url` names is emptied and used instead (for roles that cannot create
 * databases).
 */
export async function postgresDatabase(url: string, wipe: boolean): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    if (wipe) {
      await admin.query('drop schema public cascade');
      await admin.query('create schema public');
      const env = { ...serverEnv, DATABASE_URL: url };
      return {
        kind: 'postgres',
        env,
        config: loadConfig(env),
        describe: `PostgreSQL database ${new URL(url).pathname.slice(1)} (wiped)`,
        dispose: async () => undefined,
      };
    }
    const name = `liaison_bench_${randomBytes(5).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const own = new URL(url);
    own.pathname = `/${name}`;
    const env = { ...serverEnv, DATABASE_URL: own.toString() };
    return {
      kind: 'postgres',
      env,
      config: loadConfig(env),
      describe: `PostgreSQL database ${name} (created for the run)`,
      dispose: async () => {
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        try {
          await cleanup.query(`drop database if exists ${name} with (force)`);
        } finally {
          await cleanup.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}

export interface Seeded {
  reference: Record<string, number>;
  synthetic: Record<string, number>;
  /** Synthetic rows per second (the bulk-import figure). */
  bulkImport: { rows: number; seconds: number; rowsPerSecond: number };
  exportPlanItems: number;
  /** Items of the second plan whose whole tree is timed (0: none seeded). */
  treePlanItems: number;
  /** Timeline events in the database (the rows a timeline search looks through). */
  timelineEvents: number;
  /** Set when the seed could not make as many searchable rows as asked. */
  timelineEventsNote?: string;
  databaseVersion: string;
}

export interface SeedOptions {
  /**
   * Timeline events to seed with the big plan (the searchable rows), through seedSynthetic's
   * `timelineEvents` option; without it the plan brings items/10.
   */
  timelineEvents?: number;
  /** Items of a second plan whose whole tree is timed (e.g. 2,000). */
  treePlanItems?: number;
}

/**
 * Migrates and seeds: reference data, the synthetic plan of `items`, a 1,000-item plan (exports)
 * and, when asked, a plan of `treePlanItems` and `timelineEvents` searchable rows.
 */
export async function seed(db: Db, items: number, options: SeedOptions = {}): Promise<Seeded> {
  await migrateToLatest(db);
  const audit = new AuditLog(db.dialect);
  const reference = await seedReferenceData(db, audit);
  const started = performance.now();
  // `timelineEvents` goes in through a variable: older seeds without the option ignore it.
  const bigPlan: SyntheticOptions = {
    items,
    seed: 42,
    ...(options.timelineEvents ? { timelineEvents: options.timelineEvents } : {}),
  };
  const synthetic = await seedSynthetic(db, audit, bigPlan);
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(synthetic).reduce((a, b) => a + b, 0);
  // A small second plan for the 1,000-item report (the export covers a whole plan).
  let exportPlanItems = 0;
  if (items !== 1000) {
    const small = await seedSynthetic(db, audit, { items: 1000, seed: 7 });
    exportPlanItems = small['plan items'];
  }
  let treePlanItems = 0;
  if (options.treePlanItems && options.treePlanItems !== items && options.treePlanItems !== 1000) {
    const tree = await seedSynthetic(db, audit, { items: options.treePlanItems, seed: 11 });
    treePlanItems = tree['plan items'];
  } else if (options.treePlanItems) {
    treePlanItems = options.treePlanItems;
  }
  // Planner statistics, as autovacuum would gather them after a bulk load. The PostgreSQL server
  // of this machine runs with autovacuum off: unanalysed, it sorted the whole plan for each page.
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  const version = await sql<{ v: string }>`select ${sql.raw(
    db.dialect === 'postgres' ? 'version()' : "'SQLite ' || sqlite_version()",
  )} as v`.execute(db.kysely);
  const events = await db.kysely
    .selectFrom('timeline_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const timelineEvents = Number(events.n);
  const short = options.timelineEvents && timelineEvents < options.timelineEvents * 0.9;
  return {
    reference,
    synthetic,
    bulkImport: { rows, seconds, rowsPerSecond: rows / seconds },
    exportPlanItems: exportPlanItems || items,
    treePlanItems,
    timelineEvents,
    ...(short
      ? {
          timelineEventsNote: `asked for ${(options.timelineEvents ?? 0).toLocaleString('en')} searchable rows, the seed made ${timelineEvents.toLocaleString('en')}: seedSynthetic does not take the \`timelineEvents\` option yet`,
        }
      : {}),
    databaseVersion: version.rows[0]?.v ?? 'unknown',
  };
}

export interface BenchUser {
  email: string;
  password: string;
  actor: Actor;
}

/**
 * A coordinator (may create and change plan items, no administrator powers) of the partner nation
 * with the default clearances, working in the first synthetic organisation: the label filter applies
 * in full — it sees public and RS records, and NATO UNCLASSIFIED ones only from its organisation.
 */
export async function createBenchUser(db: Db): Promise<BenchUser> {
  const email = `bench.${randomBytes(3).toString('hex')}@example.test`;
  const password = `bench correct horse ${randomBytes(8).toString('hex')}`;
  const created = await createUser(db, new AuditLog(db.dialect), {
    email,
    role: 'coordinator',
    displayName: 'Benchmark coordinator',
    password,
  });
  const org = await db.kysely
    .selectFrom('organisations')
    .select('id')
    .where('seed_key', '=', SYNTHETIC_ORGANISATIONS[0].key)
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('user_organisations')
    .values({ user_id: created.id, organisation_id: org.id })
    .execute();
  const row = await db.kysely
    .selectFrom('users')
    .selectAll()
    .where('id', '=', created.id)
    .executeTakeFirstOrThrow();
  return { email, password, actor: actorOf(row, await accessOf(db.kysely, created.id)) };
}

export interface Pools {
  planId: string;
  exportPlanId: string | null;
  /** The second plan whose whole tree is timed (null: not seeded). */
  treePlanId: string | null;
  /** Objectives (visible) under which new activities are created, in rotation. */
  parentIds: string[];
  /** Visible activities for single reads. */
  readIds: string[];
  /** Other visible activities for updates. */
  updateIds: string[];
  rareWord: string;
  rareHits: number;
  commonHits: number;
  visibleItems: number;
}

/** Ids and search words the scenarios use, as the bench user sees them. */
export async function pools(
  db: Db,
  actor: Actor,
  items: number,
  treePlanItems = 0,
): Promise<Pools> {
  const plan = await db.kysely
    .selectFrom('plans')
    .select('id')
    .where('code', '=', `SYN-${items}`)
    .executeTakeFirstOrThrow();
  const small =
    items === 1000
      ? plan
      : await db.kysely
          .selectFrom('plans')
          .select('id')
          .where('code', '=', 'SYN-1000')
          .executeTakeFirst();
  const tree = treePlanItems
    ? await db.kysely
        .selectFrom('plans')
        .select('id')
        .where('code', '=', `SYN-${treePlanItems}`)
        .executeTakeFirst()
    : undefined;
  const visible = (depth: number) =>
    db.kysely
      .selectFrom('plan_items as i')
      .select('i.id')
      .where('i.plan_id', '=', plan.id)
      .where('i.depth', '=', depth)
      .where(visibleTo(actor, 'i'))
      .orderBy('i.code')
      .execute();
  const parents = (await visible(1)).map((r) => r.id);
  const activities = (await visible(2)).map((r) => r.id);
  // Spread over the whole plan: every k-th activity, reads and updates disjoint.
  const step = Math.max(1, Math.floor(activities.length / 3000));
  const spread = activities.filter((_, i) => i % step === 0);
  const readIds = spread.filter((_, i) => i % 3 !== 2).slice(0, 2000);
  const updateIds = spread.filter((_, i) => i % 3 === 2).slice(0, 1000);

  const hits = async (word: string) => {
    const row = await db.kysely
      .selectFrom('timeline_events as t')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('t.search_text', 'like', `%${word}%`)
      .where(visibleTo(actor, 't'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  let rareWord: string = SYNTHETIC_RARE_WORDS[0];
  let rareHits = 0;
  for (const word of SYNTHETIC_RARE_WORDS) {
    rareHits = await hits(word);
    rareWord = word;
    if (rareHits > 0) break;
  }
  return {
    planId: plan.id,
    exportPlanId: small?.id ?? null,
    treePlanId: tree?.id ?? null,
    parentIds: parents,
    readIds,
    updateIds,
    rareWord,
    rareHits,
    commonHits: await hits(SYNTHETIC_COMMON_WORD),
    visibleItems: activities.length + parents.length,
  };
}

/** Correctness after the load: the audit chain and plan codes. */
export async function afterChecks(db: Db, planId: string) {
  const chain = await verifyAuditChain(db.kysely);
  const duplicates = await db.kysely
    .selectFrom('plan_items')
    .select(['code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .groupBy('code')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  const total = await db.kysely
    .selectFrom('plan_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return {
    auditChainIntact: chain.ok,
    auditEntries: chain.checked,
    planItemsAfter: Number(total.n),
    duplicateCodes: duplicates.length,
  };
}
