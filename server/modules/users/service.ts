/** Account administration: roles, clearances, organisations, disabling, password resets, grants. */
import type { Kysely } from 'kysely';
import type { GrantCreate, User, UserCreate, UserUpdate } from '../../../core/schemas/user.js';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { authorize } from '../../access/policy.js';
import { planItemVisibleTo, visibleTo } from '../../access/visibility.js';
import type { ActionContext, Actor } from '../../audit/context.js';
import { hashPassword, oneTimePassword } from '../../auth/passwords.js';
import { createUser } from '../../auth/users.js';
import type { Trx } from '../../db/database.js';
import type { Database, UserRow } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { assertVersion } from '../../http/etag.js';
import { offsetOf, type Page } from '../../http/lists.js';
import type { Deps } from '../shared/deps.js';
import { containsFolded } from '../shared/paging.js';
import {
  clearancesByUser,
  resolveClearances,
  setClearances,
  type Clearance,
} from '../markings/clearances.js';
import { USER } from './policy.js';

type Reader = Kysely<Database> | Trx;

/** The version of every grant: grants are created and revoked, never changed. */
export const GRANT_VERSION = 1;

/** Entity tables a grant may point at. */
const GRANT_TABLES = {
  organisation: 'organisations',
  agreement: 'agreements',
  timeline_event: 'timeline_events',
  mechanism: 'mechanisms',
  plan: 'plans',
  plan_item: 'plan_items',
  activity: 'activities',
  person: 'persons',
} as const;

/** Is the record a grant would open live and readable by the actor (containers included)? */
async function grantTargetVisible(
  trx: Reader,
  actor: Actor | null,
  type: keyof typeof GRANT_TABLES,
  id: string,
): Promise<boolean> {
  const table = GRANT_TABLES[type];
  const found = await trx
    .selectFrom(`${table as 'organisations'} as x`)
    .select('x.id')
    .where('x.id', '=', id)
    .where(type === 'plan_item' ? planItemVisibleTo(actor, 'x') : visibleTo(actor, 'x'))
    .executeTakeFirst();
  return Boolean(found);
}

export function presentUser(
  row: UserRow,
  organisationIds: string[],
  clearances: readonly Clearance[] = [],
): User {
  return {
    id: row.id,
    version: row.version,
    email: row.email,
    displayName: row.display_name,
    role: row.role as User['role'],
    nation: row.nation,
    clearances: clearances.map(({ policy, level, rank }) => ({ policy, level, rank })),
    organisationIds,
    disabled: Boolean(row.disabled),
    locked: Boolean(row.locked_until && row.locked_until > new Date().toISOString()),
    mustChangePassword: Boolean(row.must_change_password),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function organisationsByUser(db: Reader, ids: string[]) {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('user_organisations')
    .selectAll()
    .where('user_id', 'in', ids)
    .execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.organisation_id]);
  return map;
}

