/**
 * The indicator and measurement forms as plain strings, checked the way the server checks them
 * (numbers only for quantitative indicators, years 1990–2100, a real YYYY, YYYY-MM or YYYY-MM-DD
 * date), turned into the API's payloads, and the server's refusals mapped back onto the fields.
 */
import type { TFunction } from 'i18next';
import { isValidPartialDate } from '../../../../../core/dates/partial-date.js';
import type {
  Indicator,
  IndicatorCreate,
  IndicatorUpdate,
  MeasurementCreate,
} from '../../../../../core/schemas/indicator.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';

export type IndicatorKind = Indicator['kind'];

export interface IndicatorDraft {
  kind: IndicatorKind;
  nameEn: string;
  nameSr: string;
  unit: string;
  baselineValue: string;
  baselineYear: string;
  targetValue: string;
  targetYear: string;
  source: string;
}
export type IndicatorField = keyof IndicatorDraft;
export type IndicatorErrors = Partial<Record<IndicatorField, string>>;

export interface MeasurementDraft {
  measuredOn: string;
  value: string;
  note: string;
}
export type MeasurementField = keyof MeasurementDraft;
export type MeasurementErrors = Partial<Record<MeasurementField, string>>;

export const emptyIndicatorDraft = (): IndicatorDraft => ({
  kind: 'quantitative',
  nameEn: '',
  nameSr: '',
  unit: '',
  baselineValue: '',
  baselineYear: '',
  targetValue: '',
  targetYear: '',
  source: '',
});

