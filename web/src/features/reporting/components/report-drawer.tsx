/**
 * One item's report in a period: the form its institution fills (item status, progress, narrative,
 * evidence, indicator values) with "Save draft" and "Submit", and — for coordinators, once it is
 * submitted — "Approve" and "Return with comment". Everything is read-only in a locked period.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconLock,
  IconMessageReply,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useItemIndicators } from '../../plans/api/get-item-indicators.js';
import { ItemStatusBadge } from '../../plans/components/item-status-badge.js';
import { reportedValue, useReportMutations, type DueItem, type Period } from '../api/reporting.js';
import { reportState } from '../utils/periods.js';
import { ReportStateBadge } from './report-state-badge.js';

interface Props {
  planId: string;
  period: Period;
  item: DueItem | null;
  canReview: boolean;
  onClose: () => void;
  onReload: () => void;
}

export function ReportDrawer({ planId, period, item, canReview, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  // Kept here: a save starts the form afresh from the server's copy, and the notice must stay.
  const [saved, setSaved] = useState<Saved>(null);
  const [shownFor, setShownFor] = useState(item?.planItemId);
  if (shownFor !== item?.planItemId) {
    setShownFor(item?.planItemId);
    setSaved(null);
  }
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={item ? t('reporting.form.title', { code: item.code, period: period.title }) : null}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {item ? (
        <Stack gap="md">
          <Text size="sm">{localiser.text(item.title)}</Text>
          <ReportForm
            // A saved or reloaded report starts the form afresh from the server's copy.
            key={`${item.planItemId}:${item.report?.version ?? 0}`}
            planId={planId}
            period={period}
            item={item}
            canReview={canReview}
            onReload={onReload}
            saved={saved}
            onSaved={setSaved}
          />
        </Stack>
      ) : null}
    </Drawer>
  );
}

interface EvidenceRow {
  title: string;
  url: string;
}

type FieldErrors = Partial<Record<string, string>>;
type Saved = 'draft' | 'submitted' | null;

function ReportForm({
  planId,
  period,
  item,
  canReview,
  onReload,
  saved,
  onSaved: setSaved,
}: Omit<Props, 'onClose' | 'item'> & {
  item: DueItem;
  saved: Saved;
  onSaved: (saved: Saved) => void;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const report = item.report;
  const state = reportState(item);
  const locked = period.status === 'locked';
  const editable =
    !locked && (state === 'not_started' || state === 'draft' || state === 'returned');
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
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const valueOf = (indicatorId: string) => {
    if (indicatorId in values) return values[indicatorId];
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

  const submit = async () => {
    setSaved(null);
    if (!validate()) return;
    try {
      const draft = await persist();
      await act.mutateAsync({ reportId: draft.id, version: draft.version, action: 'submit' });
      setSaved('submitted');
    } catch (error) {
      serverErrors(error);
    }
  };

  const failure = act.error ?? save.error;
  const stale = isApiError(failure) && failure.status === 412;

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {t('reporting.form.state')}
        </Text>
        <ReportStateBadge state={state} />
        <Text size="sm" c="dimmed">
          {t('reporting.form.currentStatus')}
        </Text>
        <ItemStatusBadge status={item.status} />
      </Group>
      {report?.submittedAt ? (
        <Text size="sm" c="dimmed">
          {t('reporting.form.submittedBy', {
            who: item.submittedBy ?? '—',
            date: localiser.date({ date: report.submittedAt.slice(0, 10), precision: 'day' }),
          })}
        </Text>
      ) : null}
      {locked ? (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
          {t('reporting.lockedNotice')}
        </Alert>
      ) : null}
      {state === 'returned' && report?.reviewComment ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconMessageReply aria-hidden />}
          title={t('reporting.form.returnedTitle')}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {report.reviewComment}
          </Text>
        </Alert>
      ) : null}
      {!locked && (state === 'submitted' || state === 'approved') ? (
        <Alert color={state === 'approved' ? 'teal' : 'violet'} variant="light">
          {t(state === 'approved' ? 'reporting.form.approvedNote' : 'reporting.form.submittedNote')}
        </Alert>
      ) : null}

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

          <Stack gap="xs">
            <Text fw={600} size="sm" id="evidence-label">
              {t('reporting.form.evidence')}
            </Text>
            {evidence.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reporting.form.noEvidence')}
              </Text>
            ) : null}
            {evidence.map((row, index) => (
              <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={t('reporting.form.evidenceTitle', { n: index + 1 })}
                  placeholder={t('reporting.form.evidenceTitlePlaceholder')}
                  value={row.title}
                  onChange={(event) => {
                    const title = event.currentTarget.value;
                    setEvidence((rows) => rows.map((r, i) => (i === index ? { ...r, title } : r)));
                  }}
                  error={errors[`evidence.${index}.title`]}
                  readOnly={!editable}
                  maxLength={300}
                  style={{ flex: 1 }}
                />
                <TextInput
                  aria-label={t('reporting.form.evidenceUrl', { n: index + 1 })}
                  placeholder="https://…"
                  type="url"
                  value={row.url}
                  onChange={(event) => {
                    const url = event.currentTarget.value;
                    setEvidence((rows) => rows.map((r, i) => (i === index ? { ...r, url } : r)));
                  }}
                  error={errors[`evidence.${index}.url`]}
                  readOnly={!editable}
                  style={{ flex: 1 }}
                />
                {editable ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={4}
                    aria-label={t('reporting.form.removeEvidence', { n: index + 1 })}
                    onClick={() => setEvidence((rows) => rows.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
            {editable && evidence.length < 30 ? (
              <div>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setEvidence((rows) => [...rows, { title: '', url: '' }])}
                >
                  {t('reporting.form.addEvidence')}
                </Button>
              </div>
            ) : null}
          </Stack>

          {quantitative.length > 0 ? (
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('reporting.form.indicators')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('reporting.form.indicatorsHint', {
                  date: localiser.date({ date: period.endsOn, precision: 'day' }),
                })}
              </Text>
              {quantitative.map((indicator) => (
                <NumberInput
                  key={indicator.id}
                  label={localiser.text(indicator.name)}
                  description={
                    indicator.target.value !== null
                      ? t('reporting.form.target', {
                          value: indicator.target.value,
                          unit: indicator.unit ?? '',
                        })
                      : undefined
                  }
                  rightSection={
                    indicator.unit ? (
                      <Text size="xs" c="dimmed" pr="xs">
                        {indicator.unit}
                      </Text>
                    ) : null
                  }
                  rightSectionWidth={
                    indicator.unit ? Math.min(120, 16 + indicator.unit.length * 7) : undefined
                  }
                  value={valueOf(indicator.id)}
                  onChange={(value) => setValues((v) => ({ ...v, [indicator.id]: value }))}
                  readOnly={!editable}
                  w={280}
                />
              ))}
            </Stack>
          ) : null}
        </>
      )}
      {failure ? (
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
          <Button onClick={() => void submit()} loading={act.isPending}>
            {t(state === 'returned' ? 'reporting.form.resubmit' : 'reporting.form.submit')}
          </Button>
        </Group>
      ) : null}

      {reviewable ? (
        <>
          <Divider label={t('reporting.review.title')} labelPosition="left" />
          <Textarea
            label={t('reporting.review.comment')}
            description={t('reporting.review.commentHint')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
            error={errors.comment}
          />
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              color="orange"
              leftSection={<IconMessageReply size={16} aria-hidden />}
              loading={act.isPending && act.variables?.action === 'return'}
              onClick={() => {
                if (!comment.trim()) {
                  setErrors({ comment: t('reporting.review.commentRequired') });
                  return;
                }
                setErrors({});
                act.mutate({
                  reportId: report.id,
                  version: report.version,
                  action: 'return',
                  comment: comment.trim(),
                });
              }}
            >
              {t('reporting.review.return')}
            </Button>
            <Button
              color="teal"
              leftSection={<IconCheck size={16} aria-hidden />}
              loading={act.isPending && act.variables?.action === 'approve'}
              onClick={() =>
                act.mutate({ reportId: report.id, version: report.version, action: 'approve' })
              }
            >
              {t('reporting.review.approve')}
            </Button>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
