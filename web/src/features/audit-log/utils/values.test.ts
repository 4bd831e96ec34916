import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../locales/en/index.js';
import srCyrl from '../../../locales/sr-Cyrl/index.js';
import srLatn from '../../../locales/sr-Latn/index.js';
import { createLocaliser } from '../../../lib/localise.js';
import type { Language } from '../../../lib/locale.js';
import { formatValue, type ValueContext } from './values.js';

const planId = '0192d7a0-7c1e-7000-8000-000000000001';
const hiddenId = '0192d7a0-7c1e-7000-8000-000000000002';
let translators: Record<Language, TFunction>;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    resources: {
      en: { translation: en },
      'sr-Latn': { translation: srLatn },
      'sr-Cyrl': { translation: srCyrl },
    },
    interpolation: { escapeValue: false },
  });
  translators = {
    en: instance.getFixedT('en'),
    'sr-Latn': instance.getFixedT('sr-Latn'),
    'sr-Cyrl': instance.getFixedT('sr-Cyrl'),
  };
});

const context = (language: Language, entityType = 'plan_item'): ValueContext => ({
  t: translators[language],
  localiser: createLocaliser(language),
  references: { [planId]: { en: 'IPAP-2027 Individual plan', sr: 'Individualni plan' } },
  entityType,
  timeZone: 'Europe/Belgrade',
});

describe('a recorded value in words', () => {
  it('names statuses in the reader’s language, by the record they belong to', () => {
    expect(formatValue(context('en'), 'status', 'partially_implemented')).toBe(
      'Partially implemented',
    );
    expect(formatValue(context('sr-Latn'), 'status', 'implemented')).toBe('Realizovano');
    expect(formatValue(context('sr-Cyrl'), 'itemStatus', 'implemented')).toBe('Реализовано');
    expect(formatValue(context('en', 'progress_report'), 'status', 'approved')).toBe('Approved');
  });

  it('writes days and moments as the reader does, moments with their time zone', () => {
    expect(formatValue(context('en'), 'dueOn', '2027-03-31')).toBe('31 March 2027');
    expect(formatValue(context('en'), 'submittedAt', '2026-12-07T18:42:00.000Z')).toBe(
      '7 Dec 2026, 19:42 UTC+1',
    );
    expect(formatValue(context('sr-Cyrl'), 'dueOn', '2027-03-31')).toMatch(/март 2027/);
  });

  it('names a referenced record, and only by a short id when its name was not given', () => {
    expect(formatValue(context('en'), 'planId', planId)).toBe('IPAP-2027 Individual plan');
    expect(formatValue(context('sr-Cyrl'), 'planId', planId)).toBe('Индивидуални план');
    expect(formatValue(context('en'), 'partnerOrganisationIds', [planId, hiddenId])).toBe(
      'IPAP-2027 Individual plan, record 0192d7a0…',
    );
  });

  it('shows labels as their marking, texts in the reader’s language, and empty as a dash', () => {
    expect(
      formatValue(context('en'), 'label', {
        policy: 'NATO',
        level: 'NATO_UNCLASSIFIED',
        releasableTo: ['RS'],
        owner: 'RS',
      }),
    ).toBe('NATO UNCLASSIFIED, releasable to Serbia');
    expect(formatValue(context('sr-Latn'), 'title', { en: 'Plan', sr: 'План' })).toBe('Plan');
    expect(formatValue(context('en'), 'title', { en: 'Plan', sr: 'План' })).toBe('Plan');
    expect(formatValue(context('en'), 'dueOn', null)).toBe('—');
    expect(formatValue(context('sr-Latn'), 'statusViaReports', true)).toBe('Da');
    expect(formatValue(context('en'), 'manualProgress', 40)).toBe('40 %');
  });
});
