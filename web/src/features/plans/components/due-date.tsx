import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../../lib/use-localised.js';
import { dueParts } from '../utils/due.js';

/** "15 March 2016", "March 2016", "Q3 2026" / "3. kvartal 2026.", "Continuous". */
export function DueDate({ value, overdue }: { value: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  if (!value)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  const parts = dueParts(value);
  const shown =
    parts.kind === 'continuous'
      ? t('plans.due.continuous')
      : parts.kind === 'quarter'
        ? t('plans.due.quarter', { quarter: parts.quarter, year: parts.year })
        : localiser.date({ date: parts.value, precision: parts.precision });
  return (
    <Text span size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined}>
      {shown}
      {overdue ? (
        <Text span size="xs" display="block" inherit={false} c="red.8">
          {t('plans.due.overdue')}
        </Text>
      ) : null}
    </Text>
  );
}
