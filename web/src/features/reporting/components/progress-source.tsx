/**
 * Where an item's progress comes from, in words: "from the report for Q1 2027, approved on 3 March
 * 2027" or "entered by hand by Ana Petrović on 4 March 2027". The later of the two wins
 * (core/plans/report-workflow.ts, progressSource).
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../../../core/schemas/reporting.js';
import { useLocalised } from '../../../lib/use-localised.js';

export function ProgressSourceNote({ source }: { source: DueItem['progressSource'] }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const day = (iso: string) => localiser.date({ date: iso.slice(0, 10), precision: 'day' });
  if (source.kind === 'none') return null;
  const words =
    source.kind === 'report'
      ? t('reporting.progressSource.report', {
          period: source.periodTitle,
          date: day(source.approvedAt),
        })
      : source.by && source.at
        ? t('reporting.progressSource.handBy', { who: source.by, date: day(source.at) })
        : t('reporting.progressSource.hand');
  return (
    <Text span size="sm" c="dimmed" data-progress-source={source.kind}>
      {words}
    </Text>
  );
}
