/** Runs the one set of migrations on either database (Kysely's Migrator, static provider). */
import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import type { DialectName } from './dialect.js';
import * as foundation from './migrations/0001_foundation.js';
import * as identity from './migrations/0002_identity.js';
import * as tokensTotp from './migrations/0003_tokens_totp.js';
import * as planItems from './migrations/0004_plan_items.js';
import * as indicators from './migrations/0005_indicators.js';
import * as reporting from './migrations/0006_reporting.js';
import * as planItemOrder from './migrations/0007_plan_item_order_index.js';
import * as planItemHistory from './migrations/0008_plan_item_history.js';
import * as comments from './migrations/0009_comments.js';
import * as planImports from './migrations/0010_plan_imports.js';
import * as searchIndex from './migrations/0011_search_index.js';
import * as planApprovals from './migrations/0012_plan_approvals.js';
import * as reportIndicatorValues from './migrations/0013_report_indicator_values.js';
import * as planItemUniqueOrder from './migrations/0014_plan_item_unique_order.js';
import * as partnerAsData from './migrations/0015_partner_as_data.js';
import * as planItemDeletedWith from './migrations/0016_plan_item_deleted_with.js';
import * as planImportOwner from './migrations/0017_plan_import_owner.js';
import * as planItemCounts from './migrations/0018_plan_item_counts.js';
import * as timelineSearch from './migrations/0019_timeline_search.js';
import * as planImportQueue from './migrations/0020_plan_import_queue.js';
import * as rateLimitCounters from './migrations/0021_rate_limit_counters.js';
import * as planWorkflow from './migrations/0022_plan_workflow.js';
import * as planImportMappings from './migrations/0023_plan_import_mappings.js';

type Step = {
  up: (db: Kysely<unknown>, dialect: DialectName) => Promise<void>;
  down: (db: Kysely<unknown>, dialect: DialectName) => Promise<void>;
};

const steps: Record<string, Step> = {
  '0001_foundation': foundation,
  '0002_identity': identity,
  '0003_tokens_totp': tokensTotp,
  '0004_plan_items': planItems,
  '0005_indicators': indicators,
  '0006_reporting': reporting,
  '0007_plan_item_order_index': planItemOrder,
  '0008_plan_item_history': planItemHistory,
  '0009_comments': comments,
  '0010_plan_imports': planImports,
  '0011_search_index': searchIndex,
  '0012_plan_approvals': planApprovals,
  '0013_report_indicator_values': reportIndicatorValues,
  '0014_plan_item_unique_order': planItemUniqueOrder,
  '0015_partner_as_data': partnerAsData,
  '0016_plan_item_deleted_with': planItemDeletedWith,
  '0017_plan_import_owner': planImportOwner,
  '0018_plan_item_counts': planItemCounts,
  '0019_timeline_search': timelineSearch,
  '0020_plan_import_queue': planImportQueue,
  '0021_rate_limit_counters': rateLimitCounters,
  '0022_plan_workflow': planWorkflow,
  '0023_plan_import_mappings': planImportMappings,
};

function migrator(db: Db): Migrator {
  const migrations: Record<string, Migration> = {};
  for (const [name, step] of Object.entries(steps)) {
    migrations[name] = {
      up: (k) => step.up(k, db.dialect),
      down: (k) => step.down(k, db.dialect),
    };
  }
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
  });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${message}`);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return unwrap(await migrator(db).migrateToLatest());
}

/** Applies pending migrations up to and including `name` (tests of one migration's data step). */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  return unwrap(await migrator(db).migrateTo(name));
}

/** Reverts every migration (used by tests that check the migrations run down and up again). */
export async function migrateDownAll(db: Db): Promise<string[]> {
  const m = migrator(db);
  const names: string[] = [];
  for (;;) {
    const applied = (await m.getMigrations()).filter((x) => x.executedAt);
    if (applied.length === 0) return names;
    names.push(...unwrap(await m.migrateDown()));
  }
}

/**
 * The migrations this build knows that the database has not applied (the readiness check asks on
 * every probe): one read of Kysely's bookkeeping table, no schema introspection. A database that
 * was never migrated (no bookkeeping table) has them all pending.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  let applied: Set<string>;
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db.kysely);
    applied = new Set(rows.rows.map((r) => r.name));
  } catch {
    applied = new Set();
  }
  return Object.keys(steps).filter((name) => !applied.has(name));
}
