/** Test helper: set one user's clearance in one marking policy (a user_clearances row). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Sets (rank > 0) or removes (rank 0) the user's clearance in the policy; by id or e-mail. */
export async function setClearance(
  db: Kysely<Database>,
  user: { id: string } | { email: string },
  policy: string,
  rank: number,
): Promise<void> {
  const userId =
    'id' in user
      ? user.id
      : (
          await db
            .selectFrom('users')
            .select('id')
            .where('email', '=', user.email)
            .executeTakeFirstOrThrow()
        ).id;
  await db
    .deleteFrom('user_clearances')
    .where('user_id', '=', userId)
    .where('policy_code', '=', policy)
    .execute();
  if (rank > 0) {
    await db
      .insertInto('user_clearances')
      .values({ user_id: userId, policy_code: policy, rank })
      .execute();
  }
}
