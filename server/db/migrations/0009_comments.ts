/**
 * Comments on records (plan items first): plain-text bodies with an author, edit and soft-delete
 * times, a version for If-Match and a security label like every labelled table. A comment is read
 * only when its record is readable too, so its own label can narrow who sees it, never widen it.
 */
import { sql, type Kysely } from 'kysely';
import { timestampType, type DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const ts = timestampType(dialect);
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('edited_at', ts)
    .addColumn('deleted_at', ts)
    .addColumn('label_policy', 'text', (c) => c.notNull().defaultTo('NONE'))
    .addColumn('label_level', 'text', (c) => c.notNull().defaultTo('PUBLIC'))
    .addColumn('label_rank', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('label_owner', 'text', (c) => c.notNull().defaultTo('RS'))
    .addColumn('label_releasable_to', 'text', (c) => c.notNull().defaultTo('["PUBLIC"]'))
    .addColumn('label_originator_id', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addCheckConstraint('comments_body_length', sql`length(body) <= 8000`)
    .execute();
  // The thread of one record, oldest first.
  await db.schema
    .createIndex('comments_entity')
    .on('comments')
    .columns(['entity_type', 'entity_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('comments').execute();
}
