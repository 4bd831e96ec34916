/** Sensible defaults for a new reporting period, and the counts shown above a period's reports. */
import type { PeriodCreate } from '../../../../../core/schemas/reporting.js';
import type { DueItem } from '../api/reporting.js';

export type PeriodKind = PeriodCreate['kind'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** Months a period of this kind spans (a cycle is a year unless the dates say otherwise). */
const MONTHS: Record<PeriodKind, number> = { quarter: 3, half_year: 6, year: 12, cycle: 12 };

/**
 * The calendar period of this kind that contains `day` (YYYY-MM-DD): e.g. a quarter on 2026-11-29
 * is 2026-10-01 … 2026-12-31.
 */
export function periodContaining(
  kind: PeriodKind,
  day: string,
): { startsOn: string; endsOn: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const span = MONTHS[kind];
  const first = Math.floor((month - 1) / span) * span + 1;
  const last = first + span - 1;
  return { startsOn: iso(year, first, 1), endsOn: iso(year, last, lastDay(year, last)) };
}

/** The period of this kind right after one that ends on `endsOn`. */
export function periodAfter(
  kind: PeriodKind,
  endsOn: string,
): { startsOn: string; endsOn: string } {
  const next = new Date(`${endsOn}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return periodContaining(kind, next.toISOString().slice(0, 10));
}

export interface TitleWords {
  quarter: (quarter: number, year: number) => string;
  half: (half: number, year: number) => string;
  year: (year: number) => string;
  range: (startsOn: string, endsOn: string) => string;
}

/**
 * A title from the kind and the dates: "Q4 2026", "H1 2026", "2026"; dates that are not a whole
 * calendar quarter, half or year (and cycles) give the date range.
 */
export function suggestTitle(
  kind: PeriodKind,
  startsOn: string,
  endsOn: string,
  words: TitleWords,
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn) || !/^\d{4}-\d{2}-\d{2}$/.test(endsOn)) return '';
  if (kind !== 'cycle') {
    const exact = periodContaining(kind, startsOn);
    if (exact.startsOn === startsOn && exact.endsOn === endsOn) {
      const year = Number(startsOn.slice(0, 4));
      const month = Number(startsOn.slice(5, 7));
      if (kind === 'quarter') return words.quarter(Math.floor((month - 1) / 3) + 1, year);
      if (kind === 'half_year') return words.half(month === 1 ? 1 : 2, year);
      return words.year(year);
    }
  }
  return words.range(startsOn, endsOn);
}

export type ReportState = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved';
export const REPORT_STATES: readonly ReportState[] = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'approved',
];

export function reportState(item: DueItem): ReportState {
  return item.report?.status ?? 'not_started';
}

/** How many items are due, and how many reports are in each state. */
export function countStates(
  items: readonly DueItem[],
): { due: number } & Record<ReportState, number> {
  const counts = {
    due: items.length,
    not_started: 0,
    draft: 0,
    submitted: 0,
    returned: 0,
    approved: 0,
  };
  for (const item of items) counts[reportState(item)] += 1;
  return counts;
}
