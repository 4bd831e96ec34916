/** createDb: one Kysely instance over SQLite (default) or PostgreSQL, with a transaction helper. */
import { Kysely, type Transaction } from 'kysely';
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
}

/** Opens the database named by the configuration. */
export function createDb(database: Config['database']): Db {
  const dialect: DialectName = database.kind;
  const kysely = new Kysely<Database>({
    dialect:
      database.kind === 'postgres' ? postgresDialect(database.url) : sqliteDialect(database.file),
  });
  return {
    kysely,
    dialect,
    write: (work) => kysely.transaction().execute(work),
    close: () => kysely.destroy(),
  };
}
