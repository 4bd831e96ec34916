/** Sensible defaults for a new reporting period, and the counts shown above a period's reports. */
import type { PeriodCreate } from '../../../../../core/schemas/reporting.js';
import type { DueItem } from '../../../../../core/schemas/reporting.js';

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

/**
 * A report's state in a period. "none" (no report yet) is named apart from the item's own status
 * "Not started", so the two columns never say the same words meaning different things.
 */
export type ReportState = 'none' | 'draft' | 'submitted' | 'returned' | 'approved';
export const REPORT_STATES: readonly ReportState[] = [
  'none',
  'draft',
  'submitted',
  'returned',
  'approved',
];

export function reportState(item: Pick<DueItem, 'report'>): ReportState {
  return item.report?.status ?? 'none';
}

/**
 * How many items the reader reports on (all), how many are due within the period (their deadline
 * falls in it, or they are continuous), and how many reports are in each state.
 */
export function countStates(
  items: readonly Pick<DueItem, 'report' | 'dueInPeriod'>[],
): { all: number; dueInPeriod: number } & Record<ReportState, number> {
  const counts = {
    all: items.length,
    dueInPeriod: 0,
    none: 0,
    draft: 0,
    submitted: 0,
    returned: 0,
    approved: 0,
  };
  for (const item of items) {
    counts[reportState(item)] += 1;
    if (item.dueInPeriod) counts.dueInPeriod += 1;
  }
  return counts;
}

/**
 * The period the "open a period" dialog proposes, always inside the plan's own period when the
 * plan has one: the current period when it lies inside the plan and is not open yet; otherwise
 * the first period of the plan not opened yet (from the plan's start); otherwise the one after the
 * newest. A 2027 plan is offered Q1 2027 in December 2026, never Q4 2026.
 */
export function proposePeriod(
  kind: PeriodKind,
  opened: readonly { startsOn: string }[],
  today: string,
  plan: { periodStart: string | null; periodEnd: string | null } | null,
): { startsOn: string; endsOn: string } {
  const taken = new Set(opened.map((p) => p.startsOn));
  const start = plan?.periodStart ?? null;
  const end = plan?.periodEnd ?? null;
  const inside = (p: { startsOn: string; endsOn: string }) =>
    (start === null || p.endsOn >= start) && (end === null || p.startsOn <= end);
  const current = periodContaining(kind, today);
  if (inside(current) && !taken.has(current.startsOn)) return current;
  let candidate = periodContaining(kind, start ?? today);
  for (let step = 0; step < 400 && inside(candidate); step += 1) {
    if (!taken.has(candidate.startsOn)) return candidate;
    candidate = periodAfter(kind, candidate.endsOn);
  }
  const newest = [...opened].sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1))[0];
  return newest ? periodAfter(kind, periodContaining(kind, newest.startsOn).endsOn) : current;
}

/**
 * A period's name in the reader's language: a title that is the standard name of its quarter,
 * half-year or year in any language ("Q1 2027", "1. kvartal 2027.", "1. квартал 2027.") is shown
 * as the reader writes it; a title someone chose is shown as typed.
 */
export function periodName(
  period: { kind: PeriodKind; startsOn: string; endsOn: string; title: string },
  words: TitleWords,
  otherLanguages: readonly TitleWords[],
): string {
  const standard = (w: TitleWords) =>
    period.kind === 'cycle' ? '' : suggestTitle(period.kind, period.startsOn, period.endsOn, w);
  const own = standard(words);
  if (!own || own === words.range(period.startsOn, period.endsOn)) return period.title;
  return [words, ...otherLanguages].some((w) => standard(w) === period.title) ? own : period.title;
}
