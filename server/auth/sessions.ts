/** Database-backed sessions: any app instance can serve any request. Only token hashes are stored. */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clearances } from '../../core/access/read-rule.js';
import type { Role } from '../../core/domain/roles.js';
import type { Actor } from '../audit/context.js';
import type { Config } from '../config.js';
import type { Trx } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { randomToken } from './passwords.js';

export const SESSION_COOKIE = 'liaison_session';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a user may read beyond their row: memberships and clearances per marking policy. */
export interface UserAccess {
  organisationIds: string[];
  clearances: Clearances;
}

const NO_ACCESS: UserAccess = { organisationIds: [], clearances: {} };

/** The acting identity of a user row. */
export function actorOf(
  user: {
    id: string;
    email: string;
    display_name: string;
    role: string;
    nation: string;
  },
  access: UserAccess = NO_ACCESS,
): Actor {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role as Role,
    nation: user.nation,
    clearances: access.clearances,
    organisationIds: access.organisationIds,
  };
}

/** Organisations a user works in. */
export async function organisationsOf(
  db: Kysely<Database> | Trx,
  userId: string,
): Promise<string[]> {
  return (await accessOf(db, userId)).organisationIds;
}

/**
 * A user's memberships and clearances, in one query (a union of the two tables): the actor is
 * loaded on every request, so this stays one round trip whatever the number of policies.
 */
export async function accessOf(db: Kysely<Database> | Trx, userId: string): Promise<UserAccess> {
  const rows = await db
    .selectFrom('user_organisations')
    .select([sql<string>`'o'`.as('kind'), 'organisation_id as key', sql<number>`0`.as('rank')])
    .where('user_id', '=', userId)
    .unionAll(
      db
        .selectFrom('user_clearances')
        .select([sql<string>`'c'`.as('kind'), 'policy_code as key', 'rank'])
        .where('user_id', '=', userId),
    )
    .execute();
  const organisationIds: string[] = [];
  const clearances: Record<string, number> = {};
  for (const r of rows) {
    if (r.kind === 'o') organisationIds.push(r.key);
    else clearances[r.key] = Number(r.rank);
  }
  return { organisationIds, clearances };
}

export interface SessionInfo {
  actor: Actor;
  tokenHash: string;
  csrfToken: string;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** When the session was last marked active, and when it ends whatever happens (ISO-8601). */
  lastSeenAt: string;
  expiresAt: string;
}

/** Finds the live session for a token: not past its absolute expiry nor idle for too long. */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  session: Pick<Config['session'], 'idleMinutes' | 'absoluteHours'>,
  now = new Date(),
): Promise<SessionInfo | null> {
  const idleCutoff = new Date(now.getTime() - session.idleMinutes * 60_000).toISOString();
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.nation',
      'u.must_change_password',
      'u.disabled',
      'u.totp_enabled',
    ])
    .where('s.token_hash', '=', tokenHash(token))
    .where('s.expires_at', '>', now.toISOString())
    .where('s.last_seen_at', '>', idleCutoff)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  return {
    actor: actorOf(row, await accessOf(db, row.id)),
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    mustChangePassword: Boolean(row.must_change_password),
    totpEnabled: Boolean(row.totp_enabled),
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

/** True while a session found earlier is still within its absolute and idle limits at `now`. */
export function sessionLive(
  info: SessionInfo,
  session: Pick<Config['session'], 'idleMinutes'>,
  now: Date,
): boolean {
  const at = now.getTime();
  return (
    Date.parse(info.expiresAt) > at &&
    Date.parse(info.lastSeenAt) > at - session.idleMinutes * 60_000
  );
}

/**
 * How stale a session's activity mark may grow before a mutation writes it again: a minute, or a
 * quarter of the idle timeout if that is shorter. Marking every mutation cost a second write
 * transaction (and on SQLite a second fsync) per change; the session may now end up to this much
 * sooner than the idle timeout after its last change — never later.
 */
export function touchInterval(session: Pick<Config['session'], 'idleMinutes'>): number {
  return Math.min(60_000, (session.idleMinutes * 60_000) / 4);
}

/** Starts a session; returns the raw token for the cookie (never stored). */
export async function startSession(
  trx: Trx,
  userId: string,
  session: Config['session'],
  client: { ip: string | null; userAgent: string | null },
) {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  await trx
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + session.absoluteHours * 3_600_000).toISOString(),
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/** Marks activity on a session (called by mutations and the client's keep-alive, never by GETs). */
export async function touchSession(trx: Trx, hash: string): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ last_seen_at: new Date().toISOString() })
    .where('token_hash', '=', hash)
    .execute();
}

/** Ends one session. */
export async function endSession(trx: Trx, hash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('token_hash', '=', hash).execute();
}

/** Ends every session of a user; returns how many there were. */
export async function endAllSessions(trx: Trx, userId: string): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
