import { describe, expect, it } from 'vitest';
import { changedFields, readableJson } from './changes.js';

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
  });

  it('are shown as indented JSON, with nothing recorded as null', () => {
    expect(readableJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(readableJson(null)).toBeNull();
  });
});
