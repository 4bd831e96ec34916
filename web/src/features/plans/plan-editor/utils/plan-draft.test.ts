import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { chronological } from '../../../../../../core/plans/approval-steps.js';
import { LEVEL_PRESETS, templateOfLevels } from '../../../../../../core/plans/templates.js';
import { planCreate, planUpdate, type Plan } from '../../../../../../core/schemas/plan.js';
import { ApiError } from '../../../../lib/api-client.js';
import {
  changesBetween,
  createBody,
  differingFields,
  draftOf,
  newPlanDraft,
  newStep,
  saveErrors,
  validateDraft,
} from './plan-draft.js';

const t = ((key: string) => key) as unknown as TFunction;

const plan: Plan = {
  id: '0192d7a0-7c1e-7000-8000-0000000000cc',
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  label: {
    policy: 'NONE',
    level: 'PUBLIC',
    releasableTo: ['PUBLIC'],
    owner: 'XR',
    originatorId: null,
  },
  abilities: { update: true, delete: true },
  mechanismId: null,
  code: 'IPAP-2015',
  title: { en: 'Individual Partnership Action Plan 2015', sr: null },
  description: { en: null, sr: null },
  periodStart: '2015-01-15',
  periodEnd: '2019-11-07',
  status: 'superseded',
  sampleData: false,
  statusViaReports: true,
  reportingIncludesUnits: true,
  levels: LEVEL_PRESETS.ipap.map((l, depth) => ({ depth, name: l.name, rollupRule: l.rollupRule })),
  approvalSteps: [
    {
      position: 1,
      kind: 'nac_approval',
      label: { en: null, sr: null },
      date: { date: '2015-01-15', end: null, precision: 'day' },
      reference: null,
      note: { en: null, sr: null },
    },
    {
      position: 2,
      kind: 'other',
      label: { en: 'Consultations', sr: null },
      date: { date: '2014-10', end: '2014-11', precision: 'range' },
      reference: 'R-1',
      note: { en: null, sr: 'Напомена' },
    },
  ],
};

