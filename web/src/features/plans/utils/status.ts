import type { PlanItemStatus } from '../../../../../core/plans/status.js';

/** Badge colours: done is green, under way blue, stalled orange, failed red, out of the plan grey. */
export const ITEM_STATUS_COLORS: Record<PlanItemStatus, string> = {
  not_started: 'gray',
  ongoing: 'blue',
  implemented: 'teal',
  partially_implemented: 'yellow',
  not_implemented: 'red',
  continuous: 'cyan',
  postponed: 'orange',
  cancelled: 'dark',
};

/** Statuses after which an item is no longer overdue. */
export function isFinished(status: PlanItemStatus): boolean {
  return status === 'implemented' || status === 'cancelled';
}
