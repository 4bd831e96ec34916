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

/**
 * `listQuery` for a list that also pages by cursor (server/modules/shared/keyset.ts): `page` is
 * optional (1 when neither it nor `cursor` is given), `cursor` names where the page starts, and
 * the two together are refused. `validCursor` says whether a cursor decodes for this list's key.
 */
export function keysetListQuery<const S extends readonly [string, ...string[]]>(
  sortable: S,
  defaultSort: S[number],
  validCursor: (cursor: string) => boolean,
  cursorMessage: string,
) {
  return listQuery(sortable, defaultSort).extend({
    page: z.coerce
      .number()
      .int()
      .min(1, 'page starts at 1')
      .optional()
      .describe('Page number (1 when left out); for the first pages: deep pages use `cursor`'),
    cursor: z
      .string()
      .max(1000)
      .optional()
      .refine((c) => c === undefined || validCursor(c), cursorMessage)
      .describe(
        'Start after the last row of the previous page: its `nextCursor`, unchanged. Every page costs the same at any depth; not with `page`',
      ),
  });
}

/** Refinement for a keyset query object (after `.strict()` or `.extend()`): not page and cursor. */
export function notPageAndCursor(
  v: { page?: number | undefined; cursor?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.page !== undefined && v.cursor !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['cursor'],
      message:
        'cursor and page cannot be used together: pass cursor (the nextCursor of the previous page) alone, or page alone',
    });
  }
}

/** `listEnvelope` of a list that pages by cursor too: `nextCursor`, and `page` null on cursor pages. */
export function keysetEnvelope<T extends z.ZodTypeAny>(item: T) {
  return listEnvelope(item).extend({
    page: z
      .number()
      .int()
      .nullable()
      .describe('The page number asked for; null when the page was asked for by `cursor`'),
    nextCursor: z
      .string()
      .nullable()
      .describe(
        'Pass as `cursor` for the next page (same filters and pageSize); null on the last page',
      ),
  });
}

export interface Page {
  page: number;
  pageSize: number;
}

export function offsetOf(p: Page): number {
  return (p.page - 1) * p.pageSize;
}
