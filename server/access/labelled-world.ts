/**
 * Test helpers shared by the visibility tests (the differential read test, the write probes and
 * the audit log's): readers with chosen nation, clearances, organisations and grants, labels set on
 * records created through the API, and the read rule's view of those records.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import type { LabelledRecord, Reader } from '../../core/access/read-rule.js';
import type { Role } from '../../core/domain/roles.js';
import { tokenHash } from '../auth/sessions.js';
import type { TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';

export interface Label {
  policy: string;
  rank: number;
  releasableTo: readonly string[];
  originatorId: string | null;
}

export const PUBLIC: Label = {
  policy: 'NONE',
  rank: 0,
  releasableTo: ['PUBLIC'],
  originatorId: null,
};
/** NATO UNCLASSIFIED releasable to NATO: hidden from anyone without a NATO clearance. */
export const NATO_ONLY: Label = {
  policy: 'NATO',
  rank: 1,
  releasableTo: ['NATO'],
  originatorId: null,
};

export type LabelledTableName =
  | 'organisations'
  | 'agreements'
  | 'timeline_events'
  | 'mechanisms'
  | 'activities'
  | 'persons'
  | 'plans'
  | 'plan_items'
  | 'comments';

/** Sets a record's label columns directly: labels the API would refuse (above the ceiling) too. */
export async function setLabel(
  t: TestApp,
  table: LabelledTableName,
  id: string,
  label: Label,
): Promise<void> {
  const level = await sql<{ code: string }>`select code from marking_levels
    where policy_code = ${label.policy} and rank = ${label.rank}`.execute(t.db.kysely);
  await sql`update ${sql.table(table)} set label_policy = ${label.policy},
    label_level = ${level.rows[0]?.code ?? `RANK_${label.rank}`}, label_rank = ${label.rank},
    label_releasable_to = ${JSON.stringify(label.releasableTo)},
    label_originator_id = ${label.originatorId} where id = ${id}`.execute(t.db.kysely);
}

/** The common columns of a record inserted directly (version 1, created and updated `now`). */
export function recordColumns(now: string) {
  return {
    version: 1,
    created_at: now,
    created_by: null,
    updated_at: now,
    updated_by: null,
    deleted_at: null,
  };
}

export function asRecord(id: string, label: Label, grantedThrough?: string[]): LabelledRecord {
  return {
    id,
    policy: label.policy,
    rank: label.rank,
    releasableTo: label.releasableTo,
    originatorId: label.originatorId,
    ...(grantedThrough ? { grantedThrough } : {}),
  };
}

export interface ReaderSpec {
  role?: Role;
  nation: string;
  /** Highest rank per marking policy; a policy left out is read at rank 0. */
  clearances: Record<string, number>;
  organisationIds: readonly string[];
  /** Records (by type and id) the reader holds a grant on. */
  grants: readonly { type: string; id: string }[];
}

export interface Viewer {
  /** Null for anonymous visitors. */
  reader: Reader | null;
  role: Role | null;
  userId: string | null;
  headers: Record<string, string>;
}

export const ANONYMOUS: Viewer = { reader: null, role: null, userId: null, headers: {} };

/** A signed-in reader exactly as specified, with a session of its own (cookie + CSRF token). */
export async function createViewer(t: TestApp, spec: ReaderSpec): Promise<Viewer> {
  const db = t.db.kysely;
  const now = new Date();
  const id = uuidv7();
  const role = spec.role ?? 'viewer';
  await sql`insert into users (id, version, email, display_name, password_hash, role, nation,
    organisation_id, locale, must_change_password, disabled, failed_logins, locked_until,
    created_at, updated_at) values (${id}, 1, ${`${id}@example.test`}, ${`reader ${id.slice(-4)}`},
    'not-used', ${role}, ${spec.nation}, null, 'en', 0, 0, 0, null, ${now.toISOString()},
    ${now.toISOString()})`.execute(db);
  for (const [policy, rank] of Object.entries(spec.clearances)) {
    if (rank > 0)
      await sql`insert into user_clearances (user_id, policy_code, rank)
        values (${id}, ${policy}, ${rank})`.execute(db);
  }
  for (const org of new Set(spec.organisationIds)) {
    await sql`insert into user_organisations (user_id, organisation_id)
      values (${id}, ${org})`.execute(db);
  }
  const granted = new Set<string>();
  for (const grant of spec.grants) {
    if (granted.has(grant.id)) continue;
    granted.add(grant.id);
    await sql`insert into access_grants (id, user_id, entity_type, entity_id, granted_by,
      granted_at, expires_at, note) values (${uuidv7()}, ${id}, ${grant.type}, ${grant.id}, null,
      ${now.toISOString()}, null, null)`.execute(db);
  }
  const token = randomBytes(24).toString('base64url');
  const csrf = randomBytes(12).toString('hex');
  await sql`insert into sessions (token_hash, user_id, csrf_token, created_at, last_seen_at,
    expires_at, ip, user_agent) values (${tokenHash(token)}, ${id}, ${csrf}, ${now.toISOString()},
    ${now.toISOString()}, ${new Date(now.getTime() + 3_600_000).toISOString()}, null, null)`.execute(
    db,
  );
  return {
    reader: {
      nation: spec.nation,
      clearances: spec.clearances,
      organisationIds: [...spec.organisationIds],
      grantedIds: granted,
    },
    role,
    userId: id,
    headers: { cookie: `liaison_session=${token}`, 'x-csrf-token': csrf },
  };
}

