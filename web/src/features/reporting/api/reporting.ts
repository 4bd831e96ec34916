/**
 * The reporting workflow's API: periods of a plan (GET/POST /plans/:id/periods, POST
 * /periods/:id/lock), the reports due in a period (GET /periods/:id/reports-due), saving a draft
 * (PUT /periods/:id/items/:itemId/report, If-Match once the report exists) and moving a report on
 * (POST /reports/:id/submit | approve | return).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalisedText } from '../../../../../core/domain/text.js';
import type { PlanItemStatus } from '../../../../../core/plans/status.js';
import type { Report, ReportDraft, PeriodCreate } from '../../../../../core/schemas/reporting.js';
import type { Indicator } from '../../../../../core/schemas/indicator.js';
import { api, apiRequestVersioned } from '../../../lib/api-client.js';

export interface Period {
  id: string;
  version: number;
  planId: string;
  kind: PeriodCreate['kind'];
  startsOn: string;
  endsOn: string;
  title: string;
  status: 'open' | 'locked';
  openedAt: string;
  lockedAt: string | null;
}

export interface DueItem {
  planItemId: string;
  code: string;
  title: LocalisedText;
  status: PlanItemStatus;
  dueOn: string | null;
  leadOrganisationId: string | null;
  report: Report | null;
  submittedBy: string | null;
}

export interface ReportsDue {
  period: Period;
  items: DueItem[];
}

const periodsKey = (planId: string) => ['reporting', 'periods', planId] as const;
const dueKey = (periodId: string) => ['reporting', 'due', periodId] as const;

export const periodsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: periodsKey(planId),
    queryFn: ({ signal }) =>
      api.get<{ items: Period[] }>(
        `/plans/${encodeURIComponent(planId)}/periods`,
        undefined,
        signal,
      ),
  });

export function usePeriods(planId: string) {
  return useQuery(periodsQueryOptions(planId));
}

export function useReportsDue(periodId: string | null) {
  return useQuery({
    queryKey: dueKey(periodId ?? ''),
    queryFn: ({ signal }) =>
      api.get<ReportsDue>(
        `/periods/${encodeURIComponent(periodId ?? '')}/reports-due`,
        undefined,
        signal,
      ),
    enabled: Boolean(periodId),
  });
}

export function useOpenPeriod(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PeriodCreate) =>
      api.post<Period>(`/plans/${encodeURIComponent(planId)}/periods`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: periodsKey(planId) }),
  });
}

export function useLockPeriod(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    /** Locks the period as seen: if it changed meanwhile, the server answers 412. */
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<Period>(`/periods/${encodeURIComponent(id)}/lock`, undefined, `"${version}"`),
    onSuccess: (period) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: periodsKey(planId) }),
        queryClient.invalidateQueries({ queryKey: dueKey(period.id) }),
      ]),
  });
}

export interface SaveReport {
  periodId: string;
  itemId: string;
  /** The version of the report on screen; null when there is no report yet. */
  version: number | null;
  /** Status, progress, narrative, evidence and the quantitative indicators' values. */
  draft: ReportDraft;
}

/**
 * Saves the draft with If-Match on the version on screen, so a change made meanwhile answers 412.
 * Indicator values travel in the report: the server records them when the report is approved.
 */
export async function saveReport(input: SaveReport): Promise<Report> {
  const saved = await apiRequestVersioned<Report>(
    `/periods/${encodeURIComponent(input.periodId)}/items/${encodeURIComponent(input.itemId)}/report`,
    {
      method: 'PUT',
      body: input.draft,
      headers: input.version === null ? undefined : { 'If-Match': `"${input.version}"` },
    },
  );
  return saved.data;
}

/** The value the report gives an indicator, else the one recorded for the period's last day. */
export function reportedValue(
  indicator: Indicator,
  report: { indicatorValues: { indicatorId: string; value: number }[] } | null,
  day: string,
): number | null {
  const inReport = report?.indicatorValues.find((v) => v.indicatorId === indicator.id);
  if (inReport) return inReport.value;
  const last = indicator.measurements.filter((m) => m.measuredOn === day).at(-1)?.value;
  return typeof last === 'number' ? last : null;
}

export type ReportAction = 'submit' | 'approve' | 'return';

export function useReportMutations(planId: string, periodId: string, itemId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: dueKey(periodId) }),
      queryClient.invalidateQueries({ queryKey: ['plan-items', itemId] }),
      queryClient.invalidateQueries({ queryKey: ['plans', 'tree', planId] }),
    ]);
  const save = useMutation({ mutationFn: saveReport, onSettled: refresh });
  const act = useMutation({
    mutationFn: ({
      reportId,
      version,
      action,
      comment,
    }: {
      reportId: string;
      /** The version of the report on screen: a report changed meanwhile answers 412. */
      version: number;
      action: ReportAction;
      comment?: string;
    }) =>
      api.post<Report>(
        `/reports/${encodeURIComponent(reportId)}/${action}`,
        action === 'return' ? { comment } : undefined,
        `"${version}"`,
      ),
    onSettled: refresh,
  });
  return { save, act };
}
