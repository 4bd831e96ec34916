import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client.js';
import {
  emptyIndicatorDraft,
  indicatorChanges,
  indicatorPayload,
  indicatorSaveErrors,
  measurementPayload,
  measurementSaveErrors,
  parseNumber,
  validateIndicator,
  validateMeasurement,
} from './indicator-draft.js';

const t = ((key: string) => key) as unknown as TFunction;

describe('parseNumber', () => {
  it('takes numbers as people type them, decimal comma included', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' 12,5 ')).toBe(12.5);
    expect(parseNumber('-3.25')).toBe(-3.25);
    expect(parseNumber('1 200')).toBe(1200);
  });
  it('refuses words and mixed text', () => {
    expect(parseNumber('twelve')).toBeNull();
    expect(parseNumber('12 %')).toBeNull();
    expect(parseNumber('1.234,5')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('validateIndicator', () => {
  it('asks for a name in either language', () => {
    expect(validateIndicator(emptyIndicatorDraft(), t)).toEqual({
      nameEn: 'indicators.errors.name',
    });
    expect(validateIndicator({ ...emptyIndicatorDraft(), nameSr: 'Obuka' }, t)).toEqual({});
  });
  it('refuses words in a quantitative indicator but not in a qualitative one', () => {
    const draft = {
      ...emptyIndicatorDraft(),
      nameEn: 'Law',
      baselineValue: 'none',
      targetValue: '5',
    };
    expect(validateIndicator(draft, t)).toEqual({ baselineValue: 'indicators.errors.number' });
    expect(validateIndicator({ ...draft, kind: 'qualitative' }, t)).toEqual({});
  });
  it('takes four-digit years from 1990 to 2100 only', () => {
    const draft = { ...emptyIndicatorDraft(), nameEn: 'X', baselineYear: '24', targetYear: '2101' };
    expect(validateIndicator(draft, t)).toEqual({
      baselineYear: 'indicators.errors.year',
      targetYear: 'indicators.errors.year',
    });
    expect(validateIndicator({ ...draft, baselineYear: '1990', targetYear: '2100' }, t)).toEqual(
      {},
    );
  });
});

describe('indicatorPayload', () => {
  it('sends numbers for quantitative points, leaves empty points out', () => {
    const payload = indicatorPayload({
      ...emptyIndicatorDraft(),
      nameEn: ' Officers trained ',
      unit: 'officers',
      baselineValue: '40',
      baselineYear: '2024',
    });
    expect(payload).toEqual({
      kind: 'quantitative',
      name: { en: 'Officers trained', sr: null },
      unit: 'officers',
      baseline: { value: 40, year: 2024 },
      target: null,
      sourceOfVerification: null,
    });
  });
  it('keeps a year without a value', () => {
    const payload = indicatorPayload({ ...emptyIndicatorDraft(), nameEn: 'X', targetYear: '2027' });
    expect(payload.target).toEqual({ value: null, year: 2027 });
  });
});

describe('indicatorChanges', () => {
  const original = {
    ...emptyIndicatorDraft(),
    nameEn: 'Officers trained',
    unit: 'officers',
    targetValue: '120',
  };
  it('sends only what the person changed', () => {
    expect(indicatorChanges(original, { ...original, targetValue: '100' })).toEqual({
      target: { value: 100, year: null },
    });
    expect(indicatorChanges(original, { ...original })).toEqual({});
  });
  it('sends the baseline and target with a change of kind', () => {
    expect(indicatorChanges(original, { ...original, kind: 'qualitative' })).toEqual({
      kind: 'qualitative',
      unit: null,
      baseline: null,
      target: { value: '120', year: null },
    });
  });
});

describe('measurements', () => {
  it('needs a real partial date and, for quantitative indicators, a number', () => {
    expect(
      validateMeasurement({ measuredOn: '2025-02-30', value: 'many', note: '' }, 'quantitative', t),
    ).toEqual({
      measuredOn: 'indicators.errors.date',
      value: 'indicators.errors.number',
    });
    expect(
      validateMeasurement({ measuredOn: '2025-06', value: 'Adopted', note: '' }, 'qualitative', t),
    ).toEqual({});
    expect(
      validateMeasurement({ measuredOn: '2025', value: ' ', note: '' }, 'qualitative', t),
    ).toEqual({
      value: 'indicators.errors.valueRequired',
    });
  });
  it('sends the number and drops an empty note', () => {
    expect(
      measurementPayload({ measuredOn: '2025-06-01', value: '12,5', note: ' ' }, 'quantitative'),
    ).toEqual({
      measuredOn: '2025-06-01',
      value: 12.5,
      note: null,
    });
  });
});

describe('server refusals', () => {
  it('puts the quantitative refusal next to the field the server names', () => {
    const error = new ApiError(
      422,
      'unprocessable',
      'This indicator is quantitative: target.value must be a number, not text.',
      {
        field: 'target.value',
      },
    );
    expect(indicatorSaveErrors(error, t)).toEqual({
      fields: { targetValue: 'indicators.errors.number' },
      form: null,
    });
    expect(
      measurementSaveErrors(
        new ApiError(
          422,
          'unprocessable',
          'This indicator is quantitative: value must be a number, not text.',
          { field: 'value' },
        ),
        t,
      ),
    ).toEqual({
      fields: { value: 'indicators.errors.number' },
      form: null,
    });
  });
  it('maps validation issues to fields and keeps the rest for the form', () => {
    const error = new ApiError(400, 'validation_failed', 'The request body is not valid', {
      issues: [{ field: 'baseline.year', message: 'Too small: expected number to be >=1990' }],
    });
    expect(indicatorSaveErrors(error, t).fields).toEqual({
      baselineYear: 'Too small: expected number to be >=1990',
    });
    expect(indicatorSaveErrors(new ApiError(403, 'forbidden', 'No'), t)).toEqual({
      fields: {},
      form: 'errors.forbidden',
    });
  });
});
