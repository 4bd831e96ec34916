/**
 * The plan-item form's values, checked the way the server checks them (core/schemas/plan.ts and
 * server/modules/plan-items/service.ts), turned into the create and change bodies, and the
 * server's refusals mapped back onto the form's fields.
 */
import type { TFunction } from 'i18next';
import { partialDateBounds, isValidPartialDate } from '../../../../../core/dates/partial-date.js';
import { isValidDueDate, lastDayDue } from '../../../../../core/plans/due.js';
import type { PlanItemStatus } from '../../../../../core/plans/status.js';
import type {
  FUNDING_SOURCES,
  PlanItem,
  PlanItemCreate,
  PlanItemUpdate,
} from '../../../../../core/schemas/plan.js';
import { isApiError } from '../../../lib/api-client.js';
import { DEFAULT_LABEL_KEY, labelInputOf, PUBLIC_LABEL_KEY } from '../../../lib/label-choice.js';
import { errorMessage } from '../../../lib/error-message.js';

export type FundingSource = (typeof FUNDING_SOURCES)[number];
export type StartPrecision = 'none' | 'day' | 'month';
export type DuePrecision = 'none' | 'day' | 'month' | 'quarter' | 'continuous';

export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 8000;
export const WEIGHT_MAX = 1000;
export const PARTNERS_MAX = 30;

export interface ItemDraft {
  titleEn: string;
  titleSr: string;
  descriptionEn: string;
  descriptionSr: string;
  status: PlanItemStatus;
  startPrecision: StartPrecision;
  /** 'YYYY-MM-DD' (day) or 'YYYY-MM' (month). */
  startValue: string;
  duePrecision: DuePrecision;
  /** 'YYYY-MM-DD' (day) or 'YYYY-MM' (month). */
  dueValue: string;
  /** For a quarter: the year and the quarter 1–4. */
  dueYear: string;
  dueQuarter: string;
  leadOrganisationId: string | null;
  /** A user of the lead organisation or below (the responsible-candidates lookup). */
  responsibleUserId: string | null;
  /** Why a coordinator sets the status by hand where statuses come from approved reports. */
  statusOverrideReason: string;
  partnerOrganisationIds: string[];
  weight: number | '';
  manualProgress: number | '';
  budgetAmount: number | '';
  budgetCurrency: string;
  fundingSource: FundingSource | null;
  /** The security label as `POLICY:LEVEL`. */
  label: string;
}

export type ItemField =
  | 'title'
  | 'description'
  | 'status'
  | 'startOn'
  | 'dueOn'
  | 'leadOrganisationId'
  | 'responsibleUserId'
  | 'statusOverrideReason'
  | 'partnerOrganisationIds'
  | 'weight'
  | 'manualProgress'
  | 'budgetAmount'
  | 'budgetCurrency'
  | 'fundingSource'
  | 'label'
  | 'parentId';

export type ItemDraftErrors = Partial<Record<ItemField, string>>;

/**
 * A new top-level item starts with the deployment's default label (never public; the body then
 * carries no label); public is a level the person chooses (web/src/lib/label-choice.ts).
 */
export { DEFAULT_LABEL_KEY, labelInputOf, PUBLIC_LABEL_KEY };

/** A label as the server keeps it. */
export interface ItemLabel {
  policy: string;
  level: string;
  releasableTo: string[];
  owner: string;
  originatorId: string | null;
}

