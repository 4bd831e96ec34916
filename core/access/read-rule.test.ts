import { describe, expect, it } from 'vitest';
import { mayRead, type LabelledRecord, type Reader } from './read-rule.js';

const ministry = 'org-mod';
const reader: Reader = {
  nation: 'RS',
  clearances: { NATO: 1, RS: 1 },
  organisationIds: [ministry],
  grantedIds: new Set(),
};
const record = (over: Partial<LabelledRecord>): LabelledRecord => ({
  id: 'r1',
  policy: 'NATO',
  rank: 1,
  releasableTo: ['RS', 'NATO'],
  originatorId: null,
  ...over,
});

describe('the read rule', () => {
  it('shows anonymous visitors only public records released to the public', () => {
    expect(mayRead(null, record({ policy: 'NONE', rank: 0, releasableTo: ['PUBLIC'] }))).toBe(true);
    expect(mayRead(null, record({ rank: 1, releasableTo: ['PUBLIC'] }))).toBe(false);
    expect(mayRead(null, record({ policy: 'NONE', rank: 0, releasableTo: ['RS'] }))).toBe(false);
  });

  it('needs clearance in the record’s own marking policy', () => {
    expect(mayRead(reader, record({ rank: 1 }))).toBe(true);
    expect(mayRead(reader, record({ rank: 2 }))).toBe(false);
    expect(mayRead({ ...reader, clearances: { NATO: 0, RS: 4 } }, record({ rank: 1 }))).toBe(false);
    expect(
      mayRead({ ...reader, clearances: { NATO: 0, RS: 4 } }, record({ policy: 'RS', rank: 3 })),
    ).toBe(true);
  });

  it('needs the record to be releasable to the reader’s nation, unless the reader works in the originator', () => {
    expect(mayRead({ ...reader, nation: 'HU' }, record({}))).toBe(false);
    expect(mayRead({ ...reader, nation: 'NATO' }, record({}))).toBe(true);
    expect(mayRead({ ...reader, nation: 'HU' }, record({ originatorId: ministry }))).toBe(true);
  });

  it('needs need-to-know for a record owned by another organisation: membership or a grant', () => {
    const owned = record({ originatorId: 'org-mfa' });
    expect(mayRead(reader, owned)).toBe(false);
    expect(mayRead({ ...reader, grantedIds: new Set(['r1']) }, owned)).toBe(true);
    expect(mayRead({ ...reader, organisationIds: ['org-mfa'] }, owned)).toBe(true);
  });

  it('counts a grant on a covering record (a plan for its items) as need-to-know, but not clearance', () => {
    const item = record({ originatorId: 'org-mfa', grantedThrough: ['plan-1'] });
    expect(mayRead(reader, item)).toBe(false);
    expect(mayRead({ ...reader, grantedIds: new Set(['plan-1']) }, item)).toBe(true);
    expect(mayRead({ ...reader, grantedIds: new Set(['plan-2']) }, item)).toBe(false);
    expect(mayRead({ ...reader, grantedIds: new Set(['plan-1']) }, { ...item, rank: 2 })).toBe(
      false,
    );
  });

  it('treats public records as known to all who are cleared', () => {
    expect(
      mayRead(
        reader,
        record({ policy: 'NATO', rank: 0, releasableTo: ['PUBLIC'], originatorId: 'org-mfa' }),
      ),
    ).toBe(true);
  });
});