describe('plan draft', () => {
  it('starts a new plan from a preset and sends a body the API schema accepts', () => {
    const draft = { ...newPlanDraft('national'), code: 'NAP-2026', titleSr: 'Акциони план' };
    expect(draft.levels.map((l) => l.nameEn)).toEqual(['General objective', 'Measure', 'Activity']);
    expect(validateDraft(draft, t)).toEqual({});
    draft.steps = [{ ...newStep('government_adoption'), precision: 'month', value: '2026-02' }];
    const body = createBody(draft);
    const parsed = planCreate.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(body.approvalSteps?.[0]?.date).toEqual({
      date: '2026-02',
      precision: 'month',
      end: null,
    });
  });

  it('takes statuses from reports by default for IPAP and ITPP plans, and sends a switched setting', () => {
    expect(newPlanDraft('ipap').statusViaReports).toBe(true);
    expect(newPlanDraft('itpp').statusViaReports).toBe(true);
    expect(newPlanDraft('national').statusViaReports).toBe(false);
    expect(newPlanDraft('national').reportingIncludesUnits).toBe(true);
    const draft = draftOf(plan, templateOfLevels(plan.levels));
    expect(
      changesBetween(plan, { ...draft, statusViaReports: false, reportingIncludesUnits: false }),
    ).toEqual({ statusViaReports: false, reportingIncludesUnits: false });
  });

  it('puts each problem next to its field, in the API’s field names', () => {
    const draft = newPlanDraft('custom');
    draft.code = '-bad';
    draft.periodStart = '2026-05-01';
    draft.periodEnd = '2026-04-30';
    draft.levels[1]!.nameSr = ' ';
    draft.steps = [
      { ...newStep('other') },
      { ...newStep('nac_approval'), precision: 'day', value: '2026-02-30' },
    ];
    expect(validateDraft(draft, t)).toEqual({
      code: 'planSetup.errors.codeFormat',
      title: 'planSetup.errors.titleRequired',
      periodEnd: 'planSetup.errors.periodOrder',
      'levels.1.name.sr': 'planSetup.errors.levelNameSr',
      'approvalSteps.0.label': 'planSetup.errors.stepLabel',
      'approvalSteps.0.date.date': 'planSetup.errors.stepDate.day',
      'approvalSteps.1.date.date': 'planSetup.errors.stepDate.day',
    });
  });

  it('changes nothing when nothing was typed, and keeps a stored range as it was', () => {
    const draft = draftOf(plan, templateOfLevels(plan.levels));
    expect(draft.template).toBe('ipap');
    expect(changesBetween(plan, draft)).toEqual({});
    expect(draft.steps[1]!.kept).toEqual(plan.approvalSteps[1]!.date);
    expect(createBody(draft).approvalSteps?.[1]?.date).toEqual(plan.approvalSteps[1]!.date);
  });

  it('sends only what changed: a renamed level sends the level list', () => {
    const draft = draftOf(plan, 'ipap');
    draft.levels[0] = { ...draft.levels[0]!, nameEn: 'Area', rollupRule: 'weighted' };
    draft.status = 'closed';
    const changes = changesBetween(plan, draft);
    expect(Object.keys(changes).sort()).toEqual(['levels', 'status']);
    expect(changes.levels?.[0]).toEqual({
      name: { en: 'Area', sr: 'Поглавље' },
      rollupRule: 'weighted',
    });
    expect(planUpdate.safeParse(changes).success).toBe(true);
    expect(differingFields(plan, draft)).toEqual(['status', 'levels']);
  });

  it('maps the server’s refusals onto fields', () => {
    const clash = new ApiError(409, 'conflict', 'Another plan already has the code X.', {
      field: 'code',
    });
    expect(saveErrors(clash, t)).toEqual({
      fields: { code: 'Another plan already has the code X.' },
      form: null,
    });
    const invalid = new ApiError(400, 'validation_failed', 'bad', {
      issues: [{ field: 'levels.0.name.en', message: 'give the level name in English' }],
    });
    expect(saveErrors(invalid, t).fields).toEqual({
      'levels.0.name.en': 'give the level name in English',
    });
  });

  it('orders steps by when they happened, undated ones last', () => {
    const steps = chronological([
      { position: 1, date: null },
      { position: 2, date: { date: '2015-01-15', precision: 'day' as const } },
      { position: 3, date: { date: '2014-12', precision: 'month' as const } },
    ]);
    expect(steps.map((s) => s.position)).toEqual([3, 2, 1]);
  });
});

describe('the plan’s security label', () => {
  const labels = {
    isPublic: (key: string) => key === 'NONE:PUBLIC',
    defaultReleasableTo: ['NATO', 'XR'],
  };

  it('leaves a new plan to the deployment’s default label: public is never assumed', () => {
    const draft = { ...newPlanDraft('national'), code: 'P-1', titleEn: 'Draft plan' };
    const body = createBody(draft, labels);
    expect(body).not.toHaveProperty('label');
    expect(planCreate.safeParse(body).success).toBe(true);
  });

  it('sends public only when chosen, and a marked level releasable as the default is', () => {
    const draft = { ...newPlanDraft('national'), code: 'P-1', titleEn: 'Draft plan' };
    expect(createBody({ ...draft, label: 'NONE:PUBLIC' }, labels).label).toEqual({
      policy: 'NONE',
      level: 'PUBLIC',
      releasableTo: ['PUBLIC'],
      originatorId: null,
    });
    expect(createBody({ ...draft, label: 'XR:RESTRICTED_XR' }, labels).label).toEqual({
      policy: 'XR',
      level: 'RESTRICTED_XR',
      releasableTo: ['NATO', 'XR'],
      originatorId: null,
    });
  });

  it('changes the label of a saved plan only when another level is chosen', () => {
    const draft = draftOf(plan, templateOfLevels(plan.levels));
    expect(changesBetween(plan, draft, labels)).not.toHaveProperty('label');
    const changes = changesBetween(plan, { ...draft, label: 'NATO:NATO_UNCLASSIFIED' }, labels);
    expect(changes.label).toMatchObject({
      policy: 'NATO',
      level: 'NATO_UNCLASSIFIED',
      owner: 'XR',
    });
    expect(planUpdate.safeParse(changes).success).toBe(true);
  });
});
