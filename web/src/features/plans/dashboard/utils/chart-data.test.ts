import { describe, expect, it } from 'vitest';
import { breakdownOf, PERIOD_BUCKETS } from '../../../../../../core/plans/dashboard.js';
import { ITEM_STATUS_COLORS } from '../../utils/status.js';
import { bucketColor, bucketsInUse, countRows } from './chart-data.js';

describe('dashboard chart data', () => {
  const a = breakdownOf(PERIOD_BUCKETS, ['ongoing', 'ongoing', 'not_reported']);
  const b = breakdownOf(PERIOD_BUCKETS, ['implemented']);

  it('keeps only the statuses that occur, in vocabulary order', () => {
    expect(bucketsInUse(PERIOD_BUCKETS, [a, b])).toEqual([
      'ongoing',
      'implemented',
      'not_reported',
    ]);
    expect(bucketsInUse(PERIOD_BUCKETS, [])).toEqual([]);
  });

  it('makes one row per group with a count per status', () => {
    expect(
      countRows(
        [
          { name: '1', breakdown: a },
          { name: '2', breakdown: b },
        ],
        ['ongoing', 'implemented'],
      ),
    ).toEqual([
      { name: '1', ongoing: 2, implemented: 0 },
      { name: '2', ongoing: 0, implemented: 1 },
    ]);
  });

  it('colours statuses like their badges, and "not reported" apart from "not started"', () => {
    expect(bucketColor('implemented')).toBe(`${ITEM_STATUS_COLORS.implemented}.6`);
    expect(bucketColor('postponed')).toBe(`${ITEM_STATUS_COLORS.postponed}.6`);
    expect(bucketColor('not_reported')).not.toBe(bucketColor('not_started'));
  });
});
