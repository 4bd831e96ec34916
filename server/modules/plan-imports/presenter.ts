/** Import job rows → API shape; the report is paged, rows with errors first. */
import type { RowOutcome } from '../../../core/plans/import-validate.js';
import type { ImportJob } from '../../../core/schemas/plan-import.js';
import { layoutOf } from './import-choices.js';
import type { PlanImportSummary } from './repository.js';

const ORDER: Record<RowOutcome['action'], number> = {
  error: 0,
  create: 1,
  update: 1,
  unchanged: 2,
};

export interface ReportPage {
  page: number;
  pageSize: number;
  only: 'all' | 'errors' | 'changes';
}

/** Errors first, then creates and updates, then unchanged rows; file order within each. */
export function pageOfOutcomes(outcomes: RowOutcome[], { page, pageSize, only }: ReportPage) {
  const chosen = outcomes
    .filter(
      (o) =>
        only === 'all' ||
        (only === 'errors' ? o.action === 'error' : o.action === 'create' || o.action === 'update'),
    )
    .sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.row - b.row);
  return {
    rows: chosen.slice((page - 1) * pageSize, page * pageSize),
    rowsPage: { page, pageSize, total: chosen.length },
  };
}

/** What the dry run found about the file's layout (stored in table_data). */
function layoutOut(job: PlanImportSummary) {
  const layout = layoutOf(job);
  return {
    headings: layout.headings as ImportJob['headings'],
    decisions: layout.decisions as ImportJob['decisions'],
    unknownOrganisations: layout.unknownOrganisations,
  };
}

export function presentJob(
  job: PlanImportSummary,
  stalled: boolean,
  report?: ReturnType<typeof pageOfOutcomes>,
): ImportJob {
  return {
    id: job.id,
    planId: job.plan_id,
    fileName: job.file_name,
    format: job.format as ImportJob['format'],
    status: stalled ? 'failed' : (job.status as ImportJob['status']),
    progress: { done: job.progress_done, total: job.progress_total },
    failure: stalled
      ? 'The import stopped before it finished (the server restarted); nothing was changed. Upload the file again.'
      : job.failure,
    counts: job.counts ? (JSON.parse(job.counts) as ImportJob['counts']) : null,
    ignoredHeadings: JSON.parse(job.ignored_headings) as string[],
    ...layoutOut(job),
    rows: report?.rows ?? [],
    rowsPage: report?.rowsPage ?? { page: 1, pageSize: 0, total: 0 },
    createdAt: job.created_at,
    updatedAt: job.updated_at,
  };
}
