/** Comment rows → API shape, with what the actor may do with each. */
import type { Comment, CommentableEntity } from '../../../core/schemas/comment.js';
import { abilitiesFor } from '../../access/policy.js';
import type { Actor } from '../../audit/context.js';
import { presentLabel } from '../shared/records.js';
import { COMMENT } from './policy.js';
import type { CommentRow } from './repository.js';

export function presentComment(row: CommentRow, actor: Actor | null): Comment {
  return {
    id: row.id,
    version: row.version,
    entityType: row.entity_type as CommentableEntity,
    entityId: row.entity_id,
    body: row.body,
    author: { id: row.author_id, displayName: row.author_name },
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, COMMENT, row),
  };
}
