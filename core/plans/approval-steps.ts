/**
 * Approval steps of a plan: the dated acts that brought it into force (the government's adoption,
 * the North Atlantic Council's approval, the start of implementation) and any other step a
 * coordinator names. Dates are partial dates with a precision (core/dates/partial-date.ts).
 */
import { partialDateSortKey, type PrecisionDate } from '../dates/partial-date.js';

export const APPROVAL_STEP_KINDS = [
  'government_adoption',
  'nac_approval',
  'implementation_start',
  'other',
] as const;
export type ApprovalStepKind = (typeof APPROVAL_STEP_KINDS)[number];

/** At most this many steps per plan. */
export const MAX_APPROVAL_STEPS = 20;

/**
 * Steps in the order they happened: dated steps by their first possible day, undated ones last,
 * ties in the order the coordinator listed them.
 */
export function chronological<T extends { date: PrecisionDate | null; position: number }>(
  steps: readonly T[],
): T[] {
  return [...steps].sort((a, b) => {
    if (a.date && b.date) {
      const byDate = partialDateSortKey(a.date.date).localeCompare(partialDateSortKey(b.date.date));
      if (byDate !== 0) return byDate;
    } else if (a.date || b.date) {
      return a.date ? -1 : 1;
    }
    return a.position - b.position;
  });
}
