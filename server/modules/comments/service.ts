/**
 * Comment use cases: the thread of a record, post, edit (the author, with If-Match), delete and
 * restore. Each mutation runs in one transaction that also writes its audit entry.
 */
import type {
  CommentCreate,
  CommentListQuery,
  CommentUpdate,
  CommentableEntity,
} from '../../../core/schemas/comment.js';
import { authorize, can, isAdministrator, isCoordinator } from '../../access/policy.js';
import type { ActionContext, Actor } from '../../audit/context.js';
import type { Kysely } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { assertVersion } from '../../http/etag.js';
import type { Deps } from '../shared/deps.js';
import {
  newRecordColumns,
  resolveLabel,
  searchText,
  updateRecordColumns,
} from '../shared/records.js';
import { COMMENT } from './policy.js';
import { presentComment } from './presenter.js';
import * as repo from './repository.js';

const NOUNS: Record<CommentableEntity, string> = { plan_item: 'The plan item' };

function requireActor(actor: Actor | null): Actor {
  // Comments are the working conversation of signed-in users, never part of the public portal.
  if (!actor) throw errors.unauthenticated('Sign in to read and write comments.');
  return actor;
}

/** The label of a new or changed comment: its own (never below its record's) or its record's. */
async function commentLabel(
  trx: Trx,
  actor: Actor,
  entity: repo.EntityLabel,
  input: CommentCreate['label'],
) {
  const { id: _id, ...inherited } = entity;
  if (!input) return inherited;
  const own = await resolveLabel(trx, input, actor);
  if (own.label_rank < entity.label_rank) {
    throw errors.unprocessable(
      `A comment cannot be marked lower than the record it belongs to (${entity.label_level}).`,
      { field: 'label.level' },
    );
  }
  return own;
}

type Reader = Kysely<Database> | Trx;

export function commentService({ db, audit }: Deps) {
  async function requireEntity(
    reader: Reader,
    actor: Actor | null,
    type: CommentableEntity,
    id: string,
  ) {
    const entity = await repo.findEntity(reader, actor, type, id);
    if (!entity) throw errors.notFound(NOUNS[type]);
    return entity;
  }

  /** A comment the actor may read, on a record the actor may read; 404 otherwise. */
  async function requireComment(reader: Reader, actor: Actor, id: string, deleted = false) {
    const row = await repo.findComment(reader, actor, id, deleted);
    const entity =
      row &&
      (await repo.findEntity(reader, actor, row.entity_type as CommentableEntity, row.entity_id));
    if (!row || !entity)
      throw errors.notFound(deleted ? 'A deleted comment with this id' : 'The comment');
    return row;
  }

  async function loaded(trx: Reader, actor: Actor, id: string) {
    const row = await repo.findComment(trx, actor, id);
    if (!row) throw errors.unreadableLabel();
    return { row, body: presentComment(row, actor) };
  }

  return {
    async list(
      actorIn: Actor | null,
      type: CommentableEntity,
      entityId: string,
      query: CommentListQuery,
    ) {
      const actor = requireActor(actorIn);
      await requireEntity(db.kysely, actor, type, entityId);
      const moderator = isAdministrator(actor, undefined) || isCoordinator(actor, undefined);
      const { rows, total } = await repo.listComments(db.kysely, actor, type, entityId, {
        page: query.page,
        pageSize: query.pageSize,
        order: query.order,
        deleted: !query.includeDeleted ? 'none' : moderator ? 'all' : 'own',
      });
      return {
        items: rows.map((r) => presentComment(r, actor)),
        total,
        page: query.page,
        pageSize: query.pageSize,
        canComment: can(actor, 'create', COMMENT),
      };
    },

    async get(actorIn: Actor | null, id: string) {
      const actor = requireActor(actorIn);
      const row = await requireComment(db.kysely, actor, id);
      return { row, body: presentComment(row, actor) };
    },

    async create(
      ctx: ActionContext,
      type: CommentableEntity,
      entityId: string,
      input: CommentCreate,
    ) {
      authorize(ctx.actor, 'create', COMMENT);
      const actor = ctx.actor;
      return db.write(async (trx) => {
        const entity = await requireEntity(trx, actor, type, entityId);
        const cols = newRecordColumns(ctx);
        await trx
          .insertInto('comments')
          .values({
            ...cols,
            ...(await commentLabel(trx, actor, entity, input.label)),
            entity_type: type,
            entity_id: entity.id,
            body: input.body,
            author_id: actor.id,
            edited_at: null,
            search_text: searchText(input.body),
          })
          .execute();
        const created = await loaded(trx, actor, cols.id);
        await audit.record(trx, ctx, {
          action: 'comment.create',
          entityType: COMMENT,
          entityId: cols.id,
          after: created.body,
        });
        return created;
      });
    },

    async update(ctx: ActionContext, id: string, expected: number | '*', input: CommentUpdate) {
      const actor = requireActor(ctx.actor);
      return db.write(async (trx) => {
        const before = await requireComment(trx, actor, id);
        authorize(actor, 'update', COMMENT, before);
        assertVersion(expected, before.version);
        const entity = await requireEntity(
          trx,
          actor,
          before.entity_type as CommentableEntity,
          before.entity_id,
        );
        const now = new Date().toISOString();
        const done = await trx
          .updateTable('comments')
          .set({
            ...updateRecordColumns(ctx, before.version),
            ...(input.label ? await commentLabel(trx, actor, entity, input.label) : {}),
            body: input.body,
            search_text: searchText(input.body),
            edited_at: input.body === before.body ? before.edited_at : now,
          })
          .where('id', '=', id)
          .where('version', '=', before.version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale(before.version + 1);
        const after = await loaded(trx, actor, id);
        await audit.record(trx, ctx, {
          action: 'comment.update',
          entityType: COMMENT,
          entityId: id,
          before: presentComment(before, actor),
          after: after.body,
        });
        return after;
      });
    },

    async remove(ctx: ActionContext, id: string, expected: number | '*') {
      const actor = requireActor(ctx.actor);
      await db.write(async (trx) => {
        const before = await requireComment(trx, actor, id);
        authorize(actor, 'delete', COMMENT, before);
        assertVersion(expected, before.version);
        const done = await trx
          .updateTable('comments')
          .set({
            ...updateRecordColumns(ctx, before.version),
            deleted_at: new Date().toISOString(),
          })
          .where('id', '=', id)
          .where('version', '=', before.version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale(before.version + 1);
        await audit.record(trx, ctx, {
          action: 'comment.delete',
          entityType: COMMENT,
          entityId: id,
          before: presentComment(before, actor),
        });
      });
    },

    async restore(ctx: ActionContext, id: string) {
      const actor = requireActor(ctx.actor);
      return db.write(async (trx) => {
        const deleted = await requireComment(trx, actor, id, true);
        authorize(actor, 'delete', COMMENT, deleted);
        await trx
          .updateTable('comments')
          .set({ ...updateRecordColumns(ctx, deleted.version), deleted_at: null })
          .where('id', '=', id)
          .where('version', '=', deleted.version)
          .execute();
        const restored = await loaded(trx, actor, id);
        await audit.record(trx, ctx, {
          action: 'comment.restore',
          entityType: COMMENT,
          entityId: id,
          after: restored.body,
        });
        return restored;
      });
    },
  };
}
