import { describe, expect, it } from 'vitest';
import { endOfDayIso, startOfDayIso, todayInput } from './date-input.js';

describe('dates typed in a date field', () => {
  it('become the first and last moment of that day where the reader is', () => {
    const start = new Date(startOfDayIso('2026-03-15') ?? '');
    const end = new Date(endOfDayIso('2026-03-15') ?? '');
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([
      2026, 2, 15, 0,
    ]);
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getSeconds()]).toEqual([
      15, 23, 59, 59,
    ]);
    expect(end.getTime() - start.getTime()).toBe(24 * 3600 * 1000 - 1);
  });

  it.each(['', '2026-02-31', '15.03.2026', '2026-3-5', 'tomorrow'])(
    'are refused when they are not a real day: %j',
    (value) => {
      expect(startOfDayIso(value)).toBeNull();
      expect(endOfDayIso(value)).toBeNull();
    },
  );

  it('write today as the date field does', () => {
    expect(todayInput(new Date(2026, 0, 5, 13))).toBe('2026-01-05');
  });
});
