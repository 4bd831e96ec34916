/**
 * The plan form as typed: a draft of strings that becomes a create or a change body, checked
 * field by field first so messages appear next to the fields in the reader's language. Server
 * refusals (400 issues, 409/422 with `field`) are mapped onto the same field keys.
 */
import type { TFunction } from 'i18next';
import {
  APPROVAL_STEP_KINDS,
  type ApprovalStepKind,
} from '../../../../../../core/plans/approval-steps.js';
import type { RollupRule } from '../../../../../../core/plans/rollup.js';
import {
  levelsOfTemplate,
  MAX_PLAN_LEVELS,
  type PlanTemplate,
} from '../../../../../../core/plans/templates.js';
import { isValidPartialDate } from '../../../../../../core/dates/partial-date.js';
import type { PlanStatus } from '../../../../../../core/domain/vocabularies.js';
import type {
  ApprovalStep,
  ApprovalStepInput,
  Plan,
  PlanCreate,
  PlanLevelInput,
  PlanUpdate,
} from '../../../../../../core/schemas/plan.js';
import { isApiError } from '../../../../lib/api-client.js';
import { errorMessage } from '../../../../lib/error-message.js';
import {
  DEFAULT_LABEL_KEY,
  labelInputOf,
  labelKeyOf,
  PUBLIC_LABEL_KEY,
} from '../../../../lib/label-choice.js';

export { APPROVAL_STEP_KINDS, MAX_PLAN_LEVELS };

export interface LevelDraft {
  nameEn: string;
  nameSr: string;
  rollupRule: RollupRule;
}

/** How a step's date is typed: not yet known, or a day, a month or a year. */
export type StepPrecision = 'none' | 'day' | 'month' | 'year';

export interface StepDraft {
  /** Stable React key for the row. */
  key: string;
  kind: ApprovalStepKind;
  labelEn: string;
  labelSr: string;
  precision: StepPrecision;
  /** YYYY-MM-DD, YYYY-MM or YYYY as the precision asks. */
  value: string;
  reference: string;
  noteEn: string;
  noteSr: string;
  /** A stored range or approximate date, kept as it is while its day is not retyped. */
  kept?: NonNullable<ApprovalStep['date']>;
}

export interface PlanDraft {
  template: PlanTemplate;
  code: string;
  titleEn: string;
  titleSr: string;
  descriptionEn: string;
  descriptionSr: string;
  mechanismId: string | null;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  levels: LevelDraft[];
  steps: StepDraft[];
  /** Item statuses change only through approved reports (coordinators override with a reason). */
  statusViaReports: boolean;
  /** What an institution reports on includes the items its units lead. */
  reportingIncludesUnits: boolean;
  /** The security label as `POLICY:LEVEL`, or the deployment's default (new plans). */
  label: string;
}

/** How the form's label choice becomes a body (web/src/lib/label-choice.ts). */
export interface LabelOptions {
  isPublic: (key: string) => boolean;
  defaultReleasableTo: readonly string[];
}

const NO_LABEL_OPTIONS: LabelOptions = {
  isPublic: (key) => key === PUBLIC_LABEL_KEY,
  defaultReleasableTo: [],
};

/** Errors keyed by the API's field path ('code', 'levels.1.name.sr', 'approvalSteps.0.label'). */
export type DraftErrors = Record<string, string>;

let keys = 0;
const nextKey = () => `step-${++keys}`;

export function levelDraftsOf(template: PlanTemplate): LevelDraft[] {
  return levelsOfTemplate(template).map((l) => ({
    nameEn: l.name.en,
    nameSr: l.name.sr,
    rollupRule: l.rollupRule,
  }));
}

export function newStep(kind: ApprovalStepKind = 'government_adoption'): StepDraft {
  return {
    key: nextKey(),
    kind,
    labelEn: '',
    labelSr: '',
    precision: 'day',
    value: '',
    reference: '',
    noteEn: '',
    noteSr: '',
  };
}

export function newPlanDraft(template: PlanTemplate = 'ipap'): PlanDraft {
  return {
    template,
    code: '',
    titleEn: '',
    titleSr: '',
    descriptionEn: '',
    descriptionSr: '',
    mechanismId: null,
    periodStart: '',
    periodEnd: '',
    status: 'drafting',
    levels: levelDraftsOf(template),
    steps: [],
    statusViaReports: template === 'ipap' || template === 'itpp',
    reportingIncludesUnits: true,
    // A new plan is not public unless someone chooses so: the deployment's default label.
    label: DEFAULT_LABEL_KEY,
  };
}

