import { describe, expect, it } from 'vitest';
import { isOverdue, isValidDueDate, lastDayDue } from './due.js';

describe('due dates of plan items', () => {
  it('accepts days, months, quarters and continuous, and nothing else', () => {
    for (const ok of ['2026-03-31', '2026-03', '2026-Q1', '2026-Q4', 'continuous'])
      expect(isValidDueDate(ok)).toBe(true);
    for (const bad of ['2026-Q5', '2026-02-30', '2026', 'Q1 2026', 'soon', ''])
      expect(isValidDueDate(bad)).toBe(false);
  });

  it('counts a quarter as due on its last day, a month on its last day', () => {
    expect(lastDayDue('2026-Q1')).toBe('2026-03-31');
    expect(lastDayDue('2024-Q1')).toBe('2024-03-31');
    expect(lastDayDue('2026-Q4')).toBe('2026-12-31');
    expect(lastDayDue('2028-02')).toBe('2028-02-29');
    expect(lastDayDue('continuous')).toBeNull();
  });

  it('calls an unfinished item overdue only after its last day, and a continuous one never', () => {
    expect(isOverdue('2026-Q3', false, '2026-09-30')).toBe(false);
    expect(isOverdue('2026-Q3', false, '2026-10-01')).toBe(true);
    expect(isOverdue('2026-Q3', true, '2027-01-01')).toBe(false);
    expect(isOverdue('continuous', false, '2099-01-01')).toBe(false);
  });
});
