/**
 * Turning the TOTP second factor on and off. Set-up stores a pending secret; only a code from the
 * user's app turns it on, so nobody is locked out by a secret their app never received.
 */
import type { ActionContext, Actor } from '../audit/context.js';
import { errors } from '../errors.js';
import type { Deps } from '../modules/shared/deps.js';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.js';

type SignedIn = ActionContext & { actor: Actor };

const ALREADY_ON =
  'Two-factor sign-in is already on. Turn it off first if you want to move it to another device.';

/** Set-up, enabling and disabling of two-factor sign-in for the signed-in user. */
export function twoFactorService({ db, audit }: Deps) {
  return {
    /** Stores a new pending secret (replacing an earlier pending one) and returns it for the app. */
    async setup(ctx: SignedIn) {
      const secret = newTotpSecret();
      await db.write(async (trx) => {
        const done = await trx
          .updateTable('users')
          .set({ totp_secret: secret, totp_last_step: null })
          .where('id', '=', ctx.actor.id)
          .where('totp_enabled', '=', 0)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.conflict(ALREADY_ON);
        await audit.record(trx, ctx, {
          action: 'auth.totp_setup',
          entityType: 'user',
          entityId: ctx.actor.id,
        });
      });
      return { secret, otpauthUri: otpauthUri(secret, ctx.actor.email) };
    },

    /** Turns two-factor sign-in on when the code proves the app holds the pending secret. */
    async enable(ctx: SignedIn, code: string): Promise<void> {
      await db.write(async (trx) => {
        const user = await trx
          .selectFrom('users')
          .select(['totp_secret', 'totp_enabled'])
          .where('id', '=', ctx.actor.id)
          .executeTakeFirstOrThrow();
        if (user.totp_enabled) throw errors.conflict(ALREADY_ON);
        if (!user.totp_secret)
          throw errors.conflict(
            'Start with POST /api/v1/auth/totp/setup and add the secret to your authenticator app.',
          );
        const step = verifyTotp(user.totp_secret, code);
        if (step === null)
          throw errors.unprocessable(
            'The code is not right. Check that your device’s clock is correct and enter the current code.',
            { field: 'code' },
          );
        const enabled = await trx
          .updateTable('users')
          // The code just used may not sign anyone in: it has been seen here.
          .set({ totp_enabled: 1, totp_last_step: step, updated_at: new Date().toISOString() })
          .where('id', '=', ctx.actor.id)
          // Compare-and-set: of two confirmations at once, one switches it on.
          .where('totp_enabled', '=', 0)
          .executeTakeFirst();
        if (Number(enabled.numUpdatedRows) !== 1) throw errors.conflict(ALREADY_ON);
        await audit.record(trx, ctx, {
          action: 'auth.totp_enable',
          entityType: 'user',
          entityId: ctx.actor.id,
        });
      });
    },

    /**
     * Turns two-factor sign-in off (and drops any pending secret). The route confirms the password
     * first (a credential route: credentials.ts), outside the transaction, as argon2 is slow.
     */
    async disable(ctx: SignedIn): Promise<void> {
      await db.write(async (trx) => {
        const before = await trx
          .selectFrom('users')
          .select('totp_enabled')
          .where('id', '=', ctx.actor.id)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('users')
          .set({
            totp_secret: null,
            totp_enabled: 0,
            totp_last_step: null,
            updated_at: new Date().toISOString(),
          })
          .where('id', '=', ctx.actor.id)
          .execute();
        await audit.record(trx, ctx, {
          action: 'auth.totp_disable',
          entityType: 'user',
          entityId: ctx.actor.id,
          before: { totpEnabled: Boolean(before.totp_enabled) },
        });
      });
    },
  };
}