/** Lists accounts (administrators only). */
export async function listUsers(
  db: Reader,
  ctx: ActionContext,
  f: { q?: string; role?: string },
  page: Page,
) {
  authorize(ctx.actor, 'update', USER);
  const base = db
    .selectFrom('users as u')
    .$if(Boolean(f.q), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('u.email', 'like', `%${(f.q ?? '').toLowerCase()}%`),
          containsFolded('u.display_name', f.q ?? ''),
        ]),
      ),
    )
    .$if(Boolean(f.role), (qb) => qb.where('u.role', '=', f.role ?? ''));
  const [rows, count] = await Promise.all([
    base.selectAll('u').orderBy('u.email').limit(page.pageSize).offset(offsetOf(page)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const [orgs, clearances] = await Promise.all([
    organisationsByUser(db, ids),
    clearancesByUser(db, ids),
  ]);
  return {
    items: rows.map((r) => presentUser(r, orgs.get(r.id) ?? [], clearances.get(r.id) ?? [])),
    total: Number(count.n),
    ...page,
  };
}

export async function findUser(db: Reader, ctx: ActionContext, id: string) {
  authorize(ctx.actor, 'update', USER);
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('The user');
  const [orgs, clearances] = await Promise.all([
    organisationsByUser(db, [id]),
    clearancesByUser(db, [id]),
  ]);
  return { row, body: presentUser(row, orgs.get(id) ?? [], clearances.get(id) ?? []) };
}

async function checkOrganisations(trx: Reader, ids: string[]) {
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  if (found.length !== new Set(ids).size)
    throw errors.unprocessable('One of the organisations does not exist.', {
      field: 'organisationIds',
    });
}

async function setOrganisations(trx: Trx, userId: string, ids: string[]) {
  await trx.deleteFrom('user_organisations').where('user_id', '=', userId).execute();
  if (ids.length)
    await trx
      .insertInto('user_organisations')
      .values([...new Set(ids)].map((organisation_id) => ({ user_id: userId, organisation_id })))
      .execute();
}

async function activeAdministrators(trx: Trx) {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function userService({ db, audit }: Deps) {
  return {
    /** Creates an account with a one-time password the administrator hands over. */
    async create(ctx: ActionContext, input: UserCreate) {
      authorize(ctx.actor, 'create', USER);
      // Check everything before the account exists, so a refused request writes nothing.
      await checkOrganisations(db.kysely, input.organisationIds);
      const password = oneTimePassword();
      const user = await createUser(
        db,
        audit,
        {
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          nation: input.nation,
          clearances: input.clearances,
          password,
          mustChangePassword: true,
        },
        ctx,
      );
      await db.write(async (trx) => {
        await setOrganisations(trx, user.id, input.organisationIds);
        if (input.organisationIds.length) {
          await audit.record(trx, ctx, {
            action: 'user.organisations',
            entityType: USER,
            entityId: user.id,
            after: { organisationIds: input.organisationIds },
          });
        }
      });
      return { ...(await findUser(db.kysely, ctx, user.id)), oneTimePassword: password };
    },

    async update(ctx: ActionContext, id: string, expected: number | '*', input: UserUpdate) {
      return db.write(async (trx) => {
        const before = await findUser(trx, ctx, id);
        authorize(ctx.actor, 'update', USER, before.row);
        assertVersion(expected, before.row.version);
        const losesAdmin =
          before.row.role === 'administrator' &&
          ((input.role && input.role !== 'administrator') || input.disabled === true);
        if (losesAdmin && (await activeAdministrators(trx)) <= 1) {
          throw errors.conflict(
            'This is the last active administrator; make someone else administrator first.',
          );
        }
        if (input.organisationIds) {
          await checkOrganisations(trx, input.organisationIds);
          await setOrganisations(trx, id, input.organisationIds);
        }
        if (input.clearances) {
          await setClearances(trx, id, await resolveClearances(trx, input.clearances));
        }
        const done = await trx
          .updateTable('users')
          .set({
            version: before.row.version + 1,
            updated_at: new Date().toISOString(),
            display_name: input.displayName ?? before.row.display_name,
            role: input.role ?? before.row.role,
            nation: input.nation ?? before.row.nation,
            disabled: input.disabled === undefined ? before.row.disabled : input.disabled ? 1 : 0,
          })
          .where('id', '=', id)
          .where('version', '=', before.row.version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale(before.row.version + 1);
        // Changed rights take effect at once: a disabled account loses its sessions.
        if (input.disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        const after = await findUser(trx, ctx, id);
        await audit.record(trx, ctx, {
          action: 'user.update',
          entityType: USER,
          entityId: id,
          before: before.body,
          after: after.body,
        });
        return after;
      });
    },

    /** Issues a new one-time password and ends the user's sessions. */
    async resetPassword(ctx: ActionContext, id: string, expected: number | '*' = '*') {
      authorize(ctx.actor, 'update', USER);
      const password = oneTimePassword();
      const hash = await hashPassword(password);
      await db.write(async (trx) => {
        const { row } = await findUser(trx, ctx, id);
        assertVersion(expected, row.version);
        await trx
          .updateTable('users')
          .set({
            password_hash: hash,
            must_change_password: 1,
            failed_logins: 0,
            locked_until: null,
            version: row.version + 1,
            updated_at: new Date().toISOString(),
          })
          .where('id', '=', id)
          .where('version', '=', row.version)
          .executeTakeFirst()
          .then((done) => {
            if (Number(done.numUpdatedRows) !== 1) throw errors.stale(row.version + 1);
          });
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await audit.record(trx, ctx, {
          action: 'user.password_reset',
          entityType: USER,
          entityId: id,
        });
      });
      return password;
    },

    async listGrants(ctx: ActionContext, userId: string) {
      await findUser(db.kysely, ctx, userId);
      const rows = await db.kysely
        .selectFrom('access_grants')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('granted_at', 'desc')
        .execute();
      return rows.map(presentGrant);
    },

    async grant(ctx: ActionContext, userId: string, input: GrantCreate) {
      return db.write(async (trx) => {
        await findUser(trx, ctx, userId);
        // Only a record the granting administrator may read can be granted: a hidden record gets
        // the answer a random id gets, so the refusal does not tell which hidden ids exist.
        if (!(await grantTargetVisible(trx, ctx.actor, input.entityType, input.entityId)))
          throw errors.unprocessable('The record to grant access to does not exist.', {
            field: 'entityId',
          });
        const row = await trx
          .insertInto('access_grants')
          .values({
            id: uuidv7(),
            user_id: userId,
            entity_type: input.entityType,
            entity_id: input.entityId,
            granted_by: ctx.actor?.id ?? null,
            granted_at: new Date().toISOString(),
            expires_at: input.expiresAt ?? null,
            note: input.note ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'grant.create',
          entityType: 'grant',
          entityId: row.id,
          after: presentGrant(row),
        });
        return presentGrant(row);
      });
    },

    async revokeGrant(ctx: ActionContext, grantId: string) {
      authorize(ctx.actor, 'update', USER);
      return db.write(async (trx) => {
        const row = await trx
          .selectFrom('access_grants')
          .selectAll()
          .where('id', '=', grantId)
          .executeTakeFirst();
        if (!row) throw errors.notFound('The grant');
        await trx.deleteFrom('access_grants').where('id', '=', grantId).execute();
        await audit.record(trx, ctx, {
          action: 'grant.revoke',
          entityType: 'grant',
          entityId: grantId,
          before: presentGrant(row),
        });
      });
    },
  };
}

function presentGrant(row: {
  id: string;
  user_id: string;
  entity_type: string;
  entity_id: string;
  granted_at: string;
  expires_at: string | null;
  note: string | null;
}) {
  return {
    id: row.id,
    // A grant never changes (it is created, then revoked): its If-Match version is always 1.
    version: GRANT_VERSION,
    userId: row.user_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    grantedAt: row.granted_at,
    expiresAt: row.expires_at,
    note: row.note,
  };
}
