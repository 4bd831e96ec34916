import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { planItemCreate, planItemUpdate, type PlanItem } from '../../../../../core/schemas/plan.js';
import { ApiError } from '../../../lib/api-client.js';
import {
  changesBetween,
  createBody,
  differingFields,
  draftOf,
  dueOnOf,
  DEFAULT_LABEL_KEY,
  newDraft,
  PUBLIC_LABEL_KEY,
  saveErrors,
  validateDraft,
  type ItemDraft,
} from './item-draft.js';

const t = ((key: string) => key) as unknown as TFunction;
const isPublic = (key: string) => key.endsWith(':PUBLIC');
const PLAN = '0192d7a0-7c1e-7000-8000-0000000000aa';
const ORG = '0192d7a0-7c1e-7000-8000-0000000000bb';

const item: PlanItem = {
  id: '0192d7a0-7c1e-7000-8000-0000000000cc',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  label: {
    policy: 'NATO',
    level: 'NATO_UNCLASSIFIED',
    releasableTo: ['NATO', 'XR', 'US'],
    owner: 'XR',
    originatorId: null,
  },
  abilities: { update: true, delete: true },
  planId: PLAN,
  parentId: null,
  depth: 1,
  position: 2,
  code: '2.2',
  title: { en: 'Signal units', sr: 'Jedinice veze' },
  description: { en: null, sr: null },
  status: 'ongoing',
  startOn: '2026-01',
  dueOn: '2026-Q3',
  leadOrganisationId: ORG,
  responsibleUser: null,
  partnerOrganisationIds: [],
  weight: 2,
  manualProgress: null,
  budget: { amount: 1000, currency: 'EUR', fundingSource: 'nato_trust_fund' },
  sampleData: false,
};

const draft = (patch: Partial<ItemDraft>): ItemDraft => ({ ...newDraft(), titleEn: 'X', ...patch });

describe('validateDraft', () => {
  it('wants a title in one language at least', () => {
    expect(validateDraft(draft({ titleEn: '  ' }), t).title).toBe('planEdit.errors.titleRequired');
    expect(validateDraft(draft({ titleEn: '', titleSr: 'Циљ' }), t)).toEqual({});
  });
  it('checks dates as the server does: real dates, due not before the start', () => {
    expect(validateDraft(draft({ duePrecision: 'day', dueValue: '2026-02-30' }), t).dueOn).toBe(
      'planEdit.errors.dateInvalid',
    );
    expect(validateDraft(draft({ duePrecision: 'month', dueValue: '' }), t).dueOn).toBe(
      'planEdit.errors.monthRequired',
    );
    expect(
      validateDraft(
        draft({
          startPrecision: 'month',
          startValue: '2026-10',
          duePrecision: 'quarter',
          dueYear: '2026',
          dueQuarter: '3',
        }),
        t,
      ).dueOn,
    ).toBe('planEdit.errors.dueBeforeStart');
    // The last day of Q3 is on or after a start in September.
    expect(
      validateDraft(
        draft({
          startPrecision: 'day',
          startValue: '2026-09-30',
          duePrecision: 'quarter',
          dueYear: '2026',
          dueQuarter: '3',
        }),
        t,
      ),
    ).toEqual({});
    expect(
      validateDraft(draft({ duePrecision: 'quarter', dueYear: '26', dueQuarter: '1' }), t).dueOn,
    ).toBe('planEdit.errors.yearInvalid');
  });
  it('checks numbers and the currency', () => {
    const errors = validateDraft(
      draft({ weight: -1, manualProgress: 101, budgetAmount: -5, budgetCurrency: 'eu' }),
      t,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'budgetAmount',
      'budgetCurrency',
      'manualProgress',
      'weight',
    ]);
  });
});

