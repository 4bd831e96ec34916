import { describe, expect, it } from 'vitest';
import { paths, safeReturnPath } from './paths.js';

describe('the address to return to after signing in', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeReturnPath('/admin/users?q=ana&page=2')).toBe('/admin/users?q=ana&page=2');
    expect(safeReturnPath('/account#change-password')).toBe('/account#change-password');
  });

  it.each([
    ['nothing', null],
    ['an empty value', ''],
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example'],
    ['a backslash trick', '/\\evil.example'],
    ['a tab that browsers strip', '/\t/evil.example'],
    ['a new line', '/\n/evil.example'],
    ['a relative path', 'admin/users'],
    ['a javascript: address', 'javascript:alert(1)'],
  ])('falls back to the overview for %s', (_, value) => {
    expect(safeReturnPath(value)).toBe(paths.overview);
  });

  it('never returns to the sign-in page itself', () => {
    expect(safeReturnPath('/sign-in?next=%2Faccount')).toBe(paths.overview);
  });

  it('builds sign-in links that carry the return path', () => {
    expect(paths.signInThen('/admin/users?q=a b')).toBe(
      '/sign-in?next=%2Fadmin%2Fusers%3Fq%3Da%20b',
    );
  });
});