/** The id of a harness session's user. */
export async function userIdOf(t: TestApp, headers: Record<string, string>): Promise<string> {
  const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  return (me.json() as { user: { id: string } }).user.id;
}

/** Sends a request and fails loudly when it does not answer the expected status. */
export async function must<T = Record<string, unknown>>(
  t: TestApp,
  expected: number,
  options: Parameters<TestApp['inject']>[0],
): Promise<T> {
  const res = await t.inject(options);
  if (res.statusCode !== expected) {
    const o = options as { method?: string; url?: string };
    throw new Error(`${o.method} ${o.url} answered ${res.statusCode}: ${res.body}`);
  }
  return (res.body ? res.json() : null) as T;
}

/** Creates a plan (three levels, IPAP preset) through the API; returns its id. */
export async function createPlan(
  t: TestApp,
  headers: Record<string, string>,
  code: string,
): Promise<string> {
  const plan = await must<{ id: string }>(t, 201, {
    method: 'POST',
    url: '/api/v1/plans',
    headers,
    payload: { code, title: { en: `Plan ${code}` }, template: 'ipap' },
  });
  return plan.id;
}

/** Creates a plan item through the API; returns its id. */
export async function createItem(
  t: TestApp,
  headers: Record<string, string>,
  planId: string,
  parentId: string | null,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const item = await must<{ id: string }>(t, 201, {
    method: 'POST',
    url: '/api/v1/plan-items',
    headers,
    payload: { planId, parentId, title: { en: title }, status: 'ongoing', ...extra },
  });
  return item.id;
}

/** Creates a ministry of the partner side through the API; returns its id. */
export async function createOrganisation(
  t: TestApp,
  headers: Record<string, string>,
  name: string,
  nation: string = deployment.nation,
): Promise<string> {
  const org = await must<{ id: string }>(t, 201, {
    method: 'POST',
    url: '/api/v1/organisations',
    headers,
    payload: { kind: 'ministry', side: 'partner', nation, name: { en: name } },
  });
  return org.id;
}

/** Creates a ministry through the API, then gives it the fixed `id` a fixture names up front. */
export async function createOrganisationWithId(
  t: TestApp,
  headers: Record<string, string>,
  id: string,
  name: string,
): Promise<void> {
  const created = await createOrganisation(t, headers, name);
  await sql`update organisations set id = ${id} where id = ${created}`.execute(t.db.kysely);
}

/** Creates a signed agreement through the API; returns its id. */
export async function createAgreement(
  t: TestApp,
  headers: Record<string, string>,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const agreement = await must<{ id: string }>(t, 201, {
    method: 'POST',
    url: '/api/v1/agreements',
    headers,
    payload: { kind: 'other', status: 'signed', title: { en: title }, ...extra },
  });
  return agreement.id;
}

/** Creates a timeline event (a month, one source) through the API; returns its id. */
export async function createTimelineEvent(
  t: TestApp,
  headers: Record<string, string>,
  title: string,
  month = '2020-01',
): Promise<string> {
  const event = await must<{ id: string }>(t, 201, {
    method: 'POST',
    url: '/api/v1/timeline-events',
    headers,
    payload: {
      when: { date: month, precision: 'month' },
      category: 'other',
      title: { en: title },
      sources: [{ citation: 'Test' }],
    },
  });
  return event.id;
}
