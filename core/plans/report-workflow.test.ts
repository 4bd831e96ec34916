import { describe, expect, it } from 'vitest';
import {
  dueWithin,
  next,
  periodNotBegun,
  progressSource,
  refusal,
  REPORT_STATUSES,
  type ReportAction,
} from './report-workflow.js';

describe('the progress-report workflow', () => {
  it('goes draft → submitted → approved, or back through returned', () => {
    expect(refusal('edit', null, false)).toBeNull();
    expect(refusal('submit', 'draft', false)).toBeNull();
    expect(next('submit')).toBe('submitted');
    expect(refusal('return', 'submitted', false)).toBeNull();
    expect(next('return')).toBe('returned');
    expect(refusal('edit', 'returned', false)).toBeNull();
    expect(refusal('submit', 'returned', false)).toBeNull();
    expect(refusal('approve', 'submitted', false)).toBeNull();
    expect(next('approve')).toBe('approved');
  });

  it('explains every refused step', () => {
    expect(refusal('edit', 'approved', false)).toMatch(/approved/);
    expect(refusal('edit', 'submitted', false)).toMatch(/waits for review/);
    expect(refusal('approve', 'draft', false)).toMatch(/Only a submitted report/);
    expect(refusal('submit', null, false)).toMatch(/no report/);
  });

  it('freezes everything in a locked period', () => {
    const actions: ReportAction[] = ['edit', 'submit', 'approve', 'return'];
    for (const action of actions) {
      for (const status of [...REPORT_STATUSES, null]) {
        expect(refusal(action, status, true)).toMatch(/locked/);
      }
    }
  });
});

describe('what counts as due in a period', () => {
  const q1 = ['2027-01-01', '2027-03-31'] as const;
  it('counts items whose last day due falls within the period, and continuous ones', () => {
    expect(dueWithin('2027-02-15', ...q1)).toBe(true);
    expect(dueWithin('2027-03', ...q1)).toBe(true);
    expect(dueWithin('2027-Q1', ...q1)).toBe(true);
    expect(dueWithin('continuous', ...q1)).toBe(true);
  });
  it('does not count items due before or after it, or without a due date', () => {
    expect(dueWithin('2026-12-31', ...q1)).toBe(false);
    expect(dueWithin('2027-Q2', ...q1)).toBe(false);
    expect(dueWithin('2027-04-01', ...q1)).toBe(false);
    expect(dueWithin(null, ...q1)).toBe(false);
    expect(dueWithin('someday', ...q1)).toBe(false);
  });
  it('knows a period that has not begun', () => {
    expect(periodNotBegun('2027-01-01', '2026-12-07')).toBe(true);
    expect(periodNotBegun('2026-10-01', '2026-12-07')).toBe(false);
    expect(periodNotBegun('2026-12-07', '2026-12-07')).toBe(false);
  });
});

describe('which progress wins: the approved report or a hand edit', () => {
  const approved = { progress: 60, periodTitle: 'Q1 2027', approvedAt: '2027-03-03T10:00:00.000Z' };
  it('takes the approved report’s progress while nobody changed it afterwards', () => {
    expect(progressSource(60, approved, { at: approved.approvedAt, by: 'Coordinator' })).toEqual({
      kind: 'report',
      periodTitle: 'Q1 2027',
      approvedAt: approved.approvedAt,
    });
    expect(progressSource(60, approved, null).kind).toBe('report');
  });
  it('says "entered by hand" after a later hand edit, naming who', () => {
    expect(progressSource(70, approved, { at: '2027-03-04T08:00:00.000Z', by: 'Ana' })).toEqual({
      kind: 'hand',
      by: 'Ana',
      at: '2027-03-04T08:00:00.000Z',
    });
  });
  it('says "entered by hand" when the value was set again after the approval, or no report gave one', () => {
    expect(progressSource(60, approved, { at: '2027-03-05T00:00:00.000Z', by: 'Ana' }).kind).toBe(
      'hand',
    );
    expect(progressSource(40, null, { at: '2027-01-01T00:00:00.000Z', by: null }).kind).toBe(
      'hand',
    );
    expect(progressSource(null, approved, null)).toEqual({ kind: 'none' });
  });
});