describe('bodies', () => {
  it('writes every due precision as the API does', () => {
    expect(dueOnOf(draft({ duePrecision: 'continuous' }))).toBe('continuous');
    expect(dueOnOf(draft({ duePrecision: 'quarter', dueYear: '2027', dueQuarter: '2' }))).toBe(
      '2027-Q2',
    );
    expect(dueOnOf(draft({ duePrecision: 'month', dueValue: '2027-05' }))).toBe('2027-05');
    expect(dueOnOf(draft({ duePrecision: 'none', dueValue: '2027-05' }))).toBeNull();
  });
  it('builds a create body the server schema accepts', () => {
    const body = createBody(
      draft({
        titleSr: 'Циљ',
        duePrecision: 'quarter',
        dueYear: '2026',
        dueQuarter: '4',
        budgetAmount: 5000,
        fundingSource: 'eu_ipa',
        label: 'NATO:NATO_UNCLASSIFIED',
      }),
      PLAN,
      null,
      isPublic,
      ['NATO', 'XR'],
    );
    expect(planItemCreate.safeParse(body).success).toBe(true);
    expect(body.budget).toEqual({ amount: 5000, currency: 'EUR', fundingSource: 'eu_ipa' });
    expect(body.label).toMatchObject({ policy: 'NATO', releasableTo: ['NATO', 'XR'] });
    expect(body.label?.owner).toBeUndefined();
    expect(createBody(draft({}), PLAN, null, isPublic).budget).toBeNull();
  });
  it('leaves a new item’s label to the deployment’s default; public is chosen, never assumed', () => {
    expect(newDraft().label).toBe(DEFAULT_LABEL_KEY);
    expect(createBody(draft({}), PLAN, null, isPublic)).not.toHaveProperty('label');
    const chosen = createBody(draft({ label: PUBLIC_LABEL_KEY }), PLAN, null, isPublic);
    expect(chosen.label?.releasableTo).toEqual(['PUBLIC']);
  });
  it('sends only what changed, and nothing for an untouched form', () => {
    expect(changesBetween(item, draftOf(item), isPublic)).toEqual({});
    const changes = changesBetween(
      item,
      {
        ...draftOf(item),
        status: 'implemented',
        duePrecision: 'continuous',
        partnerOrganisationIds: [],
      },
      isPublic,
    );
    expect(changes).toEqual({ status: 'implemented', dueOn: 'continuous' });
    expect(planItemUpdate.safeParse(changes).success).toBe(true);
  });
  it('keeps the releasability of a label when only the level changes', () => {
    const changes = changesBetween(item, { ...draftOf(item), label: 'XR:RESTRICTED_XR' }, isPublic);
    expect(changes.label).toEqual({
      policy: 'XR',
      level: 'RESTRICTED_XR',
      releasableTo: ['NATO', 'XR', 'US'],
      owner: 'XR',
      originatorId: null,
    });
  });
  it('sends the responsible person and, with a changed status, the reason for overriding', () => {
    const person = '0192d7a0-7c1e-7000-8000-0000000000dd';
    const changes = changesBetween(
      item,
      {
        ...draftOf(item),
        responsibleUserId: person,
        status: 'implemented',
        statusOverrideReason: ' Letter ',
      },
      isPublic,
    );
    expect(changes).toEqual({
      responsibleUserId: person,
      status: 'implemented',
      statusOverrideReason: 'Letter',
    });
    expect(planItemUpdate.safeParse(changes).success).toBe(true);
    // A reason without a status change is not sent.
    expect(changesBetween(item, { ...draftOf(item), statusOverrideReason: 'x' }, isPublic)).toEqual(
      {},
    );
    expect(
      createBody({ ...draft({}), responsibleUserId: person }, PLAN, null, isPublic)
        .responsibleUserId,
    ).toBe(person);
  });

  it('puts a 400 that names one field next to it (responsible person, override reason)', () => {
    const error = new ApiError(400, 'bad_request', 'Give a reason.', {
      field: 'statusOverrideReason',
    });
    expect(saveErrors(error, t)).toEqual({
      fields: { statusOverrideReason: 'Give a reason.' },
      form: null,
    });
  });

  it('names the fields that differ from a newer version after a conflict', () => {
    const mine = { ...draftOf(item), titleEn: 'Signal units (revised)' };
    const theirs: PlanItem = {
      ...item,
      version: 4,
      budget: { amount: 2000, currency: 'EUR', fundingSource: 'nato_trust_fund' },
    };
    expect(differingFields(theirs, mine, isPublic).sort()).toEqual(['budgetAmount', 'title']);
  });
});

describe('saveErrors', () => {
  it('puts a 422 next to the field it names', () => {
    const error = new ApiError(422, 'unprocessable', 'The due date is before the start.', {
      field: 'dueOn',
    });
    expect(saveErrors(error, t)).toEqual({
      fields: { dueOn: 'The due date is before the start.' },
      form: null,
    });
  });
  it('maps 400 issues, budget fields included', () => {
    const error = new ApiError(400, 'validation_failed', 'bad', {
      in: 'body',
      issues: [
        { field: 'budget.currency', message: 'must be a currency code such as EUR or RSD' },
        { field: 'manualProgress', message: 'progress is a percentage, 0–100' },
      ],
    });
    expect(saveErrors(error, t).fields).toEqual({
      budgetCurrency: 'must be a currency code such as EUR or RSD',
      manualProgress: 'progress is a percentage, 0–100',
    });
  });
  it('says the rest for the whole form', () => {
    expect(saveErrors(new ApiError(0, 'network_error', 'x'), t)).toEqual({
      fields: {},
      form: 'errors.network_error',
    });
  });
});
