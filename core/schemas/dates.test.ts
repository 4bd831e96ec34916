import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { activityListFilters } from './activity.js';
import { agreementCreate, agreementListFilters } from './agreement.js';
import { dateSchema, dayOrMonth, isoDay, partialDateSchema } from './common.js';
import { measurementCreate } from './indicator.js';
import { approvalStepInput, planItemCreate, planItemUpdate } from './plan.js';
import { periodCreate } from './reporting.js';
import { timelineEventCreate, timelineListFilters } from './timeline.js';

/** Impossible dates: 30 February, 29 February of a common year, month 13, day 32, month 00. */
const IMPOSSIBLE = [
  '2015-02-30',
  '2015-02-29',
  '1900-02-29',
  '2015-13',
  '2015-13-01',
  '2015-01-32',
  '2015-00',
];

describe('the one date schema', () => {
  it('refuses impossible dates at every precision it allows', () => {
    for (const schema of [partialDateSchema, isoDay, dayOrMonth]) {
      for (const bad of IMPOSSIBLE) expect(schema.safeParse(bad).success, bad).toBe(false);
    }
    expect(partialDateSchema.safeParse('2016-02-29').success).toBe(true);
    expect(partialDateSchema.safeParse('2000-02-29').success).toBe(true);
    expect(isoDay.safeParse('2024-02-29').success).toBe(true);
  });

  it('keeps to the precisions each field allows', () => {
    expect(
      ['2015', '2015-03', '2015-03-31'].map((v) => partialDateSchema.safeParse(v).success),
    ).toEqual([true, true, true]);
    expect(['2015', '2015-03', '2015-03-31'].map((v) => dayOrMonth.safeParse(v).success)).toEqual([
      false,
      true,
      true,
    ]);
    expect(['2015', '2015-03', '2015-03-31'].map((v) => isoDay.safeParse(v).success)).toEqual([
      false,
      false,
      true,
    ]);
    expect(dateSchema(['year']).safeParse('2015-03').success).toBe(false);
    for (const odd of ['15-03-01', '2015-3-1', '2015-03-01T00:00', ' 2015', '2015-Q1', '']) {
      expect(partialDateSchema.safeParse(odd).success, odd).toBe(false);
    }
  });
});

/** Every date field of the input schemas in core/schemas, with a valid object around it. */
const ID = '0192d7a0-7c1e-7000-8000-000000000000';
const fields: [string, z.ZodType, (date: string) => unknown, string[]][] = [
  [
    'plan item startOn',
    planItemCreate,
    (d) => ({ planId: ID, title: { en: 'x' }, startOn: d }),
    ['startOn'],
  ],
  [
    'plan item dueOn',
    planItemCreate,
    (d) => ({ planId: ID, title: { en: 'x' }, dueOn: d }),
    ['dueOn'],
  ],
  [
    'plan item change startOn',
    planItemUpdate,
    (d) => ({ startOn: d, dueOn: '2015-12' }),
    ['startOn'],
  ],
  [
    'measurement measuredOn',
    measurementCreate,
    (d) => ({ measuredOn: d, value: 1 }),
    ['measuredOn'],
  ],
  [
    'period startsOn',
    periodCreate,
    (d) => ({ kind: 'quarter', startsOn: d, endsOn: '2015-12-31', title: 'Q' }),
    ['startsOn'],
  ],
  [
    'period endsOn',
    periodCreate,
    (d) => ({ kind: 'quarter', startsOn: '2015-01-01', endsOn: d, title: 'Q' }),
    ['endsOn'],
  ],
  [
    'timeline event when.date',
    timelineEventCreate,
    (d) => ({ when: { date: d, precision: 'day' } }),
    ['when', 'date'],
  ],
  [
    'timeline event when.end',
    timelineEventCreate,
    (d) => ({ when: { date: '2015-01-01', end: d, precision: 'range' } }),
    ['when', 'end'],
  ],
  [
    'agreement signedOn.date',
    agreementCreate,
    (d) => ({ signedOn: { date: d, precision: 'day' } }),
    ['signedOn', 'date'],
  ],
  [
    'approval step date.date',
    approvalStepInput,
    (d) => ({ kind: 'other', label: { en: 'x' }, date: { date: d, precision: 'day' } }),
    ['date', 'date'],
  ],
  ['timeline filter from', timelineListFilters, (d) => ({ from: d }), ['from']],
  ['agreement filter signedFrom', agreementListFilters, (d) => ({ signedFrom: d }), ['signedFrom']],
  ['activity filter to', activityListFilters, (d) => ({ to: d }), ['to']],
];

describe.each(fields)('%s', (_name, schema, wrap, path) => {
  it('refuses every impossible date, naming the field', () => {
    for (const bad of IMPOSSIBLE) {
      const result = schema.safeParse(wrap(bad));
      expect(result.success, bad).toBe(false);
      const issues = result.error?.issues ?? [];
      expect(
        issues.some((i) => i.path.map(String).join('.') === path.join('.')),
        `${bad}: ${JSON.stringify(issues)}`,
      ).toBe(true);
    }
  });
});
