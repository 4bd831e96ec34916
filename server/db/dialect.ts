/**
 * The only file that knows SQLite and PostgreSQL differ: drivers, column types, locks and error
 * codes. Everything else talks Kysely and asks this file when the two disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';

export type DialectName = 'sqlite' | 'postgres';

/**
 * SQLite driver whose write transactions start with BEGIN IMMEDIATE: the write lock is taken up
 * front, so two writers never deadlock upgrading a read lock (SQLITE_BUSY mid-transaction).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Opens the SQLite file with the pragmas DESIGN.md asks for (WAL, synchronous=FULL, FKs). */
export function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new ImmediateSqliteDialect({ database });
}

// PostgreSQL returns timestamptz as Date and bigint as string; make both dialects answer alike.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** A pooled PostgreSQL dialect. */
export function postgresDialect(url: string, max = 10): Dialect {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client dropped by the server (restart, failover) must not crash the process; the pool
  // replaces it on the next checkout.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool });
}

/** Column type for timestamps: ISO-8601 text on SQLite, timestamptz on PostgreSQL. */
export function timestampType(dialect: DialectName) {
  return dialect === 'postgres' ? 'timestamptz' : 'text';
}

/**
 * Serialises appends to the audit hash chain. SQLite already holds the write lock (BEGIN
 * IMMEDIATE); PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function lockAuditChain(trx: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7001)`.execute(trx);
}

/** What a driver error means, whichever database raised it. */
export function classifyDbError(
  error: unknown,
): 'unique' | 'foreign_key' | 'busy' | 'serialization' | null {
  if (!error || typeof error !== 'object') return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
    return 'unique';
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign_key';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') return 'busy';
  if (code === '40001' || code === '40P01') return 'serialization';
  return null;
}

/** Column type for decimal numbers: 8-byte floating point on both (REAL is 8 bytes on SQLite). */
export function floatType(dialect: DialectName) {
  return dialect === 'postgres' ? ('double precision' as const) : ('real' as const);
}
