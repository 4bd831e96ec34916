/**
 * Comments on records. A comment belongs to one record (entity type + id); today only plan items
 * take comments, and the list below is the one place that grows when other records do.
 *
 * Bodies are plain text (never HTML): line breaks are kept, Windows line ends become "\n",
 * surrounding blank space is trimmed and control characters other than tab and line feed refused.
 */
import { z } from 'zod';
import { labelInput, labelOut } from './common.js';

export const COMMENTABLE_ENTITIES = ['plan_item'] as const;
export type CommentableEntity = (typeof COMMENTABLE_ENTITIES)[number];

export const COMMENT_MAX_LENGTH = 8000;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export const commentBody = z
  .string()
  .transform((v) => v.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'write something before posting')
      .max(COMMENT_MAX_LENGTH, `a comment may be at most ${COMMENT_MAX_LENGTH} characters`)
      .refine((v) => !CONTROL.test(v), 'remove the control characters from the text'),
  );

export const commentCreate = z
  .object({
    body: commentBody,
    /** Optional own marking; without it the comment carries its record's label. */
    label: labelInput.optional(),
  })
  .strict();
export type CommentCreate = z.infer<typeof commentCreate>;

export const commentUpdate = z.object({ body: commentBody, label: labelInput.optional() }).strict();
export type CommentUpdate = z.infer<typeof commentUpdate>;

export const commentListQuery = z
  .object({
    page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1, 'pageSize is at least 1')
      .max(200, 'pageSize may be at most 200')
      .default(50),
    /** asc: oldest first (the thread); desc: newest first (the latest few). */
    order: z.enum(['asc', 'desc']).default('asc'),
    /** Also list deleted comments the caller may restore (their own; all for moderators). */
    includeDeleted: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();
export type CommentListQuery = z.infer<typeof commentListQuery>;

export const commentOut = z.object({
  id: z.string(),
  version: z.number().int(),
  entityType: z.enum(COMMENTABLE_ENTITIES),
  entityId: z.string(),
  body: z.string(),
  author: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  /** When the author last changed the text; null if never edited. */
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  label: labelOut,
  /** update: the author may edit; delete: may delete and restore. */
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type Comment = z.infer<typeof commentOut>;

export const commentListOut = z.object({
  items: z.array(commentOut),
  /** Comments of this query the caller may read (deleted ones only with includeDeleted). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** May the caller post a comment here? */
  canComment: z.boolean(),
});
export type CommentList = z.infer<typeof commentListOut>;
