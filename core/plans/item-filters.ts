/**
 * The filters of a plan's tree-table as one pure rule, shared by the web (what the reader sees)
 * and the export (what the file holds), so "export the filtered view" exports exactly that view.
 */
import { isValidPartialDate, partialDateBounds } from '../dates/partial-date.js';
import { isOverdue, lastDayDue } from './due.js';
import type { PlanItemStatus } from './status.js';

export interface PlanItemFilters {
  status: PlanItemStatus[];
  overdue: boolean;
  /** Words the code or title contains (any script; compared case-insensitively). */
  q: string;
  /** The lead organisation ("owner"); null for any. */
  owner: string | null;
  /** Due on or after the start of this period ('2026', '2026-Q3', '2026-06', '2026-06-30'). */
  dueFrom: string;
  /** Due by the end of this period. */
  dueTo: string;
  /** Security labels as `POLICY:LEVEL` ('NATO:NATO_UNCLASSIFIED'). */
  labels: string[];
}

export const EMPTY_PLAN_ITEM_FILTERS: PlanItemFilters = {
  status: [],
  overdue: false,
  q: '',
  owner: null,
  dueFrom: '',
  dueTo: '',
  labels: [],
};

/** What the filters look at in an item. */
export interface FilterableItem {
  code: string;
  status: PlanItemStatus;
  dueOn: string | null;
  leadOrganisationId: string | null;
  label: { policy: string; level: string };
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

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

/** The key of an item's label for the label filter. */
export function labelKey(label: { policy: string; level: string }): string {
  return `${label.policy}:${label.level}`;
}

export function isFinishedStatus(status: PlanItemStatus): boolean {
  return status === 'implemented' || status === 'cancelled';
}

export function itemIsOverdue(
  item: { dueOn: string | null; status: PlanItemStatus },
  today: string,
) {
  return item.dueOn !== null && isOverdue(item.dueOn, isFinishedStatus(item.status), today);
}

export function dueFilterActive(filters: PlanItemFilters): boolean {
  return periodBounds(filters.dueFrom) !== null || periodBounds(filters.dueTo) !== null;
}

export function hasItemFilters(filters: PlanItemFilters): boolean {
  return (
    filters.status.length > 0 ||
    filters.overdue ||
    filters.q.trim() !== '' ||
    filters.owner !== null ||
    dueFilterActive(filters) ||
    filters.labels.length > 0
  );
}

/**
 * Is the item due within the chosen periods? Items without a due date or with a continuous one
 * never are; a period that cannot be read is no limit (the filter field says so).
 */
export function dueWithin(dueOn: string | null, dueFrom: string, dueTo: string): boolean {
  const from = periodBounds(dueFrom);
  const to = periodBounds(dueTo);
  if (!from && !to) return true;
  const last = dueOn ? lastDayDue(dueOn) : null;
  if (last === null) return false;
  if (from && last < from.from) return false;
  if (to && last > to.to) return false;
  return true;
}

/** Does the item itself (not its children) pass the filters? `text` gives its searchable words. */
export function matchesItemFilters<T extends FilterableItem>(
  item: T,
  filters: PlanItemFilters,
  today: string,
  text: (item: T) => string,
): boolean {
  if (filters.status.length > 0 && !filters.status.includes(item.status)) return false;
  if (filters.overdue && !itemIsOverdue(item, today)) return false;
  if (filters.owner !== null && item.leadOrganisationId !== filters.owner) return false;
  if (!dueWithin(item.dueOn, filters.dueFrom, filters.dueTo)) return false;
  if (filters.labels.length > 0 && !filters.labels.includes(labelKey(item.label))) return false;
  const q = filters.q.trim().toLocaleLowerCase();
  if (q && !`${item.code} ${text(item)}`.toLocaleLowerCase().includes(q)) return false;
  return true;
}
