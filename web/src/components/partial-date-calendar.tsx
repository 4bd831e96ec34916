/**
 * A month grid to pick a day from, in the reader's language: weeks start on Monday, arrow keys
 * move by a day or a week, Page Up/Down by a month, Home/End to the week's ends, Enter picks.
 */
import { ActionIcon, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  daysInMonth,
  formatEntryValue,
  monthName,
  weekdayAbbreviations,
} from '../../../core/dates/date-entry.js';
import { todayInput } from '../lib/date-input.js';
import { useLanguage } from '../lib/use-localised.js';
import classes from './partial-date-input.module.css';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Moves a 'YYYY-MM-DD' day by some days (UTC arithmetic: no time zone can shift it). */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

export interface PartialDateCalendarProps {
  /** The day to start on ('YYYY-MM-DD'): the chosen one, else today. */
  initial: string;
  selected: string | null;
  min?: string | undefined;
  max?: string | undefined;
  onPick: (day: string) => void;
}

export function PartialDateCalendar({
  initial,
  selected,
  min,
  max,
  onPick,
}: PartialDateCalendarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [focused, setFocused] = useState(initial);
  const grid = useRef<HTMLDivElement>(null);
  const [year, month] = focused.split('-').map(Number) as [number, number];

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused]);

  const today = todayInput();
  const outOfRange = (day: string) => (min && day < min) || (max && day > max);
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const leading = (first + 6) % 7; // Monday first
  const cells: (string | null)[] = [
    ...Array.from({ length: leading }, () => null),
    ...Array.from({ length: daysInMonth(year, month) }, (_, i) => iso(year, month, i + 1)),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const heading = `${monthName(month, language)} ${language === 'en' ? year : `${year}.`}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => addMonths(focused, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, event.shiftKey ? 12 : 1),
      Home: () => addDays(focused, -((new Date(`${focused}T00:00:00Z`).getUTCDay() + 6) % 7)),
      End: () => addDays(focused, 6 - ((new Date(`${focused}T00:00:00Z`).getUTCDay() + 6) % 7)),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setFocused(move());
  };

  return (
    <div className={classes.calendar}>
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <ActionIcon
          variant="subtle"
          aria-label={t('common.dateInput.previousMonth')}
          onClick={() => setFocused(addMonths(focused, -1))}
        >
          <IconChevronLeft size={16} aria-hidden />
        </ActionIcon>
        <Text fw={600} size="sm" aria-live="polite">
          {heading}
        </Text>
        <ActionIcon
          variant="subtle"
          aria-label={t('common.dateInput.nextMonth')}
          onClick={() => setFocused(addMonths(focused, 1))}
        >
          <IconChevronRight size={16} aria-hidden />
        </ActionIcon>
      </Group>
      <div role="grid" aria-label={heading} ref={grid} onKeyDown={onKeyDown}>
        <div role="row" className={classes.week}>
          {weekdayAbbreviations(language).map((name) => (
            <div role="columnheader" key={name} className={classes.weekday}>
              {name}
            </div>
          ))}
        </div>
        {weeks.map((week, w) => (
          <div role="row" className={classes.week} key={w}>
            {week.map((day, d) =>
              day === null ? (
                <div role="gridcell" key={d} />
              ) : (
                <div role="gridcell" key={day} aria-selected={day === selected}>
                  <UnstyledButton
                    className={classes.day}
                    data-day={day}
                    data-selected={day === selected || undefined}
                    data-today={day === today || undefined}
                    tabIndex={day === focused ? 0 : -1}
                    data-autofocus={day === focused || undefined}
                    disabled={Boolean(outOfRange(day))}
                    aria-label={formatEntryValue(day, language)}
                    onClick={() => onPick(day)}
                    onFocus={() => setFocused(day)}
                  >
                    {Number(day.slice(8))}
                  </UnstyledButton>
                </div>
              ),
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
