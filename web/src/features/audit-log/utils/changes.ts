/** Reading an audit entry's before and after states side by side. */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/** JSON with two-space indentation; null and undefined are "nothing recorded" (null). */
export function readableJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, null, 2);
}
