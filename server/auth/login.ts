/**
 * Sign-in: password, then the TOTP code when the account has two-factor sign-in on. Wrong passwords
 * and wrong codes count towards the lockout alike, and every refusal is audited with its reason.
 */
import type { ActionContext } from '../audit/context.js';
import type { UserRow } from '../db/schema.js';
import { AppError, errors } from '../errors.js';
import type { Deps } from '../modules/shared/deps.js';
import { verifyPassword } from './passwords.js';
import { actorOf, startSession } from './sessions.js';
import { verifyTotp } from './totp.js';

const LOCKOUT_AFTER = 5;
const LOCKOUT_MINUTES = 15;
export const GENERIC_FAILURE = 'The e-mail address or password is not right.';
export const TOTP_REQUIRED_MESSAGE = 'Enter the 6-digit code from your authenticator app.';

/**
 * The password was right and the account wants its second factor. Kept beside the sign-in rather
 * than in the catalogue: no other route answers it.
 */
export function totpRequired(): AppError {
  return new AppError(401, 'totp_required', TOTP_REQUIRED_MESSAGE);
}

export interface Credentials {
  email: string;
  password: string;
  totp?: string | undefined;
}

type FailureReason = 'unknown_email' | 'locked' | 'disabled' | 'bad_password' | 'bad_totp';

/** Signs a user in; returns the raw session token for the cookie, or throws a 401. */
export function loginService({ db, audit, config }: Deps) {
  /** Counts a failure towards the lockout (unless already locked) and audits it. */
  async function refuse(
    ctx: ActionContext,
    email: string,
    user: UserRow | undefined,
    reason: FailureReason,
    now: Date,
  ): Promise<never> {
    await db.write(async (trx) => {
      if (user && reason !== 'locked') {
        // Counted in the database (failed_logins + 1), not from the row read before the password
        // check: failures racing in parallel each count, so a burst still locks the account.
        const counted = await trx
          .updateTable('users')
          .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
          .where('id', '=', user.id)
          .returning('failed_logins')
          .executeTakeFirst();
        if (counted && counted.failed_logins >= LOCKOUT_AFTER) {
          await trx
            .updateTable('users')
            .set({
              failed_logins: 0,
              locked_until: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString(),
            })
            .where('id', '=', user.id)
            .execute();
        }
      }
      await audit.record(trx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id,
        after: { email, reason },
      });
    });
    throw errors.unauthenticated(GENERIC_FAILURE);
  }

  return {
    async signIn(
      ctx: ActionContext,
      credentials: Credentials,
      userAgent: string | null,
    ): Promise<string> {
      const email = credentials.email.toLowerCase();
      const user = await db.kysely
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      const now = new Date();
      const locked = Boolean(user?.locked_until && user.locked_until > now.toISOString());
      const passwordRight = await verifyPassword(user?.password_hash, credentials.password);
      if (!user) return refuse(ctx, email, user, 'unknown_email', now);
      if (locked) return refuse(ctx, email, user, 'locked', now);
      if (!passwordRight) return refuse(ctx, email, user, 'bad_password', now);
      if (user.disabled) return refuse(ctx, email, user, 'disabled', now);

      let step: number | null = null;
      if (user.totp_enabled) {
        if (!credentials.totp) throw totpRequired();
        step = user.totp_secret
          ? verifyTotp(user.totp_secret, credentials.totp, now, user.totp_last_step)
          : null;
        if (step === null) return refuse(ctx, email, user, 'bad_totp', now);
      }

      const token = await db.write(async (trx) => {
        if (step !== null) {
          // Claim the step: of two sign-ins racing with one code, only one gets through.
          const claimed = await trx
            .updateTable('users')
            .set({ totp_last_step: step })
            .where('id', '=', user.id)
            .where((eb) =>
              eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]),
            )
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) !== 1) return null;
        }
        await trx
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: null })
          .where('id', '=', user.id)
          .execute();
        const started = await startSession(trx, user.id, config.session, {
          ip: ctx.ip,
          userAgent,
        });
        await audit.record(
          trx,
          { ...ctx, actor: actorOf(user) },
          {
            action: 'auth.login',
            entityType: 'user',
            entityId: user.id,
            after: step === null ? undefined : { secondFactor: 'totp' },
          },
        );
        return started.token;
      });
      return token ?? refuse(ctx, email, user, 'bad_totp', now);
    },
  };
}
