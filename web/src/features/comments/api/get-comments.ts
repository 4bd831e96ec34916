/** GET /plan-items/:id/comments — one page of an item's thread, or its latest few. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CommentList } from '@core/schemas/comment.js';
import { api } from '@/lib/api-client.js';
import { queryKeys } from '@/lib/query-keys.js';

export interface CommentsQuery {
  page?: number;
  pageSize?: number;
  order?: 'asc' | 'desc';
  includeDeleted?: boolean;
}

/** Every query of one item's comments starts with this key, so one invalidation refreshes all. */
export const itemCommentsKey = (itemId: string) => queryKeys.comments.onItem(itemId);

export const itemCommentsQueryOptions = (itemId: string, query: CommentsQuery = {}) =>
  queryOptions({
    queryKey: queryKeys.comments.onItemPage(itemId, query),
    queryFn: ({ signal }) =>
      api.get<CommentList>(
        `/plan-items/${encodeURIComponent(itemId)}/comments`,
        {
          page: query.page,
          pageSize: query.pageSize,
          order: query.order,
          includeDeleted: query.includeDeleted ? 'true' : undefined,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/** `enabled: false` for anonymous readers: comments are for signed-in users only. */
export function useItemComments(itemId: string, query: CommentsQuery = {}, enabled = true) {
  return useQuery({ ...itemCommentsQueryOptions(itemId, query), enabled });
}
