/** Reports for a period that has not begun: the server refuses them (409) unless told `early`. */
import { periodNotBegun } from '../../../../../core/plans/report-workflow.js';
import { isApiError } from '../../../lib/api-client.js';

/** Has the period not begun today (the reader's calendar day)? */
export function notBegunToday(startsOn: string, now = new Date()): boolean {
  const today = [
    now.getFullYear(),
    String(now.getMonth() + 1).padStart(2, '0'),
    String(now.getDate()).padStart(2, '0'),
  ].join('-');
  return periodNotBegun(startsOn, today);
}

/** The server's answer to a report for a period that has not begun, sent without `early`. */
export function isNotBegun(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.status === 409 &&
    (error.details as { reason?: string } | undefined)?.reason === 'period_not_begun'
  );
}