/** The form's starting values for a new item; a child takes its parent's lead and label. */
export function newDraft(parent?: Pick<PlanItem, 'leadOrganisationId' | 'label'>): ItemDraft {
  return {
    titleEn: '',
    titleSr: '',
    descriptionEn: '',
    descriptionSr: '',
    status: 'not_started',
    startPrecision: 'none',
    startValue: '',
    duePrecision: 'none',
    dueValue: '',
    dueYear: String(new Date().getFullYear()),
    dueQuarter: '4',
    leadOrganisationId: parent?.leadOrganisationId ?? null,
    responsibleUserId: null,
    statusOverrideReason: '',
    partnerOrganisationIds: [],
    weight: 1,
    manualProgress: '',
    budgetAmount: '',
    budgetCurrency: 'EUR',
    fundingSource: null,
    label: parent ? `${parent.label.policy}:${parent.label.level}` : DEFAULT_LABEL_KEY,
  };
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The form's values for an existing item. */
export function draftOf(item: PlanItem): ItemDraft {
  const draft = newDraft();
  const start = item.startOn;
  const due = item.dueOn;
  const quarter = due ? QUARTER.exec(due) : null;
  return {
    ...draft,
    titleEn: item.title.en ?? '',
    titleSr: item.title.sr ?? '',
    descriptionEn: item.description.en ?? '',
    descriptionSr: item.description.sr ?? '',
    status: item.status,
    startPrecision: !start ? 'none' : start.length === 7 ? 'month' : 'day',
    startValue: start ?? '',
    duePrecision: !due
      ? 'none'
      : due === 'continuous'
        ? 'continuous'
        : quarter
          ? 'quarter'
          : due.length === 7
            ? 'month'
            : 'day',
    dueValue: due && !quarter && due !== 'continuous' ? due : '',
    dueYear: quarter ? quarter[1]! : draft.dueYear,
    dueQuarter: quarter ? quarter[2]! : draft.dueQuarter,
    leadOrganisationId: item.leadOrganisationId,
    responsibleUserId: item.responsibleUser?.id ?? null,
    statusOverrideReason: '',
    partnerOrganisationIds: [...item.partnerOrganisationIds],
    weight: item.weight,
    manualProgress: item.manualProgress ?? '',
    budgetAmount: item.budget?.amount ?? '',
    budgetCurrency: item.budget?.currency ?? (item.budget ? '' : 'EUR'),
    fundingSource: (item.budget?.fundingSource as FundingSource | null | undefined) ?? null,
    label: `${item.label.policy}:${item.label.level}`,
  };
}

/** The start as the API writes it, or null. */
export function startOnOf(draft: ItemDraft): string | null {
  if (draft.startPrecision === 'none') return null;
  const value = draft.startValue.trim();
  if (!value) return null;
  return draft.startPrecision === 'month' ? value.slice(0, 7) : value;
}

/** The due date as the API writes it ('2026-06-30', '2026-06', '2026-Q3', 'continuous'), or null. */
export function dueOnOf(draft: ItemDraft): string | null {
  switch (draft.duePrecision) {
    case 'none':
      return null;
    case 'continuous':
      return 'continuous';
    case 'quarter':
      return `${draft.dueYear.trim()}-Q${draft.dueQuarter}`;
    case 'month': {
      const value = draft.dueValue.trim();
      return value ? value.slice(0, 7) : null;
    }
    case 'day':
      return draft.dueValue.trim() || null;
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

function validDayOrMonth(value: string, precision: 'day' | 'month'): boolean {
  return (precision === 'day' ? DAY : MONTH).test(value) && isValidPartialDate(value);
}

/** Checks a draft as the server would, in the reader's language. */
export function validateDraft(draft: ItemDraft, t: TFunction): ItemDraftErrors {
  const errors: ItemDraftErrors = {};
  const titleEn = draft.titleEn.trim();
  const titleSr = draft.titleSr.trim();
  if (!titleEn && !titleSr) errors.title = t('planEdit.errors.titleRequired');
  else if (titleEn.length > TITLE_MAX || titleSr.length > TITLE_MAX)
    errors.title = t('planEdit.errors.tooLong', { max: TITLE_MAX });
  if (
    draft.descriptionEn.trim().length > DESCRIPTION_MAX ||
    draft.descriptionSr.trim().length > DESCRIPTION_MAX
  )
    errors.description = t('planEdit.errors.tooLong', { max: DESCRIPTION_MAX });

  const start = startOnOf(draft);
  if (draft.startPrecision !== 'none') {
    if (!start)
      errors.startOn = t(
        draft.startPrecision === 'day'
          ? 'planEdit.errors.dayRequired'
          : 'planEdit.errors.monthRequired',
      );
    else if (!validDayOrMonth(start, draft.startPrecision))
      errors.startOn = t('planEdit.errors.dateInvalid', {
        example: draft.startPrecision === 'day' ? '2026-06-30' : '2026-06',
      });
  }
  const due = dueOnOf(draft);
  if (draft.duePrecision === 'day' || draft.duePrecision === 'month') {
    if (!due)
      errors.dueOn = t(
        draft.duePrecision === 'day'
          ? 'planEdit.errors.dayRequired'
          : 'planEdit.errors.monthRequired',
      );
    else if (!validDayOrMonth(due, draft.duePrecision))
      errors.dueOn = t('planEdit.errors.dateInvalid', {
        example: draft.duePrecision === 'day' ? '2026-06-30' : '2026-06',
      });
  } else if (draft.duePrecision === 'quarter' && (!due || !isValidDueDate(due))) {
    errors.dueOn = t('planEdit.errors.yearInvalid');
  }
  if (start && due && !errors.startOn && !errors.dueOn) {
    const last = lastDayDue(due);
    if (last !== null && last < partialDateBounds(start).from)
      errors.dueOn = t('planEdit.errors.dueBeforeStart');
  }

  if (draft.partnerOrganisationIds.length > PARTNERS_MAX)
    errors.partnerOrganisationIds = t('planEdit.errors.tooManyPartners', { max: PARTNERS_MAX });
  if (draft.leadOrganisationId && draft.partnerOrganisationIds.includes(draft.leadOrganisationId))
    errors.partnerOrganisationIds = t('planEdit.errors.leadIsPartner');
  if (draft.weight === '') errors.weight = t('planEdit.errors.weightRequired');
  else if (draft.weight < 0 || draft.weight > WEIGHT_MAX)
    errors.weight = t('planEdit.errors.weightRange', { max: WEIGHT_MAX });
  if (draft.manualProgress !== '' && (draft.manualProgress < 0 || draft.manualProgress > 100))
    errors.manualProgress = t('planEdit.errors.progressRange');
  if (draft.budgetAmount !== '' && draft.budgetAmount < 0)
    errors.budgetAmount = t('planEdit.errors.budgetNegative');
  const currency = draft.budgetCurrency.trim();
  if (currency && !/^[A-Z]{3}$/.test(currency))
    errors.budgetCurrency = t('planEdit.errors.currency', { examples: 'EUR, RSD' });
  return errors;
}

function textOf(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

function budgetOf(draft: ItemDraft): PlanItemCreate['budget'] {
  const amount = draft.budgetAmount === '' ? null : draft.budgetAmount;
  const currency = amount === null && !draft.fundingSource ? null : textOf(draft.budgetCurrency);
  if (amount === null && currency === null && draft.fundingSource === null) return null;
  return { amount, currency, fundingSource: draft.fundingSource };
}

/** The body of POST /plan-items. */
export function createBody(
  draft: ItemDraft,
  planId: string,
  parentId: string | null,
  labelIsPublic: (key: string) => boolean,
  defaultReleasableTo: readonly string[] = [],
): PlanItemCreate {
  return {
    planId,
    parentId,
    title: { en: textOf(draft.titleEn), sr: textOf(draft.titleSr) },
    description: { en: textOf(draft.descriptionEn), sr: textOf(draft.descriptionSr) },
    status: draft.status,
    startOn: startOnOf(draft),
    dueOn: dueOnOf(draft),
    leadOrganisationId: draft.leadOrganisationId,
    responsibleUserId: draft.responsibleUserId,
    partnerOrganisationIds: draft.partnerOrganisationIds,
    weight: draft.weight === '' ? 1 : draft.weight,
    manualProgress: draft.manualProgress === '' ? null : draft.manualProgress,
    budget: budgetOf(draft),
    ...(draft.label === DEFAULT_LABEL_KEY
      ? {}
      : {
          label: labelInputOf(
            draft.label,
            labelIsPublic(draft.label),
            undefined,
            defaultReleasableTo,
          ),
        }),
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function sameBudget(a: PlanItem['budget'], b: PlanItemCreate['budget']): boolean {
  if (!a || !b) return !a && !b;
  return a.amount === b.amount && a.currency === b.currency && a.fundingSource === b.fundingSource;
}

/** Only what the person changed goes to the server (PATCH with If-Match). */
export function changesBetween(
  item: PlanItem,
  draft: ItemDraft,
  labelIsPublic: (key: string) => boolean,
  defaultReleasableTo: readonly string[] = [],
): PlanItemUpdate {
  const changes: PlanItemUpdate = {};
  const title = { en: textOf(draft.titleEn), sr: textOf(draft.titleSr) };
  if (title.en !== item.title.en || title.sr !== item.title.sr) changes.title = title;
  const description = { en: textOf(draft.descriptionEn), sr: textOf(draft.descriptionSr) };
  if (description.en !== item.description.en || description.sr !== item.description.sr)
    changes.description = description;
  if (draft.status !== item.status) {
    changes.status = draft.status;
    const reason = draft.statusOverrideReason.trim();
    if (reason) changes.statusOverrideReason = reason;
  }
  const start = startOnOf(draft);
  if (start !== item.startOn) changes.startOn = start;
  const due = dueOnOf(draft);
  if (due !== item.dueOn) changes.dueOn = due;
  if (draft.leadOrganisationId !== item.leadOrganisationId)
    changes.leadOrganisationId = draft.leadOrganisationId;
  if (
    draft.responsibleUserId !== (item.responsibleUser?.id ?? null) &&
    !item.responsibleUserWithheld
  )
    changes.responsibleUserId = draft.responsibleUserId;
  if (!sameSet(draft.partnerOrganisationIds, item.partnerOrganisationIds))
    changes.partnerOrganisationIds = draft.partnerOrganisationIds;
  if (draft.weight !== '' && draft.weight !== item.weight) changes.weight = draft.weight;
  const manual = draft.manualProgress === '' ? null : draft.manualProgress;
  if (manual !== item.manualProgress) changes.manualProgress = manual;
  const budget = budgetOf(draft);
  if (!sameBudget(item.budget, budget)) changes.budget = budget;
  if (draft.label !== `${item.label.policy}:${item.label.level}`)
    changes.label = labelInputOf(
      draft.label,
      labelIsPublic(draft.label),
      item.label,
      defaultReleasableTo,
    );
  return changes;
}

const FIELDS: readonly ItemField[] = [
  'title',
  'description',
  'status',
  'startOn',
  'dueOn',
  'leadOrganisationId',
  'responsibleUserId',
  'statusOverrideReason',
  'partnerOrganisationIds',
  'weight',
  'manualProgress',
  'label',
  'parentId',
];

/** The form field a server field path names ('budget.currency' → budgetCurrency). */
export function fieldOf(path: unknown): ItemField | null {
  if (typeof path !== 'string' || !path) return null;
  const [head, sub] = path.split('.');
  if (head === 'budget') {
    if (sub === 'amount') return 'budgetAmount';
    if (sub === 'fundingSource') return 'fundingSource';
    return 'budgetCurrency';
  }
  return (FIELDS as readonly string[]).includes(head ?? '') ? (head as ItemField) : null;
}

/**
 * A refused save as field errors plus, when it concerns no single field, one message for the whole
 * form. A 412 (someone else saved first) is the caller's to explain.
 */
export function saveErrors(
  error: unknown,
  t: TFunction,
): { fields: ItemDraftErrors; form: string | null } {
  if (!isApiError(error)) return { fields: {}, form: errorMessage(error, t) };
  const details = error.details as
    { field?: unknown; issues?: { field?: unknown; message?: unknown }[] } | undefined;
  if (error.status === 422 || error.status === 409 || error.status === 403) {
    const field = fieldOf(details?.field);
    if (field) return { fields: { [field]: error.message }, form: null };
    if (error.status === 403 && /clearance/i.test(error.message))
      return { fields: { label: error.message }, form: null };
    return { fields: {}, form: error.status === 403 ? errorMessage(error, t) : error.message };
  }
  if (error.status === 400 && !Array.isArray(details?.issues)) {
    const field = fieldOf(details?.field);
    if (field) return { fields: { [field]: error.message }, form: null };
  }
  if (error.status === 400 && Array.isArray(details?.issues)) {
    const fields: ItemDraftErrors = {};
    for (const issue of details.issues) {
      const field = fieldOf(issue.field);
      if (field && !fields[field])
        fields[field] = typeof issue.message === 'string' ? issue.message : error.message;
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  return { fields: {}, form: errorMessage(error, t) };
}

/** The fields whose saved value now differs from what the person has typed (after a 412). */
export function differingFields(
  item: PlanItem,
  draft: ItemDraft,
  labelIsPublic: (key: string) => boolean,
): ItemField[] {
  const changes = changesBetween(item, draft, labelIsPublic);
  const fields = new Set<ItemField>();
  for (const key of Object.keys(changes)) {
    if (key === 'budget') {
      const budget = budgetOf(draft);
      if ((budget?.amount ?? null) !== (item.budget?.amount ?? null)) fields.add('budgetAmount');
      if ((budget?.currency ?? null) !== (item.budget?.currency ?? null))
        fields.add('budgetCurrency');
      if ((budget?.fundingSource ?? null) !== (item.budget?.fundingSource ?? null))
        fields.add('fundingSource');
    } else {
      const field = fieldOf(key);
      if (field) fields.add(field);
    }
  }
  return [...fields];
}
