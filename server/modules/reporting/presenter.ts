/** Reporting rows → API shapes. */
import type { ReportStatus } from '../../../core/plans/report-workflow.js';
import type { Report } from '../../../core/schemas/reporting.js';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';

type ReportRow = Selectable<Database['progress_reports']>;

export function presentPeriod(r: Database['reporting_periods']) {
  return {
    id: r.id,
    version: r.version,
    planId: r.plan_id,
    kind: r.kind as 'quarter',
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    title: r.title,
    status: r.status as 'open' | 'locked',
    openedAt: r.opened_at,
    lockedAt: r.locked_at,
  };
}

export function presentReport(r: ReportRow): Report {
  return {
    id: r.id,
    version: r.version,
    periodId: r.period_id,
    planItemId: r.plan_item_id,
    status: r.status as ReportStatus,
    itemStatus: r.item_status as Report['itemStatus'],
    progress: r.progress,
    narrative: r.narrative,
    evidence: JSON.parse(r.evidence) as Report['evidence'],
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
    indicatorValues: JSON.parse(r.indicator_values) as Report['indicatorValues'],
  };
}
