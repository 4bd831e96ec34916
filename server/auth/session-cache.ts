/**
 * The session and actor behind a cookie, kept for a few seconds so that a signed-in user's reads do
 * not cost two queries each (session + user, then memberships and clearances) before their own.
 *
 * Correctness, on this instance: an entry is used only while the Db's identity-change count
 * (server/db/database.ts ChangeWatch) is what it was when the entry's lookup started. Any write to
 * users, clearances, memberships or sessions through this Db — sign-out, password change, a role or
 * clearance lowered, a membership removed, an account disabled — moves that count, so the very
 * next request reads the database again. The session's absolute and idle limits are checked on
 * every use, as the query checks them.
 *
 * On other instances (several processes on one PostgreSQL) a change made elsewhere is seen within
 * the time to live (`LIAISON_SESSION_CACHE_SECONDS`, default 5 s; 0 turns the cache off).
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { findSession, sessionLive, tokenHash, type SessionInfo } from './sessions.js';

/** Entries kept at most; past it the cache starts over (a flood of sessions costs queries only). */
export const SESSION_CACHE_LIMIT = 10_000;

interface Entry {
  info: SessionInfo;
  version: number;
  storedAt: number;
}

export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  constructor(
    private readonly db: Pick<Db, 'kysely' | 'identityChanges'>,
    private readonly session: Config['session'],
    private readonly ttlMs: number,
  ) {}

  /** The live session of a cookie token, or null; as findSession, from memory when it may. */
  async find(token: string, now = new Date()): Promise<SessionInfo | null> {
    const watch = this.db.identityChanges;
    if (!watch || this.ttlMs <= 0) return findSession(this.db.kysely, token, this.session, now);
    const key = tokenHash(token);
    const entry = this.#entries.get(key);
    if (entry) {
      if (
        entry.version === watch.version &&
        now.getTime() - entry.storedAt < this.ttlMs &&
        sessionLive(entry.info, this.session, now)
      ) {
        return entry.info;
      }
      this.#entries.delete(key);
    }
    const version = watch.version;
    const info = await findSession(this.db.kysely as Kysely<Database>, token, this.session, now);
    // Kept only if nothing changed while it was read: else it may predate the change.
    if (info && watch.version === version) {
      if (this.#entries.size >= SESSION_CACHE_LIMIT) this.#entries.clear();
      this.#entries.set(key, { info, version, storedAt: now.getTime() });
    }
    return info;
  }

  /** Forgets everything (tests; a change made where the watch does not see it). */
  clear(): void {
    this.#entries.clear();
  }
}
