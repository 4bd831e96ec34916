/**
 * The report form of one item in a period: item status, progress, narrative, evidence and the
 * quantitative indicators' values, with "Save draft" and "Submit"; for coordinators, once it is
 * submitted, the review (review-panel.tsx). Submitting in a period that has not begun asks first.
 */
import { Alert, Button, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useItemIndicators } from '@/lib/item-indicators.js';
import { reportedValue, useReportMutations, type DueItem } from '../api/reporting.js';
import { isNotBegun, notBegunToday } from '../utils/early.js';
import { reportState } from '../utils/periods.js';
import { usePeriodName } from '../utils/use-period-name.js';
import type { ReportDrawerProps } from './report-drawer.js';
import {
  EvidenceFields,
  IndicatorFields,
  type EvidenceRow,
  type FieldErrors,
} from './report-fields.js';
import { ReportNotices } from './report-notices.js';
import { ReviewPanel } from './review-panel.js';

export type Saved = 'draft' | 'submitted' | null;

export function ReportForm({
  planId,
  period,
  item,
  canReview,
  onReload,
  saved,
  onSaved: setSaved,
}: Omit<ReportDrawerProps, 'onClose' | 'item'> & {
  item: DueItem;
  saved: Saved;
  onSaved: (saved: Saved) => void;
}) {
  const { t } = useTranslation();
  const periodTitle = usePeriodName()(period);
  const report = item.report;
  const state = reportState(item);
  const locked = period.status === 'locked';
  const notBegun = notBegunToday(period.startsOn);
  const editable = !locked && (state === 'none' || state === 'draft' || state === 'returned');
  const reviewable = !locked && canReview && state === 'submitted' && report !== null;
  const indicators = useItemIndicators(item.planItemId);
  const quantitative = (indicators.data?.items ?? []).filter((i) => i.kind === 'quantitative');
  const { save, act } = useReportMutations(planId, period.id, item.planItemId);

  const [itemStatus, setItemStatus] = useState<PlanItemStatus>(report?.itemStatus ?? item.status);
  const [progress, setProgress] = useState<number | string>(report?.progress ?? '');
  const [narrative, setNarrative] = useState(report?.narrative ?? '');
  const [evidence, setEvidence] = useState<EvidenceRow[]>(
    (report?.evidence ?? []).map((e) => ({ title: e.title, url: e.url ?? '' })),
  );
  const [values, setValues] = useState<Record<string, number | string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);

  const valueOf = (indicatorId: string) => {
    if (indicatorId in values) return values[indicatorId]!;
    const indicator = quantitative.find((i) => i.id === indicatorId);
    return (indicator && reportedValue(indicator, report, period.endsOn)) ?? '';
  };

  const validate = (): boolean => {
    const next: FieldErrors = {};
    if (progress !== '' && (Number(progress) < 0 || Number(progress) > 100))
      next.progress = t('reporting.form.errors.progress');
    evidence.forEach((row, index) => {
      if (!row.title.trim())
        next[`evidence.${index}.title`] = t('reporting.form.errors.evidenceTitle');
      if (row.url.trim() && !/^https?:\/\/\S+\.\S+/.test(row.url.trim()))
        next[`evidence.${index}.url`] = t('reporting.form.errors.url');
    });
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const serverErrors = (error: unknown) => {
    if (!isApiError(error) || error.code !== 'validation_failed') return;
    const issues =
      (error.details as { issues?: { field?: string; message: string }[] } | undefined)?.issues ??
      [];
    const next: FieldErrors = {};
    for (const issue of issues) if (issue.field) next[issue.field] = issue.message;
    setErrors(next);
  };

  const persist = async () => {
    const indicatorValues = quantitative.flatMap((indicator) => {
      const value = valueOf(indicator.id);
      return typeof value === 'number' ? [{ indicatorId: indicator.id, value }] : [];
    });
    return save.mutateAsync({
      periodId: period.id,
      itemId: item.planItemId,
      version: report?.version ?? null,
      draft: {
        indicatorValues,
        itemStatus,
        progress: progress === '' ? null : Number(progress),
        narrative: narrative.trim() ? narrative : null,
        evidence: evidence.map((e) => ({ title: e.title.trim(), url: e.url.trim() || null })),
      },
    });
  };

  const saveDraft = async () => {
    setSaved(null);
    if (!validate()) return;
    try {
      await persist();
      setSaved('draft');
    } catch (error) {
      serverErrors(error);
    }
  };

  const submit = async (early: boolean) => {
    setSaved(null);
    if (!validate()) return;
    if (notBegun && !early) {
      setConfirming(true);
      return;
    }
    try {
      const draft = await persist();
      await act.mutateAsync({
        reportId: draft.id,
        version: draft.version,
        action: 'submit',
        early,
      });
      setConfirming(false);
      setSaved('submitted');
    } catch (error) {
      // The server's calendar may say the period has not begun when the reader's does not.
      if (isNotBegun(error)) setConfirming(true);
      else serverErrors(error);
    }
  };

  const failure = act.error ?? save.error;
  const stale = isApiError(failure) && failure.status === 412;

  return (
    <Stack gap="md">
      <ReportNotices item={item} period={period} state={state} notBegun={notBegun} />
      {locked && !report ? (
        <Text size="sm" c="dimmed">
          {t('reporting.form.noReport')}
        </Text>
      ) : (
        <>
          <Select
            label={t('reporting.form.itemStatus')}
            description={t('reporting.form.itemStatusHint')}
            data={PLAN_ITEM_STATUSES.map((s) => ({ value: s, label: t(`plans.itemStatus.${s}`) }))}
            value={itemStatus}
            onChange={(value) => value && setItemStatus(value as PlanItemStatus)}
            allowDeselect={false}
            readOnly={!editable}
            data-autofocus
          />
          <NumberInput
            label={t('reporting.form.progress')}
            description={t('reporting.form.progressHint')}
            value={progress}
            onChange={setProgress}
            min={0}
            max={100}
            clampBehavior="none"
            allowNegative={false}
            suffix=" %"
            error={errors.progress}
            readOnly={!editable}
            w={200}
          />
          <Textarea
            label={t('reporting.form.narrative')}
            description={t('reporting.form.narrativeHint')}
            value={narrative}
            onChange={(event) => setNarrative(event.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={20000}
            error={errors.narrative}
            readOnly={!editable}
          />
          <EvidenceFields
            rows={evidence}
            onChange={setEvidence}
            errors={errors}
            editable={editable}
          />
          <IndicatorFields
            indicators={quantitative}
            periodEnd={period.endsOn}
            valueOf={valueOf}
            onChange={(id, value) => setValues((v) => ({ ...v, [id]: value }))}
            editable={editable}
          />
        </>
      )}
      {failure && !isNotBegun(failure) ? (
        <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {stale ? t('reporting.form.stale') : errorMessage(failure, t)}
          {stale ? (
            <Button size="compact-sm" variant="light" color="red" ml="sm" onClick={onReload}>
              {t('reporting.form.reload')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {saved ? (
        <Alert role="status" color="teal" variant="light" icon={<IconCheck aria-hidden />}>
          {t(saved === 'draft' ? 'reporting.form.savedDraft' : 'reporting.form.submitted')}
        </Alert>
      ) : null}

      {editable ? (
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => void saveDraft()}
            loading={save.isPending && !act.isPending}
          >
            {t('reporting.form.saveDraft')}
          </Button>
          <Button onClick={() => void submit(false)} loading={act.isPending}>
            {t(state === 'returned' ? 'reporting.form.resubmit' : 'reporting.form.submit')}
          </Button>
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => void submit(true)}
        title={t('reporting.early.confirmSubmitTitle', { period: periodTitle })}
        confirmLabel={t('reporting.early.confirmSubmit')}
        loading={act.isPending || save.isPending}
      >
        <Text size="sm">{t('reporting.early.confirmBody')}</Text>
      </ConfirmDialog>

      {reviewable ? (
        <ReviewPanel report={report} act={act} notBegun={notBegun} periodTitle={periodTitle} />
      ) : null}
    </Stack>
  );
}
