/** Creating accounts: the first administrator on an empty database, and the CLI's `user create`. */
import type { Role } from '../../core/domain/roles.js';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ActionContext } from '../audit/context.js';
import type { Db } from '../db/database.js';
import { errors } from '../errors.js';
import type { ClearanceInput } from '../../core/schemas/user.js';
import {
  defaultClearances,
  resolveClearances,
  setClearances,
} from '../modules/markings/clearances.js';
import { deploymentSettings } from '../modules/markings/deployment.js';
import { checkNewPassword } from './password-policy.js';
import { hashPassword, oneTimePassword, PASSWORD_RULE } from './passwords.js';

export interface NewUser {
  email: string;
  displayName?: string;
  role: Role;
  password: string;
  mustChangePassword?: boolean;
  /** Omitted: the deployment's partner nation (deployment settings). */
  nation?: string;
  /** Highest level per marking policy; omitted: each policy's highest level the deployment holds. */
  clearances?: readonly ClearanceInput[];
}

/** Creates a user account and audits it; a chosen password must meet the password policy. */
export async function createUser(
  db: Db,
  audit: AuditLog,
  input: NewUser,
  /** Who creates the account (an administrator); none for the CLI and the first start. */
  ctx: ActionContext = { actor: null, ip: null },
) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw errors.badRequest('The e-mail address is not valid.');
  if (input.mustChangePassword) {
    // A one-time password the system generated: random, so its length is all there is to check.
    if (input.password.length < PASSWORD_RULE.min)
      throw errors.unprocessable(`The password needs at least ${PASSWORD_RULE.min} characters.`, {
        field: 'password',
      });
  } else {
    const refusal = checkNewPassword(input.password, { email, displayName: input.displayName });
    if (refusal) throw errors.unprocessable(refusal, { field: 'password' });
  }
  const passwordHash = await hashPassword(input.password);
  const now = new Date().toISOString();
  return db.write(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (existing) throw errors.conflict(`A user with the e-mail ${email} already exists.`);
    const clearances = input.clearances
      ? await resolveClearances(trx, input.clearances)
      : await defaultClearances(trx);
    const settings = input.nation ? null : await deploymentSettings(trx);
    const user = await trx
      .insertInto('users')
      .values({
        id: uuidv7(),
        version: 1,
        email,
        display_name: input.displayName ?? email.split('@')[0]!,
        password_hash: passwordHash,
        role: input.role,
        nation: input.nation ?? settings?.partnerNation ?? settings!.defaultOwner,
        organisation_id: null,
        locale: 'en',
        must_change_password: input.mustChangePassword ? 1 : 0,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'email', 'role', 'nation'])
      .executeTakeFirstOrThrow();
    await setClearances(trx, user.id, clearances);
    await audit.record(trx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      // The clearances given (or defaulted) are part of what an administrator decided.
      after: {
        email: user.email,
        role: user.role,
        nation: user.nation,
        clearances: clearances.map(({ policy, level }) => ({ policy, level })),
      },
    });
    return user;
  });
}

/**
 * On an empty user table, creates `admin@liaison.local` with a one-time password the caller prints
 * once; the administrator must change it at first sign-in. Returns null when users exist.
 */
export async function bootstrapAdministrator(db: Db, audit: AuditLog) {
  const any = await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const password = oneTimePassword();
  const user = await createUser(db, audit, {
    email: 'admin@liaison.local',
    displayName: 'Administrator',
    role: 'administrator',
    password,
    mustChangePassword: true,
  });
  return { email: user.email, password };
}
