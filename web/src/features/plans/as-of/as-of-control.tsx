/**
 * "As of" a past day: a date field that switches the plan page to the plan as it stood then
 * (GET /plans/:id/tree?asOf=…), and the notice that says what that view is and is not.
 */
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInput } from '../../../lib/date-input.js';
import { useLocalised } from '../../../lib/use-localised.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface AsOfControlProps {
  /** The day shown, or null for today's plan. */
  value: string | null;
  onChange: (value: string | null) => void;
}

export function AsOfControl({ value, onChange }: AsOfControlProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  const today = todayInput();
  const error =
    draft && !DAY.test(draft) ? t('planAsOf.invalid') : draft > today ? t('planAsOf.future') : null;
  const apply = (next: string) => {
    setDraft(next);
    if (!next) onChange(null);
    else if (DAY.test(next) && next <= today) onChange(next);
  };
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        type="date"
        size="sm"
        label={t('planAsOf.label')}
        max={today}
        value={draft}
        error={error}
        onChange={(e) => apply(e.currentTarget.value)}
        leftSection={<IconHistory size={16} aria-hidden />}
      />
      {value ? (
        <Button variant="subtle" size="sm" onClick={() => apply('')}>
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
