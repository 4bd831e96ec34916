/**
 * The life of a progress report in a reporting period:
 * draft → submitted → approved, or submitted → returned → (edited) → submitted again.
 * A locked period freezes every report in it.
 */
import { lastDayDue } from './due.js';

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

/**
 * Is an item due within a period? Its last day due (core/plans/due.ts) falls on or between the
 * period's first and last day; a continuous item is due in every period; an item without a due
 * date, or one that cannot be read, is not counted as due.
 */
export function dueWithin(dueOn: string | null, startsOn: string, endsOn: string): boolean {
  if (dueOn === null) return false;
  if (dueOn === 'continuous') return true;
  let last: string | null;
  try {
    last = lastDayDue(dueOn);
  } catch {
    return false;
  }
  return last !== null && last >= startsOn && last <= endsOn;
}

/** A period that starts after `today` (YYYY-MM-DD) has not begun: reports for it need a warning. */
export function periodNotBegun(startsOn: string, today: string): boolean {
  return startsOn > today;
}

/** Where an item's progress comes from, as the reader is told. */
export type ProgressSource =
  | { kind: 'report'; periodTitle: string; approvedAt: string }
  | { kind: 'hand'; by: string | null; at: string | null }
  | { kind: 'none' };

/**
 * The rule: an approved report's progress becomes the item's progress; a later hand edit replaces
 * it (the last one wins). So the progress is "from the report" when it still equals the value of
 * the latest approved report that gave one and was not set again after that approval; otherwise
 * it was entered by hand (by whom and when, when known).
 *
 * `setAt` is when the item's current progress value was set (and by whom), from its change
 * history; `approved` is the item's latest approved report that gave a progress value.
 */
export function progressSource(
  progress: number | null,
  approved: { progress: number; periodTitle: string; approvedAt: string } | null,
  setAt: { at: string; by: string | null } | null,
): ProgressSource {
  if (progress === null) return { kind: 'none' };
  if (
    approved &&
    approved.progress === progress &&
    (setAt === null || Date.parse(setAt.at) <= Date.parse(approved.approvedAt))
  )
    return { kind: 'report', periodTitle: approved.periodTitle, approvedAt: approved.approvedAt };
  return { kind: 'hand', by: setAt?.by ?? null, at: setAt?.at ?? null };
}
