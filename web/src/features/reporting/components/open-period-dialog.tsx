/**
 * "Open a period": kind, first and last day (the one partial-date picker, in the reader's
 * language), and a title suggested from them. The proposed period lies inside the plan's period.
 */
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS } from '../../../../../core/schemas/reporting.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { PartialDateInput } from '../../../components/partial-date-input.js';
import { useOpenPeriod, type Period } from '../api/reporting.js';
import {
  periodContaining,
  proposePeriod,
  suggestTitle,
  type PeriodKind,
} from '../utils/periods.js';
import { useTitleWords } from '../utils/use-period-name.js';

interface Props {
  planId: string;
  opened: boolean;
  onClose: () => void;
  /** The plan's periods so far, newest first: the proposal is one not opened yet. */
  periods: readonly Period[];
  /** The plan's own period: the proposal lies inside it. */
  plan: { periodStart: string | null; periodEnd: string | null } | null;
  onOpened: (period: Period) => void;
}

type Field = 'kind' | 'startsOn' | 'endsOn' | 'title';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function OpenPeriodDialog({ planId, opened, onClose, periods, plan, onOpened }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{t('reporting.open.title')}</Text>}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? (
        <OpenPeriodForm
          planId={planId}
          periods={periods}
          plan={plan}
          onClose={onClose}
          onOpened={onOpened}
        />
      ) : null}
    </Modal>
  );
}

function OpenPeriodForm({ planId, periods, plan, onClose, onOpened }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const open = useOpenPeriod(planId);
  const latest = periods[0];
  const initialKind: PeriodKind = latest?.kind === 'cycle' || !latest ? 'quarter' : latest.kind;
  const initial = proposePeriod(initialKind, periods, new Date().toISOString().slice(0, 10), plan);
  const [kind, setKind] = useState<PeriodKind>(initialKind);
  const [startsOn, setStartsOn] = useState(initial.startsOn);
  const [endsOn, setEndsOn] = useState(initial.endsOn);
  const [title, setTitle] = useState('');
  // The title follows the kind and dates until the reader types one of their own.
  const [titleTouched, setTitleTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const words = useTitleWords();
  const suggested = suggestTitle(kind, startsOn, endsOn, words);
  const shownTitle = titleTouched ? title : suggested;

  const changeKind = (value: PeriodKind) => {
    setKind(value);
    if (value !== 'cycle' && DAY.test(startsOn)) {
      const range = periodContaining(value, startsOn);
      setStartsOn(range.startsOn);
      setEndsOn(range.endsOn);
    }
  };

  const validate = (): boolean => {
    const next: Partial<Record<Field, string>> = {};
    if (!DAY.test(startsOn)) next.startsOn = t('reporting.open.errors.date');
    if (!DAY.test(endsOn)) next.endsOn = t('reporting.open.errors.date');
    else if (DAY.test(startsOn) && endsOn < startsOn)
      next.endsOn = t('reporting.open.errors.order');
    if (!shownTitle.trim()) next.title = t('reporting.open.errors.title');
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const submit = () => {
    if (!validate()) return;
    open.mutate(
      { kind, startsOn, endsOn, title: shownTitle.trim() },
      {
        onSuccess: (period) => {
          onOpened(period);
          onClose();
        },
        onError: (error) => {
          // The server names the field it refused; show the message next to it.
          const issues = isApiError(error)
            ? ((error.details as { issues?: { field?: string; message: string }[] } | undefined)
                ?.issues ?? [])
            : [];
          const next: Partial<Record<Field, string>> = {};
          for (const issue of issues) {
            if (issue.field && ['kind', 'startsOn', 'endsOn', 'title'].includes(issue.field))
              next[issue.field as Field] = issue.message;
          }
          setErrors(next);
        },
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Select
          label={t('reporting.open.kind')}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reporting.kinds.${k}`) }))}
          value={kind}
          onChange={(value) => value && changeKind(value as PeriodKind)}
          allowDeselect={false}
          error={errors.kind}
          data-autofocus
        />
        <Group grow align="flex-start">
          <PartialDateInput
            label={t('reporting.open.startsOn')}
            value={startsOn || null}
            onChange={(value) => setStartsOn(value ?? '')}
            error={errors.startsOn}
            required
          />
          <PartialDateInput
            label={t('reporting.open.endsOn')}
            value={endsOn || null}
            onChange={(value) => setEndsOn(value ?? '')}
            error={errors.endsOn}
            required
          />
        </Group>
        <TextInput
          label={t('reporting.open.name')}
          description={t('reporting.open.nameHint')}
          value={shownTitle}
          onChange={(event) => {
            setTitleTouched(true);
            setTitle(event.currentTarget.value);
          }}
          error={errors.title}
          required
          maxLength={200}
        />
        {open.error && !(isApiError(open.error) && open.error.code === 'validation_failed') ? (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {errorMessage(open.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={open.isPending}>
            {t('reporting.open.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