const text = (v: number | string | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

export function draftOf(indicator: Indicator): IndicatorDraft {
  return {
    kind: indicator.kind,
    nameEn: indicator.name.en ?? '',
    nameSr: indicator.name.sr ?? '',
    unit: indicator.unit ?? '',
    baselineValue: text(indicator.baseline.value),
    baselineYear: text(indicator.baseline.year),
    targetValue: text(indicator.target.value),
    targetYear: text(indicator.target.year),
    source: indicator.sourceOfVerification ?? '',
  };
}

/**
 * A number as people type it: "12", "-3", "12.5" or "12,5" (Serbian decimal comma), spaces
 * ignored. Anything else — words, "12 %", "1.234,5" — is not a number.
 */
export function parseNumber(input: string): number | null {
  const s = input.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** A year as the server takes it: four digits, 1990 to 2100. */
export function isValidYear(input: string): boolean {
  if (!/^\d{4}$/.test(input.trim())) return false;
  const year = Number(input.trim());
  return year >= 1990 && year <= 2100;
}

export function validateIndicator(draft: IndicatorDraft, t: TFunction): IndicatorErrors {
  const errors: IndicatorErrors = {};
  if (!draft.nameEn.trim() && !draft.nameSr.trim()) errors.nameEn = t('indicators.errors.name');
  if (draft.nameEn.trim().length > 500)
    errors.nameEn = t('indicators.errors.tooLong', { max: 500 });
  if (draft.nameSr.trim().length > 500)
    errors.nameSr = t('indicators.errors.tooLong', { max: 500 });
  if (draft.unit.trim().length > 50) errors.unit = t('indicators.errors.tooLong', { max: 50 });
  if (draft.source.trim().length > 1000)
    errors.source = t('indicators.errors.tooLong', { max: 1000 });
  for (const [value, year] of [
    ['baselineValue', 'baselineYear'],
    ['targetValue', 'targetYear'],
  ] as const) {
    const v = draft[value].trim();
    if (v && draft.kind === 'quantitative' && parseNumber(v) === null)
      errors[value] = t('indicators.errors.number');
    else if (v.length > 500) errors[value] = t('indicators.errors.tooLong', { max: 500 });
    if (draft[year].trim() && !isValidYear(draft[year])) errors[year] = t('indicators.errors.year');
  }
  return errors;
}

function point(value: string, year: string, kind: IndicatorKind) {
  const v = value.trim();
  const y = year.trim();
  if (!v && !y) return null;
  return {
    value: v ? (kind === 'quantitative' ? parseNumber(v) : v) : null,
    year: y ? Number(y) : null,
  };
}

/** The POST body (and the full PATCH body) of a checked draft. */
export function indicatorPayload(draft: IndicatorDraft): IndicatorCreate {
  return {
    kind: draft.kind,
    name: { en: draft.nameEn.trim() || null, sr: draft.nameSr.trim() || null },
    // Words have no unit: the form hides the field for qualitative indicators.
    unit: draft.kind === 'quantitative' ? draft.unit.trim() || null : null,
    baseline: point(draft.baselineValue, draft.baselineYear, draft.kind),
    target: point(draft.targetValue, draft.targetYear, draft.kind),
    sourceOfVerification: draft.source.trim() || null,
  };
}

/**
 * The PATCH body: only the parts the person changed from what they started with, so saving over
 * someone else's newer version (after a 412) keeps that person's other changes. A change of kind
 * sends the baseline and target too, since their values change type with it.
 */
export function indicatorChanges(original: IndicatorDraft, draft: IndicatorDraft): IndicatorUpdate {
  const before = indicatorPayload(original);
  const after = indicatorPayload(draft);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof IndicatorCreate)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  if ('kind' in changes) {
    changes.baseline = after.baseline;
    changes.target = after.target;
  }
  return changes as IndicatorUpdate;
}

/** Today as YYYY-MM-DD in the reader's own time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function validateMeasurement(
  draft: MeasurementDraft,
  kind: IndicatorKind,
  t: TFunction,
): MeasurementErrors {
  const errors: MeasurementErrors = {};
  if (!isValidPartialDate(draft.measuredOn.trim())) errors.measuredOn = t('indicators.errors.date');
  const v = draft.value.trim();
  if (!v) errors.value = t('indicators.errors.valueRequired');
  else if (kind === 'quantitative' && parseNumber(v) === null)
    errors.value = t('indicators.errors.number');
  else if (v.length > 2000) errors.value = t('indicators.errors.tooLong', { max: 2000 });
  if (draft.note.trim().length > 2000) errors.note = t('indicators.errors.tooLong', { max: 2000 });
  return errors;
}

export function measurementPayload(
  draft: MeasurementDraft,
  kind: IndicatorKind,
): MeasurementCreate {
  const v = draft.value.trim();
  return {
    measuredOn: draft.measuredOn.trim(),
    value: kind === 'quantitative' ? (parseNumber(v) ?? v) : v,
    note: draft.note.trim() || null,
  };
}

const INDICATOR_FIELDS: Record<string, IndicatorField> = {
  kind: 'kind',
  name: 'nameEn',
  'name.en': 'nameEn',
  'name.sr': 'nameSr',
  unit: 'unit',
  baseline: 'baselineValue',
  'baseline.value': 'baselineValue',
  'baseline.year': 'baselineYear',
  target: 'targetValue',
  'target.value': 'targetValue',
  'target.year': 'targetYear',
  sourceOfVerification: 'source',
};
const MEASUREMENT_FIELDS: Record<string, MeasurementField> = {
  measuredOn: 'measuredOn',
  value: 'value',
  note: 'note',
};

/**
 * A refused save as field errors (by `details.field`, or the validation issues of a 400) plus,
 * when it concerns no single field, one message for the whole form. A 412 is the caller's.
 */
export function saveErrors<F extends string>(
  error: unknown,
  fieldMap: Record<string, F>,
  t: TFunction,
): { fields: Partial<Record<F, string>>; form: string | null } {
  if (!isApiError(error)) return { fields: {}, form: errorMessage(error, t) };
  const details = error.details as
    { field?: unknown; issues?: { field?: unknown; message?: unknown }[] } | undefined;
  const fieldOf = (path: unknown) => (typeof path === 'string' ? fieldMap[path] : undefined);
  // The server's "quantitative: must be a number" refusal, said in the reader's language.
  const message = (path: unknown, fallback: string) =>
    error.status === 422 && /quantitative/i.test(error.message) && typeof path === 'string'
      ? t('indicators.errors.number')
      : fallback;
  const own = fieldOf(details?.field);
  if (own)
    return { fields: { [own]: message(details?.field, error.message) } as never, form: null };
  if (Array.isArray(details?.issues)) {
    const fields: Partial<Record<F, string>> = {};
    for (const issue of details.issues) {
      const field = fieldOf(issue.field);
      if (field && !fields[field])
        fields[field] = typeof issue.message === 'string' ? issue.message : error.message;
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  if (error.status === 422) return { fields: {}, form: error.message };
  return { fields: {}, form: errorMessage(error, t) };
}

export const indicatorSaveErrors = (error: unknown, t: TFunction) =>
  saveErrors(error, INDICATOR_FIELDS, t);
export const measurementSaveErrors = (error: unknown, t: TFunction) =>
  saveErrors(error, MEASUREMENT_FIELDS, t);
