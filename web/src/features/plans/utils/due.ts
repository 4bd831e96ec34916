/** Due dates as plans write them: a day, a month, a quarter ('2026-Q3') or 'continuous'. */
import { isValidPartialDate, partialDateBounds } from '../../../../../core/dates/partial-date.js';

const QUARTER = /^(\d{4})-Q([1-4])$/;

export type DueParts =
  | { kind: 'continuous' }
  | { kind: 'quarter'; year: string; quarter: string }
  | { kind: 'date'; value: string; precision: 'day' | 'month' };

export function dueParts(value: string): DueParts {
  if (value === 'continuous') return { kind: 'continuous' };
  const quarter = QUARTER.exec(value);
  if (quarter) return { kind: 'quarter', year: quarter[1]!, quarter: quarter[2]! };
  return { kind: 'date', value, precision: value.length === 7 ? 'month' : 'day' };
}

/**
 * The first and last day of a period a reader types to filter by due date: a year ('2026'), a
 * quarter ('2026-Q3'), a month ('2026-06') or a day ('2026-06-30'); null when it is none of these.
 */
export function periodBounds(value: string): { from: string; to: string } | null {
  const text = value.trim().toUpperCase();
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const from = partialDateBounds(`${quarter[1]}-${String(first).padStart(2, '0')}`).from;
    const to = partialDateBounds(`${quarter[1]}-${String(first + 2).padStart(2, '0')}`).to;
    return { from, to };
  }
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text) || !isValidPartialDate(text)) return null;
  return partialDateBounds(text);
}
