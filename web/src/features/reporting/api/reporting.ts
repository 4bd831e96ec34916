/**
 * The reporting workflow's API: periods of a plan (GET/POST /plans/:id/periods, POST
 * /periods/:id/lock), the reports due in a period (GET /periods/:id/reports-due), saving a draft
 * (PUT /periods/:id/items/:itemId/report, If-Match once the report exists) and moving a report on
 * (POST /reports/:id/submit | approve | return, with a comment and the `early` confirmation).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DueItem,
  Period,
  PeriodCreate,
  Report,
  ReportDraft,
  ReportsDue,
} from '../../../../../core/schemas/reporting.js';
import type { Indicator } from '../../../../../core/schemas/indicator.js';
import { api, apiRequestVersioned } from '../../../lib/api-client.js';

export type { DueItem, Period, ReportsDue };

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

/** The body a transition sends: a comment (approve, return) and, when warned, `early`. */
export function transitionBody(
  action: ReportAction,
  { comment, early }: { comment?: string; early?: boolean },
): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  if (action !== 'submit' && comment?.trim()) body.comment = comment.trim();
  if (action !== 'return' && early) body.early = true;
  return Object.keys(body).length > 0 ? body : undefined;
}

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
      early,
    }: {
      reportId: string;
      /** The version of the report on screen: a report changed meanwhile answers 412. */
      version: number;
      action: ReportAction;
      /** For the institution: required to return, optional to approve (kept with the report). */
      comment?: string;
      /** The reader confirmed a period that has not begun yet. */
      early?: boolean;
    }) =>
      api.post<Report>(
        `/reports/${encodeURIComponent(reportId)}/${action}`,
        transitionBody(action, { comment, early }),
        `"${version}"`,
      ),
    onSettled: refresh,
  });
  return { save, act };
}
