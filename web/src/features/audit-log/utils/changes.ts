/** Reading an audit entry's before and after states side by side. */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fields every snapshot carries that say nothing about the change itself: the version counter,
 * timestamps the entry already has, and the permissions the writer happened to hold.
 */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'abilities',
]);

/**
 * The top-level fields whose values differ between the two states, in a stable order. When one
 * side is missing (a creation, a deletion) every field of the other side counts as changed.
 */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  if (!isRecord(before) && !isRecord(after)) return [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * What changed, field by field, bookkeeping left out (unless it is all there is). A snapshot that
 * is not an object (a list, a number) is one change of the field ''.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null || before === undefined) {
      if (after === null || after === undefined) return [];
    }
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ field: '', before: before ?? null, after: after ?? null }];
  }
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const all = changedFields(before, after).map((field) => ({
    field,
    before: a[field] ?? null,
    after: b[field] ?? null,
  }));
  const meaningful = all.filter((c) => !BOOKKEEPING_FIELDS.has(c.field));
  return meaningful.length > 0 ? meaningful : all;
}

/** JSON with two-space indentation; null and undefined are "nothing recorded" (null). */
export function readableJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, null, 2);
}

/** Text long enough to be compared word by word rather than shown whole twice. */
export function isLongText(value: unknown): value is string {
  return typeof value === 'string' && (value.length > 80 || value.includes('\n'));
}

export interface TextPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many word pairs the comparison is not worth its cost: shown as removed + added. */
const MAX_CELLS = 250_000;

/**
 * A word-by-word difference of two texts (the longest common subsequence of words and the
 * spaces between them), with neighbouring parts of the same kind joined.
 */
export function textDiff(before: string, after: string): TextPart[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  const parts: TextPart[] = [];
  const push = (kind: TextPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (a.length * b.length > MAX_CELLS) {
    if (before) push('removed', before);
    if (after) push('added', after);
    return parts;
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}
