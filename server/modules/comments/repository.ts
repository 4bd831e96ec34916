/**
 * SQL for comments. A comment is read through two filters: its record's (the plan item must be
 * visible to the reader) and its own label. Deleted comments appear only when asked for, and only
 * to those who may restore them.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { CommentableEntity } from '../../../core/schemas/comment.js';
import { labelVisibleTo, planItemVisibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';

type Reader = Kysely<Database> | Trx;

/** The label columns of a record, as a new comment inherits them. */
export interface EntityLabel {
  id: string;
  label_policy: string;
  label_level: string;
  label_rank: number;
  label_owner: string;
  label_releasable_to: string;
  label_originator_id: string | null;
}

/**
 * The commented record if the actor may read it (live, label permitting). Each commentable entity
 * type adds one line here.
 */
export function findEntity(
  db: Reader,
  actor: Actor | null,
  type: CommentableEntity,
  id: string,
): Promise<EntityLabel | undefined> {
  switch (type) {
    case 'plan_item':
      return db
        .selectFrom('plan_items as e')
        .select([
          'e.id',
          'e.label_policy',
          'e.label_level',
          'e.label_rank',
          'e.label_owner',
          'e.label_releasable_to',
          'e.label_originator_id',
        ])
        .where('e.id', '=', id)
        .where(planItemVisibleTo(actor, 'e'))
        .executeTakeFirst();
  }
}

function withAuthor(db: Reader) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select('u.display_name as author_name');
}

export type CommentRow = Awaited<ReturnType<typeof findComment>> & object;

/** One comment whose label the actor may read; `deleted` picks live or deleted ones. */
export function findComment(db: Reader, actor: Actor | null, id: string, deleted = false) {
  return withAuthor(db)
    .where('c.id', '=', id)
    .where('c.deleted_at', deleted ? 'is not' : 'is', null)
    .where(labelVisibleTo(actor, 'c'))
    .executeTakeFirst();
}

export interface ListOptions extends Page {
  order: 'asc' | 'desc';
  /** Deleted comments to include: none, the actor's own, or all (moderators). */
  deleted: 'none' | 'own' | 'all';
}

/** One page of a record's thread (the record itself is checked by the caller) and its total. */
export async function listComments(
  db: Reader,
  actor: Actor | null,
  type: CommentableEntity,
  entityId: string,
  options: ListOptions,
) {
  const live = sql<SqlBool>`c.deleted_at is null`;
  const shown =
    options.deleted === 'all'
      ? sql<SqlBool>`1 = 1`
      : options.deleted === 'own' && actor
        ? sql<SqlBool>`(${live} or c.author_id = ${actor.id})`
        : live;
  const base = db
    .selectFrom('comments as c')
    .where('c.entity_type', '=', type)
    .where('c.entity_id', '=', entityId)
    .where(shown)
    .where(labelVisibleTo(actor, 'c'));
  const [rows, count] = await Promise.all([
    withAuthor(db)
      .where('c.entity_type', '=', type)
      .where('c.entity_id', '=', entityId)
      .where(shown)
      .where(labelVisibleTo(actor, 'c'))
      .orderBy('c.created_at', options.order)
      .orderBy('c.id', options.order)
      .limit(options.pageSize)
      .offset(offsetOf(options))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
