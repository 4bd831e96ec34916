/**
 * "As of" a past day: a date field that switches the plan page to the plan as it stood then
 * (GET /plans/:id/tree?asOf=…), and the notice that says what that view is and is not.
 */
import { Alert, Button, Group } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PartialDateInput } from '../../../components/partial-date-input.js';
import { todayInput } from '../../../lib/date-input.js';
import { useLocalised } from '../../../lib/use-localised.js';

export interface AsOfControlProps {
  /** The day shown, or null for today's plan. */
  value: string | null;
  onChange: (value: string | null) => void;
}

export function AsOfControl({ value, onChange }: AsOfControlProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <PartialDateInput
        label={t('planAsOf.label')}
        value={value}
        maxDay={todayInput()}
        // A half-typed day keeps the plan as it is; a cleared field goes back to today's plan.
        onChange={(next, { invalid }) => {
          if (!invalid) onChange(next);
        }}
        data-testid="as-of-date"
      />
      {value ? (
        <Button variant="subtle" size="sm" onClick={() => onChange(null)}>
          {t('planAsOf.backToToday')}
        </Button>
      ) : null}
    </Group>
  );
}

/** Shown above the tree while it is read as of a past day. */
export function AsOfNotice({ asOf, onLeave }: { asOf: string; onLeave: () => void }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconHistory size={18} aria-hidden />}
      title={t('planAsOf.noticeTitle', { date: localiser.date({ date: asOf, precision: 'day' }) })}
    >
      {t('planAsOf.noticeBody')}{' '}
      <Button variant="white" size="compact-sm" onClick={onLeave}>
        {t('planAsOf.backToToday')}
      </Button>
    </Alert>
  );
}
