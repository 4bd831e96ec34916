import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportState } from '../utils/periods.js';

export const REPORT_STATE_COLORS: Record<ReportState, string> = {
  none: 'gray',
  draft: 'blue',
  submitted: 'violet',
  returned: 'orange',
  approved: 'teal',
};

/** A report's state in words: no report yet, draft, submitted, returned, approved. */
export function ReportStateBadge({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  return (
    <Badge color={REPORT_STATE_COLORS[state]} variant="light" radius="xs" tt="none" fw={600}>
      {t(`reporting.state.${state}`)}
    </Badge>
  );
}