function precisionOf(value: string): StepPrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

function stepDraftOf(step: ApprovalStep): StepDraft {
  const date = step.date;
  const simple = date && ['day', 'month', 'year'].includes(date.precision);
  return {
    key: nextKey(),
    kind: step.kind,
    labelEn: step.label.en ?? '',
    labelSr: step.label.sr ?? '',
    precision: !date ? 'none' : simple ? (date.precision as StepPrecision) : precisionOf(date.date),
    value: date?.date ?? '',
    reference: step.reference ?? '',
    noteEn: step.note.en ?? '',
    noteSr: step.note.sr ?? '',
    kept: date && !simple ? date : undefined,
  };
}

export function draftOf(plan: Plan, template: PlanTemplate): PlanDraft {
  return {
    template,
    code: plan.code,
    titleEn: plan.title.en ?? '',
    titleSr: plan.title.sr ?? '',
    descriptionEn: plan.description.en ?? '',
    descriptionSr: plan.description.sr ?? '',
    mechanismId: plan.mechanismId,
    periodStart: plan.periodStart ?? '',
    periodEnd: plan.periodEnd ?? '',
    status: plan.status,
    levels: plan.levels.map((l) => ({
      nameEn: l.name.en ?? '',
      nameSr: l.name.sr ?? '',
      rollupRule: l.rollupRule as RollupRule,
    })),
    steps: plan.approvalSteps.map(stepDraftOf),
    statusViaReports: plan.statusViaReports,
    reportingIncludesUnits: plan.reportingIncludesUnits,
    label: labelKeyOf(plan.label),
  };
}

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._/\- ]*$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PATTERN: Record<Exclude<StepPrecision, 'none'>, RegExp> = {
  day: DAY,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
};

/** Checks the draft; an empty result means it can be sent. */
export function validateDraft(draft: PlanDraft, t: TFunction): DraftErrors {
  const errors: DraftErrors = {};
  const code = draft.code.trim();
  if (!code) errors.code = t('planSetup.errors.codeRequired');
  else if (code.length > 40 || !CODE.test(code)) errors.code = t('planSetup.errors.codeFormat');
  if (!draft.titleEn.trim() && !draft.titleSr.trim())
    errors.title = t('planSetup.errors.titleRequired');
  const realDay = (v: string) => DAY.test(v) && isValidPartialDate(v);
  if (draft.periodStart && !realDay(draft.periodStart))
    errors.periodStart = t('planSetup.errors.day');
  if (draft.periodEnd && !realDay(draft.periodEnd)) errors.periodEnd = t('planSetup.errors.day');
  if (!errors.periodStart && !errors.periodEnd && draft.periodStart && draft.periodEnd) {
    if (draft.periodEnd < draft.periodStart) errors.periodEnd = t('planSetup.errors.periodOrder');
  }
  if (draft.levels.length === 0) errors.levels = t('planSetup.errors.noLevels');
  draft.levels.forEach((level, i) => {
    if (!level.nameEn.trim()) errors[`levels.${i}.name.en`] = t('planSetup.errors.levelNameEn');
    if (!level.nameSr.trim()) errors[`levels.${i}.name.sr`] = t('planSetup.errors.levelNameSr');
  });
  draft.steps.forEach((step, i) => {
    if (step.kind === 'other' && !step.labelEn.trim() && !step.labelSr.trim())
      errors[`approvalSteps.${i}.label`] = t('planSetup.errors.stepLabel');
    if (step.precision !== 'none' && !step.kept) {
      const value = step.value.trim();
      if (!PATTERN[step.precision].test(value) || !isValidPartialDate(value))
        errors[`approvalSteps.${i}.date.date`] = t(`planSetup.errors.stepDate.${step.precision}`);
    }
  });
  return errors;
}

const text = (en: string, sr: string) => ({ en: en.trim() || null, sr: sr.trim() || null });

function levelsBody(draft: PlanDraft): PlanLevelInput[] {
  return draft.levels.map((l) => ({
    name: { en: l.nameEn.trim(), sr: l.nameSr.trim() },
    rollupRule: l.rollupRule,
  }));
}

