import { describe, expect, it } from 'vitest';
import {
  commentTextProblem,
  isSubmitShortcut,
  normaliseCommentText,
  sameLabel,
} from './comment-text.js';

describe('comment text', () => {
  it('folds Windows line ends and trims, keeping inner line breaks', () => {
    expect(normaliseCommentText('  one\r\ntwo\rthree \n')).toBe('one\ntwo\nthree');
  });

  it('says why a text cannot be posted: empty, or over 8000 characters after trimming', () => {
    expect(commentTextProblem(' \n\t ')).toBe('empty');
    expect(commentTextProblem(`  ${'x'.repeat(8000)}  `)).toBeNull();
    expect(commentTextProblem('x'.repeat(8001))).toBe('tooLong');
  });

  it('posts on Ctrl+Enter or Cmd+Enter only', () => {
    expect(isSubmitShortcut({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSubmitShortcut({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSubmitShortcut({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSubmitShortcut({ key: 'a', ctrlKey: true, metaKey: false })).toBe(false);
  });

  it('compares labels whatever the order of the releasable-to list', () => {
    const a = { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['RS', 'NATO'] };
    expect(sameLabel(a, { ...a, releasableTo: ['NATO', 'RS'] })).toBe(true);
    expect(sameLabel(a, { ...a, level: 'PUBLIC' })).toBe(false);
  });
});
