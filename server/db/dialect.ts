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
  IdentifierNode,
  RawNode,
  SelectQueryNode,
  createQueryId,
  sql,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type Dialect,
  type Kysely,
  type QueryExecutorProvider,
} from 'kysely';
import pg from 'pg';

export type DialectName = 'sqlite' | 'postgres';

/** `savepoint x`, `rollback to x`, `release x` with the name quoted (as Kysely builds them). */
function parseSavepoint(command: string, name: string): RawNode {
  return RawNode.createWithChildren([
    RawNode.createWithSql(`${command} `),
    IdentifierNode.create(name),
  ]);
}

/** How many prepared statements each SQLite connection keeps (least recently used go first). */
export const STATEMENT_CACHE_SIZE = 256;
const statementCaches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The connection's prepared statement for this SQL text, compiled once and reused: preparing the
 * access filter's long SQL cost more than running it (14 % of the CPU of a one-record read). The
 * requests of an application repeat a few hundred texts; an LRU bound keeps texts with varying
 * `in (…)` lists from growing it. SQLite re-prepares a kept statement itself after a schema change.
 * Only for statements run to completion at once (all/run): an iterating statement is busy until
 * its iterator ends, so streams prepare their own.
 */
function prepared(database: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statementCaches.get(database);
  if (!cache) statementCaches.set(database, (cache = new Map()));
  let statement = cache.get(text);
  if (statement) {
    cache.delete(text);
  } else {
    statement = database.prepare(text);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(text, statement);
  return statement;
}

/** better-sqlite3 behind Kysely's connection interface (as Kysely's own SqliteConnection). */
function runOn(database: BetterSqlite3.Database, query: CompiledQuery): QueryResult<unknown> {
  const statement = prepared(database, query.sql);
  if (statement.reader) return { rows: statement.all(query.parameters) };
  const { changes, lastInsertRowid } = statement.run(query.parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/**
 * A plain read: a SELECT built by Kysely (with or without WITH: SQLite allows only SELECTs in a
 * common table expression), or raw SQL starting with SELECT.
 */
function isRead(query: CompiledQuery): boolean {
  if (SelectQueryNode.is(query.query)) return true;
  return RawNode.is(query.query) && /^\s*select\b/i.test(query.sql);
}

/** One waiter at a time on the write connection (Kysely's SQLite driver has the same mutex). */
class Mutex {
  #held: Promise<void> | null = null;
  #release: (() => void) | null = null;
  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => (this.#release = resolve));
  }
  unlock(): void {
    const release = this.#release;
    this.#held = null;
    this.#release = null;
    release?.();
  }
}

/**
 * What Kysely holds as "the connection": it picks the real one per query. Inside a transaction
 * (or a stream) it holds the write connection and its mutex until released; outside, a plain read
 * runs at once on the read connection and anything else takes the write connection for that one
 * statement.
 */
class RoutedConnection implements DatabaseConnection {
  #holding = false;
  constructor(readonly driver: ReadWriteSqliteDriver) {}

  async hold(): Promise<void> {
    if (this.#holding) return;
    await this.driver.mutex.lock();
    this.#holding = true;
  }

  release(): void {
    if (!this.#holding) return;
    this.#holding = false;
    this.driver.mutex.unlock();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader, mutex } = this.driver;
    if (this.#holding) return runOn(writer, query) as QueryResult<R>;
    if (reader && isRead(query)) return runOn(reader, query) as QueryResult<R>;
    await mutex.lock();
    try {
      return runOn(writer, query) as QueryResult<R>;
    } finally {
      mutex.unlock();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const held = this.#holding;
    await this.hold();
    try {
      for (const row of this.driver.writer.prepare(query.sql).iterate(query.parameters)) {
        yield { rows: [row as R] };
      }
    } finally {
      if (!held) this.release();
    }
  }
}

/**
 * SQLite with two connections to one WAL file. Writes and transactions go to the write connection,
 * one at a time, and transactions start with BEGIN IMMEDIATE (the write lock taken up front, so two
 * writers never deadlock upgrading a read lock). A plain read outside a transaction goes to the
 * read connection, which sees the last committed snapshot: a long import commit no longer makes
 * every request (/health included) wait for its end. The read connection is `query_only`: a write
 * routed there by mistake fails instead of slipping past the mutex.
 */
class ReadWriteSqliteDriver implements Driver {
  readonly mutex = new Mutex();
  readonly #idle: RoutedConnection[] = [];
  constructor(
    readonly writer: BetterSqlite3.Database,
    readonly reader: BetterSqlite3.Database | null,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#idle.pop() ?? new RoutedConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).hold();
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(compile(parseSavepoint('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(compile(parseSavepoint('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(compile(parseSavepoint('release', name), createQueryId()));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).release();
    this.#idle.push(connection as RoutedConnection);
  }

  async destroy(): Promise<void> {
    this.reader?.close();
    this.writer.close();
  }
}

class ReadWriteSqliteDialect extends SqliteDialect {
  readonly #writer: BetterSqlite3.Database;
  readonly #reader: BetterSqlite3.Database | null;
  constructor(writer: BetterSqlite3.Database, reader: BetterSqlite3.Database | null) {
    super({ database: writer });
    this.#writer = writer;
    this.#reader = reader;
  }
  override createDriver(): Driver {
    return new ReadWriteSqliteDriver(this.#writer, this.#reader);
  }
}

/**
 * Opens the SQLite file with the pragmas DESIGN.md asks for (WAL, synchronous=FULL, FKs), and a
 * second, query-only connection for plain reads (none for `:memory:`, which another connection
 * cannot see).
 */
export function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  let reader: BetterSqlite3.Database | null = null;
  if (file !== ':memory:') {
    reader = new BetterSqlite3(file);
    reader.pragma('busy_timeout = 5000');
    reader.pragma('query_only = ON');
  }
  return new ReadWriteSqliteDialect(database, reader);
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

/**
 * Serialises the writers of one plan's structure (item codes and positions, imports, report
 * workflow): call it first thing in the transaction, before reading what the write depends on.
 * PostgreSQL takes the plan row's lock (SELECT … FOR UPDATE, held until commit; a second writer
 * waits, then reads what the first committed, since READ COMMITTED takes a fresh snapshot per
 * statement). SQLite needs nothing: BEGIN IMMEDIATE already holds the one database write lock.
 */
export async function lockPlan(
  trx: QueryExecutorProvider,
  dialect: DialectName,
  planId: string,
): Promise<void> {
  if (dialect === 'postgres')
    await sql`select id from plans where id = ${planId} for update`.execute(trx);
}

/**
 * Serialises changes of the organisation tree's shape: moves (the loop check reads the ancestors,
 * then writes the parent: two crossing moves checked at once would both pass), units added below a
 * parent, deletes and restores (a unit added while its parent is deleted would outlive it).
 * PostgreSQL takes a transaction-
 * scoped advisory lock; SQLite's BEGIN IMMEDIATE already serialises every writer.
 */
export async function lockOrganisationTree(
  trx: QueryExecutorProvider,
  dialect: DialectName,
): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7002)`.execute(trx);
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
