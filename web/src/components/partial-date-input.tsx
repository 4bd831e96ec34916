/**
 * The one date field: a day, a month, a quarter, a year or "continuous", in the reader's language.
 * The value is in the API's form ('YYYY-MM-DD', 'YYYY-MM', 'YYYY-Qn', 'YYYY', 'continuous') or
 * null when empty. Days are typed as the reader writes them ("15.03.2026." in Serbian, "15/03/2026"
 * in English; ISO and month names are read too) or picked from a calendar; a day that does not exist
 * is named as such. `precisions` limits what is offered (a plan period: day only; an item's due date:
 * all five); with more than one, a select chooses the precision first.
 */
import {
  ActionIcon,
  Group,
  Input,
  NativeSelect,
  Popover,
  Text,
  TextInput,
  type MantineSize,
} from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dayEntryPattern,
  formatDayEntry,
  monthName,
  monthNames,
  parseDayEntry,
  quarterMonths,
  quarterName,
  type EntryPrecision,
} from '../../../core/dates/date-entry.js';
import {
  draftFrom,
  evaluateDateDraft,
  todayInput,
  type DateDraft,
  type DateProblem,
} from '../lib/date-input.js';
import { useLanguage } from '../lib/use-localised.js';
import { PartialDateCalendar } from './partial-date-calendar.js';

export type { EntryPrecision } from '../../../core/dates/date-entry.js';

