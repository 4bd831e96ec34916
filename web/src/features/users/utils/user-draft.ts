/**
 * The account form's values, checked the way the server checks them (core/schemas/user.ts), and
 * the server's refusals mapped back onto the form's fields.
 */
import type { TFunction } from 'i18next';
import { ROLES, type Role } from '../../../../../core/domain/roles.js';
import type { ClearanceInput, User, UserUpdate } from '../../../../../core/schemas/user.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';

export interface UserDraft {
  email: string;
  displayName: string;
  role: Role;
  /** Blank when creating: the deployment's partner nation. */
  nation: string;
  /**
   * The level code held per marking policy ('' = public information only). Empty when creating
   * and untouched: the deployment's default clearances.
   */
  clearances: Record<string, string>;
  organisationIds: string[];
}

export type UserField = keyof UserDraft;
export type UserDraftErrors = Partial<Record<UserField, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NATION = /^([A-Z]{2}|NATO|PFP|EAPC|PUBLIC)$/;
export const MAX_ORGANISATIONS = 50;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Checks a draft; `withEmail` is false when editing, since the e-mail cannot change. */
export function validateUserDraft(draft: UserDraft, t: TFunction, withEmail = true) {
  const errors: UserDraftErrors = {};
  if (withEmail) {
    const email = draft.email.trim();
    if (!email) errors.email = t('admin.users.errors.emailRequired');
    else if (!EMAIL.test(email) || email.length > 320)
      errors.email = t('admin.users.errors.emailInvalid');
  }
  const name = draft.displayName.trim();
  if (!name) errors.displayName = t('admin.users.errors.nameRequired');
  else if (name.length > 200) errors.displayName = t('admin.users.errors.nameTooLong');
  // Creating, a blank nation means the deployment's partner nation.
  const nation = draft.nation.trim();
  if (!(withEmail && nation === '') && !NATION.test(nation))
    errors.nation = t('admin.users.errors.nationInvalid', {
      example: 'US',
      blocs: 'NATO, PFP, EAPC',
    });
  if (draft.organisationIds.length > MAX_ORGANISATIONS)
    errors.organisationIds = t('admin.users.errors.tooManyOrganisations', {
      max: MAX_ORGANISATIONS,
    });
  return errors;
}

const FIELDS: readonly UserField[] = [
  'email',
  'displayName',
  'role',
  'nation',
  'clearances',
  'organisationIds',
];

function asField(value: unknown): UserField | null {
  if (typeof value !== 'string') return null;
  const head = value.split('.')[0];
  return (FIELDS as readonly string[]).includes(head ?? '') ? (head as UserField) : null;
}

/**
 * A refused save as field errors plus, when it concerns no single field, one message for the
 * whole form. Conflicts the server explains (a taken e-mail, the last administrator) get words
 * of their own.
 */
export function userSaveErrors(
  error: unknown,
  t: TFunction,
): { fields: UserDraftErrors; form: string | null } {
  if (!isApiError(error)) return { fields: {}, form: errorMessage(error, t) };
  if (error.status === 409) {
    if (/already exists/i.test(error.message))
      return { fields: { email: t('admin.users.errors.emailTaken') }, form: null };
    if (/last active administrator/i.test(error.message))
      return { fields: {}, form: t('admin.users.errors.lastAdministrator') };
    return { fields: {}, form: error.message };
  }
  const details = error.details as
    { field?: unknown; issues?: { field?: unknown; message?: unknown }[] } | undefined;
  if (error.status === 422) {
    const field = asField(details?.field);
    if (field === 'organisationIds')
      return {
        fields: { organisationIds: t('admin.users.errors.organisationMissing') },
        form: null,
      };
    if (field) return { fields: { [field]: error.message }, form: null };
  }
  if (error.status === 400 && Array.isArray(details?.issues)) {
    const fields: UserDraftErrors = {};
    for (const issue of details.issues) {
      const field = asField(issue.field);
      if (field && !fields[field])
        fields[field] = typeof issue.message === 'string' ? issue.message : error.message;
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  return { fields: {}, form: errorMessage(error, t) };
}

/** The form's starting values for an existing account. */
export function draftOf(user: User): UserDraft {
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    nation: user.nation,
    clearances: Object.fromEntries(user.clearances.map((c) => [c.policy, c.level])),
    organisationIds: [...user.organisationIds],
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Only what the administrator changed goes to the server. */
export function changesBetween(user: User, draft: UserDraft): UserUpdate {
  const changes: UserUpdate = {};
  if (draft.displayName.trim() !== user.displayName) changes.displayName = draft.displayName.trim();
  if (draft.role !== user.role) changes.role = draft.role;
  if (draft.nation.trim() !== user.nation) changes.nation = draft.nation.trim();
  const held = clearanceList(draftOf(user).clearances);
  const wanted = clearanceList(draft.clearances);
  const key = (list: ClearanceInput[]) =>
    list
      .map((c) => `${c.policy}:${c.level}`)
      .sort()
      .join(',');
  if (key(held) !== key(wanted)) changes.clearances = wanted;
  if (!sameSet(draft.organisationIds, user.organisationIds))
    changes.organisationIds = [...draft.organisationIds];
  return changes;
}

/** The clearances the API takes: one {policy, level} per policy held above public information. */
export function clearanceList(clearances: Record<string, string>): ClearanceInput[] {
  return Object.entries(clearances)
    .filter(([, level]) => level !== '')
    .map(([policy, level]) => ({ policy, level }));
}
