/**
 * Cell values of a plan import as people type them in spreadsheets — "1,5" or "1.5", "15.03.2026.",
 * "Q3 2026", "Ongoing" or "U toku" — turned into the values the plan-item API takes. Pure.
 */
import { FUNDING_SOURCES } from '../schemas/plan.js';
import { toLatin } from '../text/transliterate.js';
import { foldName } from './import-headings.js';
import { PLAN_ITEM_STATUSES, PLAN_ITEM_STATUS_LABELS, type PlanItemStatus } from './status.js';

/** A number written with a decimal comma or point, thousands separated or not; NaN if not one. */
export function parseNumber(text: string): number {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return Number.NaN;
  const comma = s.lastIndexOf(',');
  const point = s.lastIndexOf('.');
  if (comma >= 0 && point >= 0) {
    // The later one is the decimal mark, the other one separates thousands.
    s = comma > point ? s.replaceAll('.', '').replace(',', '.') : s.replaceAll(',', '');
  } else if (comma >= 0) {
    s = (s.match(/,/g) ?? []).length > 1 ? s.replaceAll(',', '') : s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number.NaN;
  return Number(s);
}

const STATUS_INDEX = (() => {
  const map = new Map<string, PlanItemStatus>();
  for (const status of PLAN_ITEM_STATUSES) {
    map.set(foldName(status), status);
    map.set(foldName(status.replaceAll('_', ' ')), status);
    map.set(foldName(PLAN_ITEM_STATUS_LABELS[status].en), status);
    map.set(foldName(PLAN_ITEM_STATUS_LABELS[status].sr), status);
  }
  return map;
})();

/** The status a cell names (code, English or Serbian label, either script), if any. */
export function parseStatus(text: string): PlanItemStatus | undefined {
  return STATUS_INDEX.get(foldName(toLatin(text)));
}

const FUNDING_LABELS: Record<(typeof FUNDING_SOURCES)[number], { en: string; sr: string }> = {
  national_budget: { en: 'National budget', sr: 'Budžet Republike Srbije' },
  nato_trust_fund: { en: 'NATO trust fund', sr: 'NATO poverenički fond' },
  ally_bilateral: { en: 'Bilateral (ally)', sr: 'Bilateralno (saveznik)' },
  eu_ipa: { en: 'EU IPA', sr: 'EU IPA' },
  other: { en: 'Other', sr: 'Drugo' },
};
export { FUNDING_LABELS };

/** The funding source a cell names (code or label), if any. */
export function parseFundingSource(text: string): (typeof FUNDING_SOURCES)[number] | undefined {
  const folded = foldName(toLatin(text));
  return FUNDING_SOURCES.find(
    (f) =>
      foldName(f) === folded ||
      foldName(f.replaceAll('_', ' ')) === folded ||
      foldName(FUNDING_LABELS[f].en) === folded ||
      foldName(FUNDING_LABELS[f].sr) === folded,
  );
}

/**
 * A start date as the API takes it (YYYY-MM-DD or YYYY-MM), from that or from "15.03.2026.",
 * "15. 3. 2026", "03.2026"; anything else is returned as typed for the API's rule to refuse.
 */
export function normaliseDate(text: string): string {
  const s = text.trim();
  const dmy = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\.?$/.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  const my = /^(\d{1,2})\.\s*(\d{4})\.?$/.exec(s);
  if (my) return `${my[2]}-${my[1]!.padStart(2, '0')}`;
  // A spreadsheet date that lost its date format arrives as its serial number (days since
  // 1899-12-30); five digits in a date column are read as one (1954–2119).
  if (/^\d{5}$/.test(s) && Number(s) >= 20000 && Number(s) <= 80000) {
    return new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000).toISOString().slice(0, 10);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})T00:00:00(\.000)?Z?$/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return s;
}

/** A due date: a date as above, a quarter ("Q3 2026", "2026-Q3", "III kvartal 2026") or continuous. */
export function normaliseDue(text: string): string {
  const s = toLatin(text.trim());
  const folded = foldName(s);
  if (['continuous', 'kontinuirano', 'ongoing basis', 'stalno'].includes(folded)) {
    return 'continuous';
  }
  const q1 = /^q([1-4])\s*[/-]?\s*(\d{4})$/i.exec(s);
  if (q1) return `${q1[2]}-Q${q1[1]}`;
  const q2 = /^(\d{4})\s*[/-]?\s*q([1-4])$/i.exec(s);
  if (q2) return `${q2[1]}-Q${q2[2]}`;
  const roman = /^(i|ii|iii|iv)\s*(kvartal|quarter)\s*(\d{4})\.?$/i.exec(s);
  if (roman) return `${roman[3]}-Q${['i', 'ii', 'iii', 'iv'].indexOf(roman[1]!.toLowerCase()) + 1}`;
  return normaliseDate(s);
}

/**
 * Splits a list of organisations: one per line, or separated by `;` or `|`; by `,` only when
 * none of those is used (names such as "Ministry of Defence, Serbia" then stay whole if they
 * resolve as one).
 */
export function splitList(text: string): string[] {
  const parts = /[;|\n]/.test(text) ? text.split(/[;|\n]/) : [text];
  return parts.map((p) => p.trim()).filter(Boolean);
}
