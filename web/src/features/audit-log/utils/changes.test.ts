import { describe, expect, it } from 'vitest';
import { changedFields, fieldChanges, isLongText, readableJson, textDiff } from './changes.js';

describe('the changes an audit entry records', () => {
  it('are the fields whose values differ, nested values compared whole', () => {
    expect(
      changedFields(
        { role: 'viewer', clearances: { NATO: 1, RS: 1 }, email: 'a@b.rs' },
        { role: 'editor', clearances: { NATO: 1, RS: 2 }, email: 'a@b.rs' },
      ),
    ).toEqual(['role', 'clearances']);
  });

  it('are every field of a record that was created or deleted', () => {
    expect(changedFields(null, { email: 'a@b.rs', role: 'viewer' })).toEqual(['email', 'role']);
    expect(changedFields({ name: 'x' }, null)).toEqual(['name']);
  });

  it('are none when nothing was recorded', () => {
    expect(changedFields(null, undefined)).toEqual([]);
    expect(fieldChanges(null, undefined)).toEqual([]);
  });

  it('are shown as indented JSON, with nothing recorded as null', () => {
    expect(readableJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(readableJson(null)).toBeNull();
  });
});

describe('the diff view of an entry', () => {
  it('pairs each changed field’s value before and after, leaving out the bookkeeping', () => {
    expect(
      fieldChanges(
        { status: 'ongoing', version: 3, updatedAt: '2026-01-01', dueOn: '2026-12-31', code: '1' },
        { status: 'implemented', version: 4, updatedAt: '2026-02-01', dueOn: null, code: '1' },
      ),
    ).toEqual([
      { field: 'status', before: 'ongoing', after: 'implemented' },
      { field: 'dueOn', before: '2026-12-31', after: null },
    ]);
  });

  it('shows a creation as every field going from nothing to its value', () => {
    expect(fieldChanges(null, { title: { en: 'Plan' }, version: 1 })).toEqual([
      { field: 'title', before: null, after: { en: 'Plan' } },
    ]);
  });

  it('keeps the bookkeeping when it is the only change', () => {
    expect(fieldChanges({ version: 1 }, { version: 2 })).toEqual([
      { field: 'version', before: 1, after: 2 },
    ]);
  });

  it('shows a snapshot that is not a record as one change', () => {
    expect(fieldChanges(null, ['a', 'b'])).toEqual([
      { field: '', before: null, after: ['a', 'b'] },
    ]);
  });

  it('compares long text word by word', () => {
    expect(
      textDiff('Training of 12 officers in Brussels', 'Training of 14 officers in Mons'),
    ).toEqual([
      { kind: 'same', text: 'Training of ' },
      { kind: 'removed', text: '12' },
      { kind: 'added', text: '14' },
      { kind: 'same', text: ' officers in ' },
      { kind: 'removed', text: 'Brussels' },
      { kind: 'added', text: 'Mons' },
    ]);
    expect(textDiff('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(isLongText('short')).toBe(false);
    expect(isLongText('line one\nline two')).toBe(true);
  });

  it('gives up word matching on huge texts, showing them removed and added whole', () => {
    const big = Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ');
    const parts = textDiff(big, `${big} end`);
    expect(parts).toEqual([
      { kind: 'removed', text: big },
      { kind: 'added', text: `${big} end` },
    ]);
  });
});
