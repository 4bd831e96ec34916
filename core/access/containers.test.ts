import { describe, expect, it } from 'vitest';
import { mayRead, mayReadWithin, type LabelledRecord, type Reader } from './read-rule.js';

const reader: Reader = {
  nation: 'XA',
  clearances: { NATO: 1 },
  organisationIds: ['org-own'],
  grantedIds: new Set(),
};
const label = (id: string, over: Partial<LabelledRecord> = {}): LabelledRecord => ({
  id,
  policy: 'NATO',
  rank: 1,
  releasableTo: ['XA', 'NATO'],
  originatorId: null,
  ...over,
});
const open = (id: string) => label(id, { policy: 'NONE', rank: 0, releasableTo: ['PUBLIC'] });

describe('the read rule with containers', () => {
  it('hides a public item inside a plan or under a parent the reader may not read', () => {
    const item = open('item');
    const hiddenPlan = label('plan', { originatorId: 'org-other' });
    expect(mayRead(reader, item)).toBe(true);
    expect(mayReadWithin(reader, item, [hiddenPlan])).toBe(false);
    expect(mayReadWithin(reader, item, [label('plan'), label('parent', { rank: 2 })])).toBe(false);
    expect(mayReadWithin(null, item, [open('plan'), label('parent')])).toBe(false);
    expect(mayReadWithin(null, item, [open('plan'), open('parent')])).toBe(true);
  });

  it('needs the record itself too, and reads a record without containers as the plain rule', () => {
    expect(mayReadWithin(reader, label('x', { rank: 2 }), [label('plan')])).toBe(false);
    expect(mayReadWithin(reader, label('x'), [])).toBe(mayRead(reader, label('x')));
  });

  it('lets a grant on the plan open the plan’s restricted items and parents alike', () => {
    const through = { originatorId: 'org-other', grantedThrough: ['plan'] };
    const parent = label('parent', through);
    const item = label('item', through);
    const plan = label('plan', { originatorId: 'org-other' });
    expect(mayReadWithin(reader, item, [plan, parent])).toBe(false);
    const granted = { ...reader, grantedIds: new Set(['plan']) };
    expect(mayReadWithin(granted, item, [plan, parent])).toBe(true);
    // A grant on the item alone does not open the parent above it.
    expect(mayReadWithin({ ...reader, grantedIds: new Set(['item']) }, item, [plan, parent])).toBe(
      false,
    );
  });
});
