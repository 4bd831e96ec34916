/** Client-side checks that mirror the server's (core/schemas/comment.ts), for instant feedback. */
import { COMMENT_MAX_LENGTH } from '../../../../../core/schemas/comment.js';

export { COMMENT_MAX_LENGTH };

/** The text as the server will store it: Windows line ends folded, outer blank space trimmed. */
export function normaliseCommentText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** Why the text cannot be posted yet, or null when it can. */
export function commentTextProblem(value: string): 'empty' | 'tooLong' | null {
  const text = normaliseCommentText(value);
  if (text.length === 0) return 'empty';
  if (text.length > COMMENT_MAX_LENGTH) return 'tooLong';
  return null;
}

/** Is this key press the "post now" shortcut (Ctrl+Enter, or Cmd+Enter on a Mac)? */
export function isSubmitShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean }) {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** Do two security labels say the same thing? (A comment's badge shows only when it differs.) */
export function sameLabel(
  a: { policy: string; level: string; releasableTo: string[] },
  b: { policy: string; level: string; releasableTo: string[] },
): boolean {
  return (
    a.policy === b.policy &&
    a.level === b.level &&
    [...a.releasableTo].sort().join(',') === [...b.releasableTo].sort().join(',')
  );
}
