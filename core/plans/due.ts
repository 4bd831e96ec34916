/**
 * When a plan item is due, as action plans write it: a day, a month, a quarter ("Q3 2026") or
 * "continuous" (no deadline). Stored as text: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY-Qn' or 'continuous'.
 */
import { isValidPartialDate, partialDateBounds } from '../dates/partial-date.js';

export type DueDate = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Is this a due date Liaison understands? */
export function isValidDueDate(value: string): boolean {
  if (value === 'continuous') return true;
  if (QUARTER.test(value)) return true;
  return /^\d{4}-\d{2}(-\d{2})?$/.test(value) && isValidPartialDate(value);
}

/** The last day an item can be done and still be on time; null for continuous items. */
export function lastDayDue(value: DueDate): string | null {
  if (value === 'continuous') return null;
  const quarter = QUARTER.exec(value);
  if (quarter) {
    const lastMonth = Number(quarter[2]) * 3;
    return partialDateBounds(`${quarter[1]}-${String(lastMonth).padStart(2, '0')}`).to;
  }
  return partialDateBounds(value).to;
}

/** Overdue: the due date has passed (`today` is 'YYYY-MM-DD') and the item is not finished. */
export function isOverdue(due: DueDate, finished: boolean, today: string): boolean {
  const last = lastDayDue(due);
  return !finished && last !== null && last < today;
}