export interface PartialDateInputProps {
  /** The field's name, shown above it and read out with each of its parts. */
  label: string;
  description?: ReactNode;
  /** The value in the API's form, or null when empty. */
  value: string | null;
  /**
   * Called on every edit with the value, or null while the field is empty or does not yet hold a
   * real date; `invalid` tells the two apart so a form can refuse to save a half-typed date.
   */
  onChange: (value: string | null, state: { invalid: boolean }) => void;
  /** Which precisions to offer, in this order; the default is a day only. */
  precisions?: readonly EntryPrecision[];
  /** An error from outside (a required field, the server); shown instead of the field's own. */
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** Earliest and latest days allowed ('YYYY-MM-DD'), for day precision. */
  minDay?: string | undefined;
  maxDay?: string | undefined;
  size?: MantineSize;
  /** As on Mantine inputs, e.g. to put the description under the field like its neighbours. */
  inputWrapperOrder?: ('label' | 'input' | 'description' | 'error')[];
  /** Lets a test or a journey find the field. */
  'data-testid'?: string;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function PartialDateInput({
  label,
  description,
  value,
  onChange,
  precisions = ['day'],
  error,
  required,
  disabled,
  minDay,
  maxDay,
  size = 'sm',
  inputWrapperOrder,
  'data-testid': testId,
}: PartialDateInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const fallback = precisions[0] ?? 'day';
  const [draft, setDraft] = useState<DateDraft>(() => draftFrom(value, fallback, language));
  const [dayTouched, setDayTouched] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [shown, setShown] = useState({ value, language });

  // A value set from outside (a reset, a loaded record) replaces whatever was being typed; a
  // change of language rewrites a typed day in the new language's form. (Adjusted while
  // rendering, as React advises, rather than in an effect.)
  if (shown.value !== value || shown.language !== language) {
    setShown({ value, language });
    if (evaluateDateDraft(draft, minDay, maxDay).value !== value) {
      setDraft(draftFrom(value, fallback, language));
      setDayTouched(false);
    } else {
      const parsed = parseDayEntry(draft.dayText);
      if (parsed.ok) setDraft({ ...draft, dayText: formatDayEntry(parsed.value, language) });
    }
  }

  const { problem } = evaluateDateDraft(draft, minDay, maxDay);

  const update = (patch: Partial<DateDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const result = evaluateDateDraft(next, minDay, maxDay);
    onChange(result.value, { invalid: result.problem !== null });
  };

  const pattern = dayEntryPattern(language);
  // A half-typed day is not an error yet: wait until the reader leaves the field, unless the
  // text is already a complete date that cannot exist.
  const showProblem =
    problem !== null && (draft.precision !== 'day' || dayTouched || problem.key !== 'format');
  const problemText = showProblem && problem ? describe(problem) : null;
  const shownError = error ?? problemText;
  const errorId = `${id}-error`;
  const labelId = `${id}-label`;
  const inputId = `${id}-input`;
  const single = precisions.length === 1 && (fallback === 'day' || fallback === 'year');

  function describe(p: DateProblem): string {
    const params = p.params ?? {};
    switch (p.key) {
      case 'format':
        return t('common.dateInput.errors.format', {
          pattern,
          example: formatDayEntry(todayInput(), language),
        });
      case 'noSuchMonth':
        return t('common.dateInput.errors.noSuchMonth', { month: params.month, pattern });
      case 'noSuchDay':
        return t('common.dateInput.errors.noSuchDay', {
          monthYear: capitalise(
            `${monthName(Number(params.month), language)} ${params.year}${language === 'en' ? '' : '.'}`,
          ),
          count: Number(params.count),
        });
      case 'beforeMin':
      case 'afterMax':
        return t(`common.dateInput.errors.${p.key}`, {
          day: formatDayEntry(String(params.day), language),
        });
      case 'yearRange':
        return t('common.dateInput.errors.yearRange', params);
      case 'year':
        return t('common.dateInput.errors.year', { example: todayInput().slice(0, 4) });
      default:
        return t(`common.dateInput.errors.${p.key as 'monthIncomplete'}`);
    }
  }

  const partLabel = (part: string) => t('common.dateInput.partLabel', { label, part });
  const inputState = {
    disabled,
    size,
    error: Boolean(shownError),
    'aria-describedby': shownError ? errorId : undefined,
  };
  const yearInput = (
    <TextInput
      {...inputState}
      id={single ? inputId : undefined}
      aria-label={single ? undefined : partLabel(t('common.dateInput.year'))}
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      placeholder={t('common.dateInput.yearPattern')}
      value={draft.yearText}
      onChange={(event) => update({ yearText: event.currentTarget.value })}
      w={90}
    />
  );

  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={shownError}
      required={required}
      // One precision: the label is the input's own <label>. Several: it names the group of parts.
      labelElement={single ? 'label' : 'div'}
      labelProps={{ id: labelId, ...(single ? { htmlFor: inputId } : {}) }}
      errorProps={{ id: errorId }}
      data-testid={testId}
      inputWrapperOrder={inputWrapperOrder}
    >
      <Group
        gap="xs"
        mt={single ? 0 : 4}
        align="flex-start"
        role={single ? undefined : 'group'}
        aria-labelledby={single ? undefined : labelId}
        wrap="wrap"
      >
        {precisions.length > 1 ? (
          <NativeSelect
            size={size}
            disabled={disabled}
            aria-label={partLabel(t('common.dateInput.precision'))}
            value={draft.precision}
            onChange={(event) => update({ precision: event.currentTarget.value as EntryPrecision })}
            data={precisions.map((p) => ({
              value: p,
              label: t(`common.dateInput.precisions.${p}`),
            }))}
            w="auto"
          />
        ) : null}
        {draft.precision === 'day' ? (
          <TextInput
            {...inputState}
            id={single ? inputId : undefined}
            aria-label={single ? undefined : partLabel(t('common.dateInput.day'))}
            aria-required={required}
            placeholder={pattern}
            autoComplete="off"
            spellCheck={false}
            value={draft.dayText}
            onChange={(event) => update({ dayText: event.currentTarget.value })}
            onBlur={() => setDayTouched(true)}
            w={single ? '100%' : 180}
            maw={220}
            rightSectionPointerEvents="all"
            rightSection={
              <Popover
                opened={calendarOpen}
                onChange={setCalendarOpen}
                position="bottom-end"
                shadow="md"
                trapFocus
                returnFocus
                // Focus moving into the calendar may scroll the field under the sticky header; the
                // calendar stays open all the same.
                hideDetached={false}
              >
                <Popover.Target>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={disabled}
                    aria-label={t('common.dateInput.openCalendar')}
                    onClick={() => setCalendarOpen((open) => !open)}
                  >
                    <IconCalendar size={16} aria-hidden />
                  </ActionIcon>
                </Popover.Target>
                <Popover.Dropdown>
                  <PartialDateCalendar
                    initial={
                      evaluateDateDraft(draft, undefined, undefined).value ??
                      (maxDay && todayInput() > maxDay ? maxDay : todayInput())
                    }
                    selected={evaluateDateDraft(draft, undefined, undefined).value}
                    min={minDay}
                    max={maxDay}
                    onPick={(day) => {
                      setCalendarOpen(false);
                      setDayTouched(true);
                      update({ dayText: formatDayEntry(day, language) });
                    }}
                  />
                </Popover.Dropdown>
              </Popover>
            }
          />
        ) : draft.precision === 'month' ? (
          <Group gap="xs" wrap="wrap">
            <NativeSelect
              {...inputState}
              aria-label={partLabel(t('common.dateInput.month'))}
              value={draft.month}
              onChange={(event) => update({ month: event.currentTarget.value })}
              data={[
                { value: '', label: t('common.dateInput.chooseMonth') },
                ...monthNames(language).map((name, i) => ({
                  value: String(i + 1),
                  label: capitalise(name),
                })),
              ]}
              w={150}
            />
            {yearInput}
          </Group>
        ) : draft.precision === 'quarter' ? (
          <Group gap="xs" wrap="wrap">
            <NativeSelect
              {...inputState}
              aria-label={partLabel(t('common.dateInput.quarter'))}
              value={draft.quarter}
              onChange={(event) => update({ quarter: event.currentTarget.value })}
              data={[
                { value: '', label: t('common.dateInput.chooseQuarter') },
                ...[1, 2, 3, 4].map((q) => ({
                  value: String(q),
                  label: `${quarterName(q, language)} (${quarterMonths(q, language)})`,
                })),
              ]}
              w="auto"
              miw={150}
            />
            {yearInput}
          </Group>
        ) : draft.precision === 'year' ? (
          yearInput
        ) : (
          <Text size="sm" c="dimmed" py={6}>
            {t('common.dateInput.continuousNote')}
          </Text>
        )}
      </Group>
    </Input.Wrapper>
  );
}
