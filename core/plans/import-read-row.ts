/**
 * One row of a plan import read on its own — statuses, dates, numbers, organisations as people
 * type them — into the values the plan-item API takes, with the errors, warnings and notes of
 * that row; and the small helpers the dry run shares (the API's schemas, defaults, comparisons).
 * Pure.
 */
import { partialDateBounds, isValidPartialDate } from '../dates/partial-date.js';
import { planItemCreate, planItemUpdate } from '../schemas/plan.js';
import { toLatin } from '../text/transliterate.js';
import { lastDayDue } from './due.js';
import { readDue } from './import-due.js';
import { foldName, type ImportColumn } from './import-headings.js';
import type { ImportTable } from './import-layout.js';
import type {
  ItemField,
  ItemValues,
  RowIssue,
  RowNote,
  SnapshotOrganisation,
} from './import-types.js';
import {
  normaliseDate,
  parseFundingSource,
  parseNumber,
  parseStatus,
  splitList,
} from './import-values.js';
import { PLAN_ITEM_STATUSES, PLAN_ITEM_STATUS_LABELS } from './status.js';

export const quoteOf = (value: string | undefined) =>
  value ? ` (the file says "${show(value)}")` : '';

/** zod issue path → the column of the file it came from. */
export function columnOfPath(path: readonly PropertyKey[]): ImportColumn | null {
  const [head, sub] = path.map(String);
  switch (head) {
    case 'title':
      return sub === 'sr' ? 'titleSr' : 'titleEn';
    case 'description':
      return sub === 'sr' ? 'descriptionSr' : 'descriptionEn';
    case 'budget':
      return sub === 'currency'
        ? 'budgetCurrency'
        : sub === 'fundingSource'
          ? 'fundingSource'
          : 'budgetAmount';
    case 'status':
    case 'startOn':
    case 'dueOn':
    case 'weight':
      return head;
    case 'leadOrganisationId':
      return 'leadOrganisation';
    case 'partnerOrganisationIds':
      return 'partnerOrganisations';
    default:
      return null;
  }
}

export const createSchema = planItemCreate.omit({ planId: true, parentId: true });
export const updateSchema = planItemUpdate.omit({ parentId: true, position: true });

export function organisationIndex(organisations: SnapshotOrganisation[]) {
  const byName = new Map<string, SnapshotOrganisation[]>();
  for (const o of organisations) {
    for (const name of new Set([o.id, ...o.names].map((n) => foldName(toLatin(n))))) {
      if (!name) continue;
      byName.set(name, [...(byName.get(name) ?? []), o]);
    }
  }
  return (text: string): SnapshotOrganisation | 'unknown' | 'ambiguous' => {
    const found = byName.get(foldName(toLatin(text))) ?? [];
    if (found.length === 0) return 'unknown';
    return found.length > 1 ? 'ambiguous' : found[0]!;
  };
}

export function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.join(', ');
  const s = String(value);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

export const FIELD_COLUMN: Record<ItemField, ImportColumn> = {
  titleEn: 'titleEn',
  titleSr: 'titleSr',
  descriptionEn: 'descriptionEn',
  descriptionSr: 'descriptionSr',
  status: 'status',
  startOn: 'startOn',
  dueOn: 'dueOn',
  leadOrganisationId: 'leadOrganisation',
  partnerOrganisationIds: 'partnerOrganisations',
  weight: 'weight',
  budgetAmount: 'budgetAmount',
  budgetCurrency: 'budgetCurrency',
  fundingSource: 'fundingSource',
};

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
  }
  return (a ?? null) === (b ?? null);
}

/** What one row says, read and normalised, before it is compared with the plan. */
export interface ReadRow {
  row: number;
  code: string | null;
  parentCode: string | null;
  level: string | null;
  /** Present columns only: undefined = the column is not in the file (keep what the plan has). */
  values: Partial<ItemValues>;
  errors: RowIssue[];
  warnings: RowIssue[];
  notes: RowNote[];
  unknownOrganisations: string[];
}

type FindOrganisation = ReturnType<typeof organisationIndex>;

/**
 * The lead cell: one institution, or several ("МО, ГШ ВС", one per line) — then the first leads
 * and the rest become partners, with a warning. A name with a comma that is one institution
 * ("Ministry of Defence, Serbia") stays whole.
 */
