/** GET /plan-items/:id/reports — the item's reports across reporting periods. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Report } from '../../../../../core/schemas/reporting.js';
import { api } from '../../../lib/api-client.js';

export type ReportWithPeriod = Report & {
  period: { title: string; startsOn: string; endsOn: string };
  /** Display names of who submitted and who approved or returned the report. */
  submittedBy: string | null;
  reviewedBy: string | null;
};

export const itemReportsQueryOptions = (itemId: string) =>
  queryOptions({
    queryKey: ['plan-items', itemId, 'reports'],
    queryFn: ({ signal }) =>
      api.get<{ items: ReportWithPeriod[] }>(
        `/plan-items/${encodeURIComponent(itemId)}/reports`,
        undefined,
        signal,
      ),
  });

export function useItemReports(itemId: string) {
  return useQuery(itemReportsQueryOptions(itemId));
}
