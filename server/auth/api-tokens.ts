/**
 * Personal access tokens for integrations: `lsn_<256 random bits, base64url>`, shown once; only the
 * sha256 is stored. A token acts as its owner, within its scopes, until it expires or is revoked.
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import type { ActionContext, Actor } from '../audit/context.js';
import type { Trx } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { errors } from '../errors.js';
import { assertVersion } from '../http/etag.js';
import type { Deps } from '../modules/shared/deps.js';
import { randomToken } from './passwords.js';
import { accessOf, actorOf, tokenHash } from './sessions.js';

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const TOKEN_PREFIX = 'lsn_';
export const MAX_TOKEN_DAYS = 366;
/** Characters of the token kept to tell tokens apart (`lsn_` and four random ones). */
const SHOWN_PREFIX_LENGTH = 8;
/** `lsn_` + 32 random bytes in base64url (43 characters, no padding). */
const TOKEN_PATTERN = /^lsn_[A-Za-z0-9_-]{43}$/;

export interface AccessTokenInfo {
  id: string;
  scopes: TokenScope[];
}

export interface NewAccessToken {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Reads the stored scopes, keeping only ones this version knows. */
function parseScopes(text: string): TokenScope[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return TOKEN_SCOPES.filter((s) => value.includes(s));
  } catch {
    return [];
  }
}

/** 'write' includes reading: a token that may change records may also read them. */
function normaliseScopes(scopes: TokenScope[]): TokenScope[] {
  return scopes.includes('write') ? ['read', 'write'] : ['read'];
}

/** A token as its owner sees it: never the secret nor its hash. */
export function presentToken(row: TokenRow, now = new Date()) {
  const status = row.revoked_at
    ? ('revoked' as const)
    : row.expires_at <= now.toISOString()
      ? ('expired' as const)
      : ('active' as const);
  return {
    id: row.id,
    // A token changes once, when it is revoked: its If-Match version is 1, then 2.
    version: row.revoked_at ? 2 : 1,
    name: row.name,
    scopes: parseScopes(row.scopes),
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    status,
  };
}

/**
 * Resolves a bearer token to its owner: only a well-formed token that is neither revoked nor
 * expired, of an account that is not disabled. Reads only (GET requests never write).
 */
export async function findAccessToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<{ actor: Actor; token: AccessTokenInfo } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id as token_id',
      't.scopes',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.nation',
      'u.disabled',
    ])
    .where('t.token_hash', '=', tokenHash(token))
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  return {
    actor: actorOf(row, await accessOf(db, row.id)),
    token: { id: row.token_id, scopes: parseScopes(row.scopes) },
  };
}

const tokenColumns = [
  'id',
  'name',
  'prefix',
  'scopes',
  'created_at',
  'expires_at',
  'revoked_at',
] as const;

/** Issuing, listing and revoking a user's own tokens. */
export function accessTokenService({ db, audit }: Deps) {
  return {
    /** Issues a token; the returned `token` is the only time the secret exists outside the caller. */
    async create(ctx: ActionContext & { actor: Actor }, input: NewAccessToken) {
      const token = `${TOKEN_PREFIX}${randomToken()}`;
      const now = new Date();
      const row = {
        id: uuidv7(),
        name: input.name,
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        scopes: JSON.stringify(normaliseScopes(input.scopes)),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
        revoked_at: null,
      };
      await db.write(async (trx) => {
        await trx
          .insertInto('api_tokens')
          .values({ ...row, user_id: ctx.actor.id, token_hash: tokenHash(token) })
          .execute();
        const { name, scopes, prefix, expiresAt } = presentToken(row, now);
        await audit.record(trx, ctx, {
          action: 'auth.token_create',
          entityType: 'api_token',
          entityId: row.id,
          after: { name, scopes, prefix, expiresAt },
        });
      });
      return { ...presentToken(row, now), token };
    },

    /** The user's tokens, newest first, including expired and revoked ones. */
    async list(userId: string) {
      const rows = await db.kysely
        .selectFrom('api_tokens')
        .select(tokenColumns)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const now = new Date();
      return rows.map((r) => presentToken(r, now));
    },

    /** Revokes one of the user's tokens; someone else's token is "not found", like a missing one. */
    async revoke(
      ctx: ActionContext & { actor: Actor },
      id: string,
      expected: number | '*',
    ): Promise<void> {
      await db.write(async (trx: Trx) => {
        const row = await trx
          .selectFrom('api_tokens')
          .select(tokenColumns)
          .where('id', '=', id)
          .where('user_id', '=', ctx.actor.id)
          .executeTakeFirst();
        if (!row) throw errors.notFound('The access token');
        // Revoking twice changes nothing and records nothing.
        if (row.revoked_at) return;
        assertVersion(expected, presentToken(row).version);
        const done = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: new Date().toISOString() })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        // A concurrent revoke got there first: nothing more to record.
        if (Number(done.numUpdatedRows) !== 1) return;
        const { name, scopes, prefix } = presentToken(row);
        await audit.record(trx, ctx, {
          action: 'auth.token_revoke',
          entityType: 'api_token',
          entityId: id,
          before: { name, scopes, prefix },
        });
      });
    },
  };
}
