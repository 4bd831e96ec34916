/**
 * The audit log in words: every action, record type and field the server records has a name in
 * each language (locales/<lang>/auditLog.json). The lists offered in the filters come from the
 * English file, which vocabulary.test.ts holds equal to what the server's source writes.
 */
import type { TFunction } from 'i18next';
import words from '../../../locales/en/auditLog.json' with { type: 'json' };

/** Every action the server records, e.g. "plan_item.update", grouped by what comes before the dot. */
export const AUDIT_ACTION_GROUPS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(words.actions).map(([group, verbs]) => [
    group,
    Object.keys(verbs).map((verb) => `${group}.${verb}`),
  ]),
);

export const AUDIT_ACTIONS: readonly string[] = Object.values(AUDIT_ACTION_GROUPS).flat();

/** Every kind of record the log names. */
export const AUDIT_RECORD_TYPES: readonly string[] = Object.keys(words.recordTypes);

/** A key looked up at run time: the typed `t` only knows keys written out in the code. */
function lookUp(t: TFunction, key: string, fallback: string): string {
  const translate = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return translate(key, { defaultValue: fallback });
}

/** "leadOrganisationId" → "Lead organisation id": a name for a field nobody has named yet. */
export function humanise(key: string): string {
  const spaced = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** An action in words, e.g. "Item changed"; an action nobody has named yet is shown as written. */
export function actionWords(t: TFunction, action: string): string {
  return lookUp(t, `auditLog.actions.${action}`, action);
}

/** What an action family ("plan_item.") is about, e.g. "Plan items". */
export function actionGroupWords(t: TFunction, group: string): string {
  return lookUp(t, `auditLog.actionGroups.${group}`, group);
}

export function recordTypeWords(t: TFunction, type: string): string {
  return lookUp(t, `auditLog.recordTypes.${type}`, humanise(type));
}

export function fieldWords(t: TFunction, field: string): string {
  return lookUp(t, `auditLog.fields.${field}`, humanise(field));
}
