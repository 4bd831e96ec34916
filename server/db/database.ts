/** createDb: one Kysely instance over SQLite (default) or PostgreSQL, with a transaction helper. */
import {
  DeleteQueryNode,
  InsertQueryNode,
  Kysely,
  MergeQueryNode,
  RawNode,
  SelectQueryNode,
  TableNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
  type WithNode,
} from 'kysely';
import type { Config } from '../config.js';
import { postgresDialect, sqliteDialect, type DialectName } from './dialect.js';
import type { Database } from './schema.js';

export type Trx = Transaction<Database>;

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  /** Runs `work` in one write transaction (BEGIN IMMEDIATE on SQLite). */
  write<T>(work: (trx: Trx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Counts the changes to who a signed-in user is (IDENTITY_TABLES) made through this Db; what
   * caches an actor keeps it only while this number stands (server/auth/session-cache.ts). A Db
   * without it caches nothing.
   */
  readonly identityChanges?: ChangeWatch;
}

/** The tables an actor and its session are read from (server/auth/sessions.ts findSession). */
export const IDENTITY_TABLES: ReadonlySet<string> = new Set([
  'users',
  'user_clearances',
  'user_organisations',
  'sessions',
]);

/** Every TableNode below `node` (a write's target, its joins and subqueries). */
function namesTable(node: unknown, tables: ReadonlySet<string>): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((child) => namesTable(child, tables));
  const operation = node as OperationNode;
  if (TableNode.is(operation)) return tables.has(operation.table.identifier.name);
  return Object.values(operation).some((child) => namesTable(child, tables));
}

const RAW_WRITE = /\b(insert\s+into|update|delete\s+from)\s+"?([a-z_]+)"?/gi;

/** True when a WITH clause holds a write to one of `tables` (PostgreSQL allows them). */
function withWrites(node: unknown, tables: ReadonlySet<string>): boolean {
  const expressions = (node as WithNode | undefined)?.expressions ?? [];
  return expressions.some((cte) => writesTo(cte.expression as RootOperationNode, tables));
}

/**
 * True when the query may write one of `tables`. Only the written table is looked at (never the
 * rows of an insert: an import's multi-row insert holds thousands of values); plain selects only
 * for writes in their WITH clause; raw SQL by its text; anything else (DDL) by every table named.
 */
export function writesTo(node: RootOperationNode, tables: ReadonlySet<string>): boolean {
  if (SelectQueryNode.is(node)) return withWrites(node.with, tables);
  if (RawNode.is(node)) {
    for (const match of node.sqlFragments.join('?').matchAll(RAW_WRITE))
      if (tables.has(match[2]!.toLowerCase())) return true;
    return false;
  }
  if (InsertQueryNode.is(node))
    return namesTable(node.into, tables) || withWrites(node.with, tables);
  if (UpdateQueryNode.is(node))
    return namesTable(node.table, tables) || withWrites(node.with, tables);
  if (DeleteQueryNode.is(node))
    return namesTable(node.from, tables) || withWrites(node.with, tables);
  if (MergeQueryNode.is(node))
    return namesTable(node.into, tables) || withWrites(node.with, tables);
  return namesTable(node, tables);
}

/**
 * A Kysely plugin that counts the writes to some tables: `version` moves when such a statement
 * starts, again when it has run, and once more when the transaction around it has ended (db.write),
 * so a cached answer read before the change became visible to other connections never matches the
 * version that follows it. Several transactions at once may move it more often than needed (an
 * extra miss, never a stale hit).
 */
export class ChangeWatch implements KyselyPlugin {
  #version = 0;
  readonly #running = new WeakSet<QueryId>();
  constructor(readonly tables: ReadonlySet<string>) {}

  get version(): number {
    return this.#version;
  }

  /** Marks a change made where the plugin does not see it (another Db on the same database). */
  bump(): void {
    this.#version += 1;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (writesTo(node, this.tables)) {
      this.#version += 1;
      this.#running.add(queryId);
    }
    return node;
  }

  async transformResult({
    result,
    queryId,
  }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#running.delete(queryId)) this.#version += 1;
    return result;
  }
}

/** Opens the database named by the configuration. */
export function createDb(database: Config['database']): Db {
  const dialect: DialectName = database.kind;
  const identityChanges = new ChangeWatch(IDENTITY_TABLES);
  const kysely = new Kysely<Database>({
    dialect:
      database.kind === 'postgres' ? postgresDialect(database.url) : sqliteDialect(database.file),
    plugins: [identityChanges],
  });
  return {
    kysely,
    dialect,
    identityChanges,
    write: async (work) => {
      const before = identityChanges.version;
      try {
        return await kysely.transaction().execute(work);
      } finally {
        // Committed (or rolled back) only now: what was read meanwhile may predate it.
        if (identityChanges.version !== before) identityChanges.bump();
      }
    },
    close: () => kysely.destroy(),
  };
}
