/** Due dates as plans write them: a day, a month, a quarter ('2026-Q3') or 'continuous'. */

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

/** Periods typed in the due filters: the rule lives in core, shared with the export. */
export { periodBounds } from '../../../../../core/plans/item-filters.js';
