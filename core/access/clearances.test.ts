/** The read rule's clearance step with clearances as data: any policy code, one rank each. */
import { describe, expect, it } from 'vitest';
import { mayRead, type LabelledRecord, type Reader } from './read-rule.js';

const reader = (clearances: Record<string, number>): Reader => ({
  nation: 'XR',
  clearances,
  organisationIds: [],
  grantedIds: new Set(),
});

const record = (policy: string, rank: number): LabelledRecord => ({
  id: `${policy}-${rank}`,
  policy,
  rank,
  releasableTo: ['XR'],
  originatorId: null,
});

describe('clearance per marking policy', () => {
  it('reads a policy up to the rank held in it, whatever the policy is called', () => {
    const r = reader({ XR: 2, NATO: 1 });
    expect(mayRead(r, record('XR', 2))).toBe(true);
    expect(mayRead(r, record('XR', 3))).toBe(false);
    expect(mayRead(r, record('NATO', 1))).toBe(true);
    expect(mayRead(r, record('NATO', 2))).toBe(false);
  });

  it('reads rank 0 of any policy, and nothing above it in a policy not held', () => {
    const r = reader({ NATO: 3 });
    expect(mayRead(r, record('ZZ', 0))).toBe(true);
    expect(mayRead(r, record('ZZ', 1))).toBe(false);
    expect(mayRead(reader({}), record('NATO', 1))).toBe(false);
  });

  it('is not fooled by policy codes that name properties every object has', () => {
    const r = reader({});
    for (const policy of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(mayRead(r, record(policy, 1))).toBe(false);
  });
});
