import { describe, expect, it } from 'vitest';
import { next, refusal, REPORT_STATUSES, type ReportAction } from './report-workflow.js';

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
