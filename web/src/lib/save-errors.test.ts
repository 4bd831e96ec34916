import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client.js';
import { resources } from '@/lib/i18n.js';
import { isStaleError, mapSaveErrors, noticeMessage } from '@/lib/save-errors.js';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: {
      ...resources,
      // A message key the server may send, with words in the test's own resources.
      en: {
        translation: {
          ...resources.en.translation,
          errors: { ...resources.en.translation.errors, test: { tooLong: 'At most {{max}}.' } },
        },
      },
    },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

const FIELDS = ['title', 'code', 'dueOn', 'budget'] as const;

describe('mapSaveErrors', () => {
  it('turns a 412 into the stale notice and no field messages, whatever the details say', () => {
    const error = new ApiError(412, 'precondition_failed', 'Someone else changed it.', {
      currentVersion: 4,
      field: 'title',
    });
    expect(mapSaveErrors(error, FIELDS, t)).toEqual({ fields: {}, notice: { kind: 'stale' } });
    expect(isStaleError(error)).toBe(true);
    expect(isStaleError(new ApiError(409, 'conflict', 'x'))).toBe(false);
  });

  it("puts a 400's issues on their fields, the first message per field, nested paths on their head", () => {
    const error = new ApiError(400, 'validation_failed', 'The request body is not valid.', {
      issues: [
        { field: 'title.en', message: 'Too long.' },
        { field: 'title.sr', message: 'Also too long.' },
        { field: 'budget.amount', message: 'Must be positive.' },
        { field: 'nobodyKnows', message: 'Ignored.' },
      ],
    });
    expect(mapSaveErrors(error, FIELDS, t)).toEqual({
      fields: { title: 'Too long.', budget: 'Must be positive.' },
      notice: null,
    });
  });

  it('maps API paths to form fields through a map, the full path before its head', () => {
    const error = new ApiError(400, 'validation_failed', 'bad', {
      issues: [
        { field: 'target.value', message: 'A number.' },
        { field: 'baseline', message: 'Missing.' },
      ],
    });
    const map = { 'target.value': 'targetValue', baseline: 'baselineValue' } as const;
    expect(mapSaveErrors(error, map, t).fields).toEqual({
      targetValue: 'A number.',
      baselineValue: 'Missing.',
    });
  });

  it('puts a 409 naming a field of the form on that field, and one naming none in a conflict notice', () => {
    const clash = new ApiError(409, 'conflict', 'Another plan already has the code X.', {
      field: 'code',
    });
    expect(mapSaveErrors(clash, FIELDS, t)).toEqual({
      fields: { code: 'Another plan already has the code X.' },
      notice: null,
    });
    const elsewhere = new ApiError(409, 'conflict', 'The plan is being imported into.', {
      field: 'planId',
    });
    expect(mapSaveErrors(elsewhere, FIELDS, t)).toEqual({
      fields: {},
      notice: { kind: 'conflict', message: 'The plan is being imported into.' },
    });
  });

  it("uses the reader's words for a message key the web knows, the server's sentence otherwise", () => {
    const error = new ApiError(400, 'validation_failed', 'bad', {
      issues: [
        {
          field: 'title',
          message: 'At most 10 characters.',
          key: 'test.tooLong',
          params: { max: 10 },
        },
        { field: 'code', message: 'Unknown rule.', key: 'test.notInTheLocales' },
      ],
    });
    expect(mapSaveErrors(error, FIELDS, t).fields).toEqual({
      title: 'At most 10.',
      code: 'Unknown rule.',
    });
    const keyed = new ApiError(
      422,
      'unprocessable',
      'At most 3 levels.',
      { field: 'dueOn' },
      'test.tooLong',
      {
        max: 3,
      },
    );
    expect(mapSaveErrors(keyed, FIELDS, t).fields).toEqual({ dueOn: 'At most 3.' });
  });

  it("says network, permission and server failures in the reader's words as an error notice", () => {
    const network = mapSaveErrors(new ApiError(0, 'network_error', 'down'), FIELDS, t);
    expect(network).toEqual({
      fields: {},
      notice: { kind: 'error', message: t('errors.network_error') },
    });
    const forbidden = mapSaveErrors(new ApiError(403, 'forbidden', 'No.'), FIELDS, t);
    expect(forbidden.notice).toEqual({ kind: 'error', message: t('errors.forbidden') });
    const crash = mapSaveErrors(
      new ApiError(500, 'internal', 'boom', { field: 'title' }),
      FIELDS,
      t,
    );
    expect(crash).toEqual({ fields: {}, notice: { kind: 'error', message: t('errors.internal') } });
    expect(mapSaveErrors(new Error('x'), FIELDS, t).notice?.kind).toBe('error');
  });

  it('gives the stale notice its sentence for forms that show one line', () => {
    expect(noticeMessage({ kind: 'stale' }, t)).toBe(t('staleRecord.body'));
    expect(noticeMessage({ kind: 'conflict', message: 'Taken.' }, t)).toBe('Taken.');
  });
});