function stepsBody(draft: PlanDraft): ApprovalStepInput[] {
  return draft.steps.map((s) => {
    const kept = s.kept && s.kept.date === s.value ? s.kept : undefined;
    return {
      kind: s.kind,
      ...(s.kind === 'other' ? { label: text(s.labelEn, s.labelSr) } : {}),
      date:
        s.precision === 'none'
          ? null
          : (kept ?? { date: s.value.trim(), precision: s.precision, end: null }),
      reference: s.reference.trim() || null,
      note: text(s.noteEn, s.noteSr),
    };
  });
}

export function createBody(draft: PlanDraft, labels: LabelOptions = NO_LABEL_OPTIONS): PlanCreate {
  return {
    ...(draft.label === DEFAULT_LABEL_KEY
      ? {}
      : {
          label: labelInputOf(
            draft.label,
            labels.isPublic(draft.label),
            undefined,
            labels.defaultReleasableTo,
          ),
        }),
    code: draft.code.trim(),
    title: text(draft.titleEn, draft.titleSr),
    description: text(draft.descriptionEn, draft.descriptionSr),
    mechanismId: draft.mechanismId,
    periodStart: draft.periodStart || null,
    periodEnd: draft.periodEnd || null,
    status: draft.status,
    levels: levelsBody(draft),
    approvalSteps: stepsBody(draft),
    statusViaReports: draft.statusViaReports,
    reportingIncludesUnits: draft.reportingIncludesUnits,
  };
}

/** Only what differs from the plan as loaded, so a change never rewrites what others saved. */
export function changesBetween(
  plan: Plan,
  draft: PlanDraft,
  labels: LabelOptions = NO_LABEL_OPTIONS,
): PlanUpdate {
  const body = createBody(draft);
  const changes: PlanUpdate = {};
  if (draft.label !== DEFAULT_LABEL_KEY && draft.label !== labelKeyOf(plan.label))
    changes.label = labelInputOf(
      draft.label,
      labels.isPublic(draft.label),
      plan.label,
      labels.defaultReleasableTo,
    );
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (body.code !== plan.code) changes.code = body.code;
  if (!same(body.title, plan.title)) changes.title = body.title;
  if (!same(body.description, plan.description)) changes.description = body.description;
  if (body.mechanismId !== plan.mechanismId) changes.mechanismId = body.mechanismId;
  if (body.periodStart !== plan.periodStart) changes.periodStart = body.periodStart;
  if (body.periodEnd !== plan.periodEnd) changes.periodEnd = body.periodEnd;
  if (body.status !== plan.status) changes.status = body.status;
  const levels = plan.levels.map((l) => ({ name: l.name, rollupRule: l.rollupRule }));
  if (!same(body.levels, levels)) changes.levels = body.levels;
  const steps = stepsBody(draftOf(plan, draft.template));
  if (!same(body.approvalSteps, steps)) changes.approvalSteps = body.approvalSteps;
  if (draft.statusViaReports !== plan.statusViaReports)
    changes.statusViaReports = draft.statusViaReports;
  if (draft.reportingIncludesUnits !== plan.reportingIncludesUnits)
    changes.reportingIncludesUnits = draft.reportingIncludesUnits;
  return changes;
}

export type PlanField = Exclude<keyof PlanUpdate, 'label'>;

/** The top-level fields whose saved value differs from what is typed (after a 412). */
export function differingFields(plan: Plan, draft: PlanDraft): PlanField[] {
  return Object.keys(changesBetween(plan, draft)).filter((k) => k !== 'label') as PlanField[];
}

/** A refusal from the server as messages next to fields, or one message for the whole form. */
export function saveErrors(
  error: unknown,
  t: TFunction,
): { fields: DraftErrors; form: string | null } {
  if (!isApiError(error)) return { fields: {}, form: errorMessage(error, t) };
  const details = error.details as
    { field?: unknown; issues?: { field?: unknown; message?: unknown }[] } | undefined;
  if ((error.status === 409 || error.status === 422) && typeof details?.field === 'string') {
    const field = details.field === 'label.level' ? 'form' : details.field;
    if (field !== 'form') return { fields: { [field]: error.message }, form: null };
  }
  if (error.status === 400 && Array.isArray(details?.issues)) {
    const fields: DraftErrors = {};
    for (const issue of details.issues) {
      if (typeof issue.field === 'string' && issue.field && !fields[issue.field])
        fields[issue.field] = typeof issue.message === 'string' ? issue.message : error.message;
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  if (error.status === 403) return { fields: {}, form: errorMessage(error, t) };
  return { fields: {}, form: error.status < 500 ? error.message : errorMessage(error, t) };
}
