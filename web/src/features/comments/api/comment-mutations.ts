/**
 * POST /plan-items/:id/comments, PATCH and DELETE /comments/:id (If-Match with the version the
 * reader saw), POST /comments/:id/restore. Each refreshes the item's thread afterwards.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Comment } from '../../../../../core/schemas/comment.js';
import { api, apiRequest } from '../../../lib/api-client.js';
import { itemCommentsKey } from './get-comments.js';

const commentPath = (id: string) => `/comments/${encodeURIComponent(id)}`;
/** The server accepts `"<version>"` as If-Match, so the version on screen is the precondition. */
const versionTag = (version: number) => `"${version}"`;

export function postComment(itemId: string, body: string) {
  return api.post<Comment>(`/plan-items/${encodeURIComponent(itemId)}/comments`, { body });
}

export async function editComment(comment: Pick<Comment, 'id' | 'version'>, body: string) {
  return (await api.patch<Comment>(commentPath(comment.id), { body }, versionTag(comment.version)))
    .data;
}

export function deleteComment(comment: Pick<Comment, 'id' | 'version'>) {
  return apiRequest<void>(commentPath(comment.id), {
    method: 'DELETE',
    headers: { 'If-Match': versionTag(comment.version) },
  });
}

export function restoreComment(id: string) {
  return api.post<Comment>(`${commentPath(id)}/restore`);
}

export function useCommentMutations(itemId: string) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: itemCommentsKey(itemId) });
  return {
    post: useMutation({ mutationFn: (body: string) => postComment(itemId, body), onSettled }),
    edit: useMutation({
      mutationFn: ({ comment, body }: { comment: Comment; body: string }) =>
        editComment(comment, body),
      onSettled,
    }),
    remove: useMutation({ mutationFn: (comment: Comment) => deleteComment(comment), onSettled }),
    restore: useMutation({ mutationFn: (id: string) => restoreComment(id), onSettled }),
  };
}
