/**
 * One item's report in a period, in a drawer: the form its institution fills (report-form.tsx)
 * and — for coordinators, once it is submitted — the review (review-panel.tsx). Everything is
 * read-only in a locked period.
 */
import { Drawer, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../../lib/use-localised.js';
import type { DueItem, Period } from '../api/reporting.js';
import { usePeriodName } from '../utils/use-period-name.js';
import { ReportForm, type Saved } from './report-form.js';

export interface ReportDrawerProps {
  planId: string;
  period: Period;
  item: DueItem | null;
  canReview: boolean;
  onClose: () => void;
  onReload: () => void;
}

export function ReportDrawer({
  planId,
  period,
  item,
  canReview,
  onClose,
  onReload,
}: ReportDrawerProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const nameOf = usePeriodName();
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
      title={item ? t('reporting.form.title', { code: item.code, period: nameOf(period) }) : null}
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