function readLead(
  raw: string,
  findOrganisation: FindOrganisation,
): { names: string[]; split: boolean } {
  if (findOrganisation(raw) !== 'unknown') return { names: [raw], split: false };
  let names = splitList(raw);
  if (names.length === 1) {
    names = raw
      .split(/,|\s\/\s|\s+(?:и|i|and)\s+/u)
      .map((n) => n.trim())
      .filter(Boolean);
  }
  return { names, split: names.length > 1 };
}

/** Reads one row of the table on its own: every present cell into the value an item holds. */
export function readRow(
  source: ImportTable['rows'][number],
  tableHas: (c: ImportColumn) => boolean,
  findOrganisation: FindOrganisation,
  planYear: number | null = null,
): ReadRow {
  const v = source.values;
  // A banner row carries only its code and title: the other columns keep what the plan holds.
  const has = (c: ImportColumn) => tableHas(c) && (!source.banner || v[c] !== undefined);
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const notes: RowNote[] = [];
  const unknownOrganisations: string[] = [];
  const values: Partial<ItemValues> = {};
  const text = (c: ImportColumn) => (v[c] ?? '').trim();
  const orNull = (c: ImportColumn) => (text(c) === '' ? null : text(c));
  for (const c of ['titleEn', 'titleSr', 'descriptionEn', 'descriptionSr'] as const) {
    if (has(c)) values[c] = orNull(c);
  }
  if (has('status') && text('status') !== '') {
    const status = parseStatus(text('status'));
    if (status) values.status = status;
    else
      errors.push({
        column: 'status',
        message: `"${show(text('status'))}" is not a status. Use one of: ${PLAN_ITEM_STATUSES.map((st) => PLAN_ITEM_STATUS_LABELS[st].en).join(', ')} (or the Serbian names, or the codes, from the Lists sheet).`,
      });
  }
  if (has('startOn'))
    values.startOn = text('startOn') === '' ? null : normaliseDate(text('startOn'));
  if (has('dueOn')) {
    if (text('dueOn') === '') values.dueOn = null;
    else {
      const due = readDue(text('dueOn'), planYear);
      values.dueOn = due.value;
      if (due.note) {
        notes.push({
          column: 'dueOn',
          message: due.note,
          reading: due.reading,
          from: text('dueOn'),
          to: due.value,
        });
      }
    }
  }
  for (const c of ['weight', 'budgetAmount'] as const) {
    if (!has(c) || text(c) === '') {
      if (c === 'budgetAmount' && has(c)) values.budgetAmount = null;
      continue;
    }
    const n = parseNumber(text(c));
    if (Number.isNaN(n)) {
      errors.push({
        column: c,
        message: `"${show(text(c))}" is not a number. Write digits only, e.g. ${c === 'weight' ? '1 or 2,5' : '150000 or 1.250,50'}.`,
      });
    } else values[c] = n;
  }
  if (has('budgetCurrency')) {
    values.budgetCurrency =
      text('budgetCurrency') === '' ? null : text('budgetCurrency').toUpperCase();
  }
  if (has('fundingSource')) {
    if (text('fundingSource') === '') values.fundingSource = null;
    else {
      const source = parseFundingSource(text('fundingSource'));
      if (source) values.fundingSource = source;
      else
        errors.push({
          column: 'fundingSource',
          message: `"${show(text('fundingSource'))}" is not a funding source. Use one from the Lists sheet.`,
        });
    }
  }
  const extraPartners: string[] = [];
  if (has('leadOrganisation')) {
    if (text('leadOrganisation') === '') values.leadOrganisationId = null;
    else {
      const { names, split } = readLead(text('leadOrganisation'), findOrganisation);
      const ids: string[] = [];
      for (const name of names) {
        const found = findOrganisation(name);
        if (found === 'unknown') {
          unknownOrganisations.push(name);
          errors.push({
            column: 'leadOrganisation',
            message: `No organisation is called "${show(name)}". Use an abbreviation or name from the Lists sheet, or create it from the dry run.`,
          });
        } else if (found === 'ambiguous') {
          errors.push({
            column: 'leadOrganisation',
            message: `"${show(name)}" names more than one organisation; use its full name from the Lists sheet.`,
          });
        } else ids.push(found.id);
      }
      if (ids.length === names.length) {
        values.leadOrganisationId = ids[0]!;
        extraPartners.push(...ids.slice(1));
      }
      if (split) {
        const message = `"${show(text('leadOrganisation'))}" names ${names.length} institutions: ${names[0]} is taken as the lead, ${names.slice(1).join(', ')} as partners.`;
        warnings.push({ column: 'leadOrganisation', message });
        notes.push({
          column: 'leadOrganisation',
          message,
          reading: 'lead_split',
          from: text('leadOrganisation'),
          to: names.join(' | '),
        });
      }
    }
  }
  if (has('partnerOrganisations')) {
    const raw = text('partnerOrganisations');
    let names = splitList(raw);
    if (names.length === 1 && findOrganisation(names[0]!) === 'unknown' && raw.includes(',')) {
      names = raw
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
    }
    const ids: string[] = [];
    for (const name of names) {
      const found = findOrganisation(name);
      if (found === 'unknown' || found === 'ambiguous') {
        if (found === 'unknown') unknownOrganisations.push(name);
        errors.push({
          column: 'partnerOrganisations',
          message:
            found === 'unknown'
              ? `No organisation is called "${show(name)}". Use abbreviations or names from the Lists sheet, separated by ";".`
              : `"${show(name)}" names more than one organisation; use its full name from the Lists sheet.`,
        });
      } else ids.push(found.id);
    }
    values.partnerOrganisationIds = [...new Set([...ids, ...extraPartners])];
  } else if (extraPartners.length) {
    values.partnerOrganisationIds = [...new Set(extraPartners)];
  }
  return {
    row: source.row,
    code: orNull('code'),
    parentCode: orNull('parentCode'),
    level: orNull('level'),
    values,
    errors,
    warnings,
    notes,
    unknownOrganisations: [...new Set(unknownOrganisations)],
  };
}

