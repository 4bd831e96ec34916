/**
 * The one visibility filter: the read rule of core/access/read-rule.ts in SQL. Every read of a
 * labelled table adds `visibleTo(actor, alias)`, so lists, details, counts, totals, filters and
 * exports all answer the same question the same way; a property test holds SQL and rule together.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../audit/context.js';

export interface VisibilityOptions {
  /** Columns of the same row naming records whose grant also covers this one (core read rule). */
  grantedThrough?: readonly string[];
}

/** SQL predicate on the label alone: may the actor read a record labelled like this one? */
export function labelVisibleTo(
  actor: Actor | null,
  alias: string,
  options: VisibilityOptions = {},
): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const releasedToPublic = sql<SqlBool>`${col('label_releasable_to')} like ${'%"PUBLIC"%'}`;
  if (!actor) return sql<SqlBool>`(${col('label_rank')} = 0 and ${releasedToPublic})`;

  const cleared = sql<SqlBool>`((${col('label_policy')} = 'NATO' and ${col('label_rank')} <= ${actor.clearances.NATO})
    or (${col('label_policy')} = 'RS' and ${col('label_rank')} <= ${actor.clearances.RS})
    or (${col('label_policy')} not in ('NATO', 'RS') and ${col('label_rank')} = 0))`;
  const releasedToNation = sql<SqlBool>`${col('label_releasable_to')} like ${`%"${actor.nation}"%`}`;
  const inOriginator =
    actor.organisationIds.length > 0
      ? sql<SqlBool>`${col('label_originator_id')} in (${sql.join(actor.organisationIds)})`
      : sql<SqlBool>`1 = 0`;
  const coveredIds = sql.join([col('id'), ...(options.grantedThrough ?? []).map(col)]);
  const granted = sql<SqlBool>`exists (select 1 from access_grants g where g.user_id = ${actor.id}
    and g.entity_id in (${coveredIds}) and (g.expires_at is null or g.expires_at > ${new Date().toISOString()}))`;
  return sql<SqlBool>`(${cleared}
    and (${releasedToPublic} or ${releasedToNation} or ${inOriginator})
    and (${releasedToPublic} or ${col('label_originator_id')} is null or ${inOriginator} or ${granted}))`;
}

/** SQL predicate: the record is live (not deleted) and the actor may read it. */
export function visibleTo(
  actor: Actor | null,
  alias: string,
  options: VisibilityOptions = {},
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.deleted_at`)} is null and ${labelVisibleTo(actor, alias, options)})`;
}

/** For plan items: a grant on the item's plan counts as a grant on the item. */
export const PLAN_ITEM_GRANTS: VisibilityOptions = { grantedThrough: ['plan_id'] };

/** `visibleTo` for a plan_items alias: a grant on the plan covers its items. */
export function planItemVisibleTo(actor: Actor | null, alias: string): RawBuilder<SqlBool> {
  return visibleTo(actor, alias, PLAN_ITEM_GRANTS);
}
