/**
 * The one visibility filter. Every read of a labelled table adds `visibleTo(actor, alias)`, so
 * lists, details, counts and exports answer the same question the same way.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../audit/context.js';

/**
 * Highest label rank an actor may read. Until per-policy clearances arrive (identity issue) every
 * signed-in user is cleared to the deployment ceiling, NATO UNCLASSIFIED / unmarked national.
 */
export function clearanceRank(actor: Actor | null): number {
  return actor ? 1 : 0;
}

/** SQL predicate on the label alone: may the actor read a record labelled like this one? */
export function labelVisibleTo(actor: Actor | null, alias: string): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  if (!actor) {
    return sql<SqlBool>`(${col('label_rank')} = 0 and ${col('label_releasable_to')} like ${'%"PUBLIC"%'})`;
  }
  return sql<SqlBool>`(${col('label_rank')} <= ${clearanceRank(actor)})`;
}

/** SQL predicate: the record is live (not deleted) and the actor may read it. */
export function visibleTo(actor: Actor | null, alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.deleted_at`)} is null and ${labelVisibleTo(actor, alias)})`;
}
