/**
 * The life of a progress report in a reporting period:
 * draft → submitted → approved, or submitted → returned → (edited) → submitted again.
 * A locked period freezes every report in it.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ReportAction = 'edit' | 'submit' | 'approve' | 'return';

const ALLOWED: Record<ReportAction, readonly ReportStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
};

/** Null when the action may happen; otherwise why not, in words a person can act on. */
export function refusal(
  action: ReportAction,
  status: ReportStatus | null,
  periodLocked: boolean,
): string | null {
  if (periodLocked) return 'This reporting period is locked; its reports can no longer change.';
  if (status === null)
    return action === 'edit' ? null : 'There is no report for this item in this period yet.';
  if (ALLOWED[action].includes(status)) return null;
  switch (action) {
    case 'edit':
      return status === 'approved'
        ? 'This report is approved; ask the coordinator to return it if it must change.'
        : 'This report is submitted and waits for review; it can be changed once it is returned.';
    case 'submit':
      return status === 'approved'
        ? 'This report is already approved.'
        : 'This report is already submitted.';
    default:
      return `Only a submitted report can be ${action === 'approve' ? 'approved' : 'returned'}; this one is ${status}.`;
  }
}

/** The status a report moves to. */
export function next(action: Exclude<ReportAction, 'edit'>): ReportStatus {
  return action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : 'returned';
}
