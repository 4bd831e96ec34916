/** Shared list conventions: page + pageSize, sort + order, and the list envelope. */
import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

/** Pagination and sort fields every list accepts; `sortable` names the allowed sort keys. */
export function listQuery<const S extends readonly [string, ...string[]]>(
  sortable: S,
  defaultSort: S[number],
) {
  return z.object({
    page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE, `pageSize may be at most ${MAX_PAGE_SIZE}`)
      .default(50),
    sort: z.enum(sortable).default(defaultSort),
    order: z.enum(['asc', 'desc']).default('asc'),
  });
}

/** The envelope of every list response. */
export function listEnvelope<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z
      .number()
      .int()
      .describe(
        'Number of matching rows; when totalIsLowerBound is true, at least this many (counts stop at 10,000 or the end of the page asked for)',
      ),
    totalIsLowerBound: z
      .boolean()
      .optional()
      .describe('True when more rows match than `total` says: show it as "10,000+"'),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page {
  page: number;
  pageSize: number;
}

export function offsetOf(p: Page): number {
  return (p.page - 1) * p.pageSize;
}
