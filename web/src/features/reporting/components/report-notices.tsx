/**
 * What the drawer says about a report before its fields: its state beside the item's status, the
 * item's progress and where it comes from, who submitted it, the coordinator's comment (on a
 * returned or an approved report), a locked period, and a period that has not begun yet.
 */
import { Alert, Group, Stack, Text } from '@mantine/core';
import {
  IconCalendarExclamation,
  IconLock,
  IconMessageCheck,
  IconMessageReply,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../../lib/use-localised.js';
import { ItemStatusBadge } from '../../plans/components/item-status-badge.js';
import type { DueItem, Period } from '../api/reporting.js';
import type { ReportState } from '../utils/periods.js';
import { ProgressSourceNote } from './progress-source.js';
import { ReportStateBadge } from './report-state-badge.js';

export function ReportNotices({
  item,
  period,
  state,
  notBegun,
}: {
  item: DueItem;
  period: Period;
  state: ReportState;
  notBegun: boolean;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const report = item.report;
  const locked = period.status === 'locked';
  const day = (iso: string) => localiser.date({ date: iso.slice(0, 10), precision: 'day' });
  return (
    <Stack gap="sm">
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
      {item.progress !== null ? (
        <Text size="sm">
          {t('reporting.form.progressNow', { value: localiser.number(item.progress) })}{' '}
          <ProgressSourceNote source={item.progressSource} />
        </Text>
      ) : null}
      {report?.submittedAt ? (
        <Text size="sm" c="dimmed">
          {t('reporting.form.submittedBy', {
            who: item.submittedBy ?? '—',
            date: day(report.submittedAt),
          })}
        </Text>
      ) : null}
      {locked ? (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
          {t('reporting.lockedNotice')}
        </Alert>
      ) : null}
      {!locked && notBegun ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconCalendarExclamation aria-hidden />}
          title={t('reporting.early.title')}
        >
          {t('reporting.early.body', { date: day(period.startsOn) })}
        </Alert>
      ) : null}
      {(state === 'returned' || state === 'approved') && report?.reviewComment ? (
        <Alert
          color={state === 'returned' ? 'orange' : 'teal'}
          variant="light"
          icon={
            state === 'returned' ? (
              <IconMessageReply aria-hidden />
            ) : (
              <IconMessageCheck aria-hidden />
            )
          }
          title={t(
            state === 'returned' ? 'reporting.form.returnedTitle' : 'reporting.form.approvedTitle',
          )}
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
    </Stack>
  );
}
