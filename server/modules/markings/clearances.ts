/**
 * Clearances are rows of `user_clearances` (user, marking policy, rank): one per policy the user is
 * cleared in, whatever policies the deployment's marking tables hold. Clients name levels by code;
 * ranks are looked up in the marking tables.
 */
import type { Kysely } from 'kysely';
import type { ClearanceInput } from '../../../core/schemas/user.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { DEPLOYMENT_MAX_RANK } from '../shared/records.js';

type Reader = Kysely<Database> | Trx;

export interface Clearance {
  policy: string;
  level: string;
  rank: number;
}

/** Checks each {policy, level} against the marking tables; 422 naming the first unknown one. */
export async function resolveClearances(
  db: Reader,
  list: readonly ClearanceInput[],
): Promise<Clearance[]> {
  if (list.length === 0) return [];
  const levels = await db
    .selectFrom('marking_levels')
    .select(['policy_code', 'code', 'rank'])
    .where(
      'policy_code',
      'in',
      list.map((c) => c.policy),
    )
    .execute();
  return list.map((c, i) => {
    const found = levels.find((l) => l.policy_code === c.policy && l.code === c.level);
    if (!found) {
      const known = levels.some((l) => l.policy_code === c.policy);
      throw errors.unprocessable(
        known
          ? `The marking ${c.policy} has no level ${c.level}.`
          : `There is no marking policy ${c.policy}; see GET /api/v1/marking-levels.`,
        { field: `clearances.${i}.${known ? 'level' : 'policy'}` },
      );
    }
    return { policy: c.policy, level: c.level, rank: found.rank };
  });
}

/**
 * The clearances a new account gets when none are given: in every marking policy, its highest
 * marked level the deployment may hold (NATO UNCLASSIFIED, the national "official use" level…).
 */
export async function defaultClearances(db: Reader): Promise<Clearance[]> {
  const levels = await db
    .selectFrom('marking_levels')
    .select(['policy_code', 'code', 'rank'])
    .where('rank', '>', 0)
    .where('rank', '<=', DEPLOYMENT_MAX_RANK)
    .orderBy('policy_code')
    .orderBy('rank', 'desc')
    .orderBy('code')
    .execute();
  const best = new Map<string, Clearance>();
  for (const l of levels) {
    if (!best.has(l.policy_code))
      best.set(l.policy_code, { policy: l.policy_code, level: l.code, rank: l.rank });
  }
  return [...best.values()];
}

/** Replaces a user's clearances. */
export async function setClearances(trx: Trx, userId: string, list: readonly Clearance[]) {
  await trx.deleteFrom('user_clearances').where('user_id', '=', userId).execute();
  const rows = list
    .filter((c) => c.rank > 0)
    .map((c) => ({ user_id: userId, policy_code: c.policy, rank: c.rank }));
  if (rows.length) await trx.insertInto('user_clearances').values(rows).execute();
}

/**
 * Users' clearances as {policy, level, rank}, in the marking tables' policy order. The level shown
 * is the policy's level at that rank.
 */
export async function clearancesByUser(
  db: Reader,
  userIds: readonly string[],
): Promise<Map<string, Clearance[]>> {
  const map = new Map<string, Clearance[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_clearances as c')
    .innerJoin('marking_policies as p', 'p.code', 'c.policy_code')
    .innerJoin('marking_levels as l', (join) =>
      join.onRef('l.policy_code', '=', 'c.policy_code').onRef('l.rank', '=', 'c.rank'),
    )
    .select(['c.user_id', 'c.policy_code', 'c.rank', 'l.code'])
    .where('c.user_id', 'in', [...userIds])
    .orderBy('p.position')
    .orderBy('l.code')
    .execute();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    if (list.some((c) => c.policy === r.policy_code)) continue;
    list.push({ policy: r.policy_code, level: r.code, rank: r.rank });
    map.set(r.user_id, list);
  }
  return map;
}