/** The API body for the zod schemas, from present values. */
export function apiBody(values: Partial<ItemValues>, current: ItemValues | null) {
  const body: Record<string, unknown> = {};
  if (values.titleEn !== undefined || values.titleSr !== undefined || !current) {
    body.title = {
      en: values.titleEn === undefined ? (current?.titleEn ?? null) : values.titleEn,
      sr: values.titleSr === undefined ? (current?.titleSr ?? null) : values.titleSr,
    };
  }
  if (values.descriptionEn !== undefined || values.descriptionSr !== undefined) {
    body.description = {
      ...(values.descriptionEn !== undefined ? { en: values.descriptionEn } : {}),
      ...(values.descriptionSr !== undefined ? { sr: values.descriptionSr } : {}),
    };
  }
  if (values.status !== undefined) body.status = values.status;
  if (values.startOn !== undefined) body.startOn = values.startOn;
  if (values.dueOn !== undefined) body.dueOn = values.dueOn;
  if (values.weight !== undefined) body.weight = values.weight;
  if (
    values.budgetAmount !== undefined ||
    values.budgetCurrency !== undefined ||
    values.fundingSource !== undefined
  ) {
    body.budget = {
      amount:
        values.budgetAmount === undefined ? (current?.budgetAmount ?? null) : values.budgetAmount,
      currency:
        values.budgetCurrency === undefined
          ? (current?.budgetCurrency ?? null)
          : values.budgetCurrency,
      fundingSource:
        values.fundingSource === undefined
          ? (current?.fundingSource ?? null)
          : values.fundingSource,
    };
  }
  return body;
}

export const DEFAULTS: ItemValues = {
  titleEn: null,
  titleSr: null,
  descriptionEn: null,
  descriptionSr: null,
  status: 'not_started',
  startOn: null,
  dueOn: null,
  leadOrganisationId: null,
  partnerOrganisationIds: [],
  weight: 1,
  budgetAmount: null,
  budgetCurrency: null,
  fundingSource: null,
};

/** The service's rules beyond the schema: real dates, due not before start. */
export function checkDates(values: ItemValues, errors: RowIssue[]) {
  const { startOn, dueOn } = values;
  if (startOn && /^\d{4}-\d{2}(-\d{2})?$/.test(startOn) && !isValidPartialDate(startOn)) {
    errors.push({ column: 'startOn', message: `${startOn} is not a real date.` });
    return;
  }
  if (!startOn || !dueOn) return;
  try {
    const last = lastDayDue(dueOn);
    if (last !== null && last < partialDateBounds(startOn).from) {
      errors.push({
        column: 'dueOn',
        message: `The due date (${dueOn}) is before the start (${startOn}); move one of them.`,
      });
    }
  } catch {
    // A malformed date was already reported by the schema.
  }
}
