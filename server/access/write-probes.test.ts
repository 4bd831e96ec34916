/**
 * Write routes never tell a hidden record from a missing one. For every `write` route of the route
 * inventory, each id it takes — a path parameter, or a body field named `…Id`/`…Ids` found in the
 * route's own zod schema — is sent once as the id of a record the caller may not see and once as a
 * random id: status and body must be byte-identical (the sent id itself aside).
 *
 * A write route or body field without an entry in PROBES fails the first test, naming what to add.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import { tokenHash } from '../auth/sessions.js';
import { routesOfClass } from '../http/route-inventory.js';
import { registeredRoutes } from '../http/route-registry.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import {
  createAgreement,
  createItem,
  createOrganisation,
  createPlan,
  createTimelineEvent,
  createViewer,
  must,
  NATO_ONLY,
  PUBLIC,
  setLabel,
  type LabelledTableName,
  type Viewer,
} from './labelled-world.js';

/** The hidden records a probe can aim at (created by an administrator, hidden from the prober). */
interface Hidden {
  organisation: string;
  agreement: string;
  timelineEvent: string;
  mechanism: string;
  plan: string;
  item: string;
  /** A hidden chapter of a visible plan. */
  chapter: string;
  comment: string;
  indicator: string;
  period: string;
  report: string;
  importJob: string;
  token: string;
  /** A visible plan, a visible item of it and an open period of it, for probes that need one. */
  openPlan: string;
  openItem: string;
  openPeriod: string;
  openOrganisation: string;
  openAgreement: string;
  /** Hidden records that are deleted, for the restore routes. */
  deletedOrganisation: string;
  deletedAgreement: string;
  deletedTimelineEvent: string;
  deletedPlan: string;
  deletedItem: string;
  deletedComment: string;
}

interface Request {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  ifMatch?: boolean;
  contentType?: string;
}

type Probe =
  | { target: (h: Hidden) => string; request: (id: string, h: Hidden) => Request }
  | { exempt: string };

const ACCOUNTS =
  'accounts and grants are administered, not labelled: administrators see every account';
const RESPONSIBLE =
  'users are not labelled records: an id that is not an active user of the lead organisation (or below) answers the same 400, whoever it is';

/** 'METHOD /path' → a probe per id it takes ('path:<param>' or 'body:<field>'). */
const PROBES: Record<string, Record<string, Probe>> = {
  'POST /api/v1/auth/locale': {},
  'POST /api/v1/auth/logout': {},
  'POST /api/v1/auth/logout-all': {},
  'POST /api/v1/auth/keepalive': {},
  'POST /api/v1/auth/password': {},
  'POST /api/v1/auth/tokens': {},
  'POST /api/v1/auth/totp/setup': {},
  'POST /api/v1/auth/totp/enable': {},
  'POST /api/v1/auth/totp/disable': {},
  'DELETE /api/v1/auth/tokens/:id': byPath('token', 'DELETE', '/api/v1/auth/tokens/:id'),
  'POST /api/v1/organisations': {
    'body:parentId': {
      target: (h) => h.organisation,
      request: (id) => ({
        method: 'POST',
        url: '/api/v1/organisations',
        payload: {
          kind: 'ministry',
          side: 'partner',
          nation: 'RS',
          name: { en: 'Probe' },
          parentId: id,
        },
      }),
    },
  },
  'PATCH /api/v1/organisations/:id': {
    ...byPath('organisation', 'PATCH', '/api/v1/organisations/:id', { name: { en: 'Probe' } }),
    ...patchField('parentId', 'organisation', '/api/v1/organisations/:id', 'openOrganisation'),
  },
  'DELETE /api/v1/organisations/:id': byPath('organisation', 'DELETE', '/api/v1/organisations/:id'),
  'POST /api/v1/organisations/:id/restore': byPath(
    'deletedOrganisation',
    'POST',
    '/api/v1/organisations/:id/restore',
  ),
  'POST /api/v1/agreements': {
    'body:mechanismId': {
      target: (h) => h.mechanism,
      request: (id) => ({
        method: 'POST',
        url: '/api/v1/agreements',
        payload: { kind: 'other', status: 'signed', title: { en: 'Probe' }, mechanismId: id },
      }),
    },
  },
  'PATCH /api/v1/agreements/:id': {
    ...byPath('agreement', 'PATCH', '/api/v1/agreements/:id', { title: { en: 'Probe' } }),
    ...patchField('mechanismId', 'mechanism', '/api/v1/agreements/:id', 'openAgreement'),
  },
  'DELETE /api/v1/agreements/:id': byPath('agreement', 'DELETE', '/api/v1/agreements/:id'),
  'POST /api/v1/agreements/:id/restore': byPath(
    'deletedAgreement',
    'POST',
    '/api/v1/agreements/:id/restore',
  ),
  'POST /api/v1/timeline-events': {},
  'PATCH /api/v1/timeline-events/:id': byPath(
    'timelineEvent',
    'PATCH',
    '/api/v1/timeline-events/:id',
    { title: { en: 'Probe' } },
  ),
  'DELETE /api/v1/timeline-events/:id': byPath(
    'timelineEvent',
    'DELETE',
    '/api/v1/timeline-events/:id',
  ),
  'POST /api/v1/timeline-events/:id/restore': byPath(
    'deletedTimelineEvent',
    'POST',
    '/api/v1/timeline-events/:id/restore',
  ),
  'POST /api/v1/plans': {
    'body:mechanismId': {
      target: (h) => h.mechanism,
      request: (id) => ({
        method: 'POST',
        url: '/api/v1/plans',
        payload: {
          code: `PROBE-${randomBytes(2).toString('hex')}`,
          title: { en: 'Probe' },
          template: 'ipap',
          mechanismId: id,
        },
      }),
    },
  },
  'PATCH /api/v1/plans/:id': {
    ...byPath('plan', 'PATCH', '/api/v1/plans/:id', { title: { en: 'Probe' } }),
    ...patchField('mechanismId', 'mechanism', '/api/v1/plans/:id', 'openPlan'),
  },
  'DELETE /api/v1/plans/:id': byPath('plan', 'DELETE', '/api/v1/plans/:id'),
  'POST /api/v1/plans/:id/restore': byPath('deletedPlan', 'POST', '/api/v1/plans/:id/restore'),
  'POST /api/v1/plan-items': {
    'body:planId': {
      target: (h) => h.plan,
      request: (id) => ({
        method: 'POST',
        url: '/api/v1/plan-items',
        payload: { planId: id, parentId: null, title: { en: 'Probe' } },
      }),
    },
    'body:parentId': {
      target: (h) => h.chapter,
      request: (id, h) => ({
        method: 'POST',
        url: '/api/v1/plan-items',
        payload: { planId: h.openPlan, parentId: id, title: { en: 'Probe' } },
      }),
    },
    'body:leadOrganisationId': {
      target: (h) => h.organisation,
      request: (id, h) => ({
        method: 'POST',
        url: '/api/v1/plan-items',
        payload: {
          planId: h.openPlan,
          parentId: null,
          title: { en: 'Probe' },
          leadOrganisationId: id,
        },
      }),
    },
    'body:responsibleUserId': { exempt: RESPONSIBLE },
    'body:partnerOrganisationIds': {
      target: (h) => h.organisation,
      request: (id, h) => ({
        method: 'POST',
        url: '/api/v1/plan-items',
        payload: {
          planId: h.openPlan,
          parentId: null,
          title: { en: 'Probe' },
          partnerOrganisationIds: [id],
        },
      }),
    },
  },
  'PATCH /api/v1/plan-items/:id': {
    ...byPath('item', 'PATCH', '/api/v1/plan-items/:id', { title: { en: 'Probe' } }),
    ...patchField('parentId', 'chapter', '/api/v1/plan-items/:id', 'openItem'),
    ...patchField('leadOrganisationId', 'organisation', '/api/v1/plan-items/:id', 'openItem'),
    'body:responsibleUserId': { exempt: RESPONSIBLE },
    ...patchField(
      'partnerOrganisationIds',
      'organisation',
      '/api/v1/plan-items/:id',
      'openItem',
      true,
    ),
  },
  'DELETE /api/v1/plan-items/:id': byPath('item', 'DELETE', '/api/v1/plan-items/:id'),
  'POST /api/v1/plan-items/:id/restore': byPath(
    'deletedItem',
    'POST',
    '/api/v1/plan-items/:id/restore',
  ),
  'POST /api/v1/plans/:id/imports': {
    ...byPath('plan', 'POST', '/api/v1/plans/:id/imports', {
      fileName: 'items.csv',
      content: Buffer.from('code;titleEn\n').toString('base64'),
    }),
  },
  'POST /api/v1/plans/:id/imports/file': {
    'path:id': {
      target: (h) => h.plan,
      request: (id) => ({
        method: 'POST',
        url: `/api/v1/plans/${id}/imports/file?fileName=items.csv`,
        payload: 'code;titleEn\n',
        contentType: 'text/csv',
      }),
    },
  },
  'POST /api/v1/imports/:id/commit': byPath('importJob', 'POST', '/api/v1/imports/:id/commit'),
  'POST /api/v1/imports/:id/mapping': byPath('importJob', 'POST', '/api/v1/imports/:id/mapping', {
    mapping: {},
  }),
  'POST /api/v1/imports/:id/organisations': byPath(
    'importJob',
    'POST',
    '/api/v1/imports/:id/organisations',
    { name: 'Probe' },
  ),
  'POST /api/v1/plan-items/:id/indicators': byPath(
    'item',
    'POST',
    '/api/v1/plan-items/:id/indicators',
    { kind: 'quantitative', name: { en: 'Probe' }, unit: 'x' },
  ),
  'PATCH /api/v1/indicators/:id': byPath('indicator', 'PATCH', '/api/v1/indicators/:id', {
    name: { en: 'Probe' },
  }),
  'DELETE /api/v1/indicators/:id': byPath('indicator', 'DELETE', '/api/v1/indicators/:id'),
  'POST /api/v1/indicators/:id/measurements': byPath(
    'indicator',
    'POST',
    '/api/v1/indicators/:id/measurements',
    { measuredOn: '2026-02-01', value: 1 },
  ),
  'POST /api/v1/plans/:id/periods': byPath('plan', 'POST', '/api/v1/plans/:id/periods', {
    kind: 'quarter',
    startsOn: '2026-04-01',
    endsOn: '2026-06-30',
    title: 'Q2',
  }),
  'POST /api/v1/periods/:id/lock': byPath('period', 'POST', '/api/v1/periods/:id/lock'),
  'PUT /api/v1/periods/:id/items/:itemId/report': {
    'path:id': {
      target: (h) => h.period,
      request: (id, h) => ({
        method: 'PUT',
        url: `/api/v1/periods/${id}/items/${h.openItem}/report`,
        payload: { itemStatus: 'ongoing' },
      }),
    },
    'path:itemId': {
      target: (h) => h.chapter,
      request: (id, h) => ({
        method: 'PUT',
        url: `/api/v1/periods/${h.openPeriod}/items/${id}/report`,
        payload: { itemStatus: 'ongoing' },
      }),
    },
  },
  'POST /api/v1/reports/:id/submit': byPath('report', 'POST', '/api/v1/reports/:id/submit'),
  'POST /api/v1/reports/:id/approve': byPath('report', 'POST', '/api/v1/reports/:id/approve'),
  'POST /api/v1/reports/:id/return': byPath('report', 'POST', '/api/v1/reports/:id/return', {
    comment: 'Please add evidence.',
  }),
  'POST /api/v1/plan-items/:id/comments': byPath(
    'item',
    'POST',
    '/api/v1/plan-items/:id/comments',
    { body: 'Probe' },
  ),
  'PATCH /api/v1/comments/:id': byPath('comment', 'PATCH', '/api/v1/comments/:id', {
    body: 'Probe',
  }),
  'DELETE /api/v1/comments/:id': byPath('comment', 'DELETE', '/api/v1/comments/:id'),
  'POST /api/v1/comments/:id/restore': byPath(
    'deletedComment',
    'POST',
    '/api/v1/comments/:id/restore',
  ),
  'POST /api/v1/users': { 'body:organisationIds': { exempt: ACCOUNTS } },
  'PATCH /api/v1/users/:id': {
    'path:id': { exempt: ACCOUNTS },
    'body:organisationIds': { exempt: ACCOUNTS },
  },
  'POST /api/v1/users/:id/reset-password': { 'path:id': { exempt: ACCOUNTS } },
  'DELETE /api/v1/grants/:id': { 'path:id': { exempt: ACCOUNTS } },
  'POST /api/v1/users/:id/grants': {
    'path:id': { exempt: ACCOUNTS },
    'body:entityId': {
      target: (h) => h.plan,
      request: (id) => ({
        method: 'POST',
        url: '/api/v1/users/<self>/grants',
        payload: { entityType: 'plan', entityId: id },
      }),
    },
  },
};

/** A probe of the `:id` of `path` (sent with If-Match unless it creates), with a body or none. */
function byPath(
  target: keyof Hidden,
  method: Request['method'],
  path: string,
  payload?: unknown,
): Record<string, Probe> {
  return {
    'path:id': {
      target: (h) => h[target],
      request: (id) => ({
        method,
        url: path.replace(':id', id),
        ...(payload === undefined ? {} : { payload }),
        ifMatch: method !== 'POST' || /\/(lock|submit|approve|return)$/.test(path),
      }),
    },
  };
}

/**
 * A probe of a body field of a PATCH of the visible record `open`: the field (or, `many`, a list in
 * it) names the hidden `target`.
 */
function patchField(
  field: string,
  target: keyof Hidden,
  path: string,
  open: keyof Hidden,
  many = false,
): Record<string, Probe> {
  return {
    [`body:${field}`]: {
      target: (h) => h[target],
      request: (id, h) => ({
        method: 'PATCH',
        url: path.replace(':id', h[open]),
        payload: { [field]: many ? [id] : id },
        ifMatch: true,
      }),
    },
  };
}

/** Field names of a route's body schema (zod, as registered) that name other records. */
function bodyIdFields(schema: unknown): string[] {
  let s = schema as { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } };
  for (let i = 0; i < 5 && s && !s.shape; i += 1) {
    const def = s._zod?.def;
    s = (def?.in ?? def?.innerType ?? def?.schema) as typeof s;
  }
  return Object.keys(s?.shape ?? {}).filter((k) => /(Id|Ids)$/.test(k));
}

/** One record of each kind a restore route takes, made by an administrator. */
interface RecordSet {
  organisation: string;
  agreement: string;
  timelineEvent: string;
  plan: string;
  item: string;
  comment: string;
  /** The records by table, in the order above, to label (and delete). */
  rows: (readonly [LabelledTableName, string])[];
}

/**
 * Creates an organisation, an agreement, a timeline event and a plan named after `word`, an item
 * (in the new plan, or in `within.plan`) and a comment (on the new item, or on `within.item`).
 */
async function createRecordSet(
  t: TestApp,
  boss: Record<string, string>,
  set: { word: string; month: string; planCode: string; within?: { plan: string; item: string } },
): Promise<RecordSet> {
  const { word } = set;
  const organisation = await createOrganisation(t, boss, `${word} ministry`);
  const agreement = await createAgreement(t, boss, `${word} agreement`);
  const timelineEvent = await createTimelineEvent(t, boss, `${word} event`, set.month);
  const plan = await createPlan(t, boss, set.planCode);
  const item = await createItem(t, boss, set.within?.plan ?? plan, null, `${word} item`);
  const comment = await must<{ id: string }>(t, 201, {
    method: 'POST',
    url: `/api/v1/plan-items/${set.within?.item ?? item}/comments`,
    headers: boss,
    payload: { body: `${word} comment` },
  });
  return {
    organisation,
    agreement,
    timelineEvent,
    plan,
    item,
    comment: comment.id,
    rows: [
      ['organisations', organisation],
      ['agreements', agreement],
      ['timeline_events', timelineEvent],
      ['plans', plan],
      ['plan_items', item],
      ['comments', comment.id],
    ],
  };
}

describe.each(testDatabases)(
  'write routes tell no hidden record from a missing one, on %s',
  (kind) => {
    let t: TestApp;
    let prober: Viewer;
    let h: Hidden;
    beforeAll(async () => {
      t = await startTestApp(kind, { seed: false });
      const boss = (await t.signIn('administrator')).headers;
      const hidden = await createRecordSet(t, boss, {
        word: 'Hidden',
        month: '2020-01',
        planCode: 'PROBE-HIDDEN',
      });
      const { plan, item } = hidden;
      const mechanism = uuidv7();
      const now = new Date().toISOString();
      await sql`insert into mechanisms (id, version, created_at, created_by, updated_at, updated_by,
      deleted_at, label_policy, label_level, label_rank, label_owner, label_releasable_to,
      label_originator_id, search_text, parent_id, kind, name_en) values (${mechanism}, 1, ${now},
      null, ${now}, null, null, 'NATO', 'NATO_UNCLASSIFIED', 1, 'NATO', '["NATO"]', null,
      'hidden mechanism', null, 'programme', 'Hidden mechanism')`.execute(t.db.kysely);
      const indicator = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: `/api/v1/plan-items/${item}/indicators`,
        headers: boss,
        payload: { kind: 'quantitative', name: { en: 'Hidden indicator' }, unit: 'x' },
      });
      const period = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: `/api/v1/plans/${plan}/periods`,
        headers: boss,
        payload: { kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', title: 'Q1' },
      });
      const report = await must<{ id: string }>(t, 201, {
        method: 'PUT',
        url: `/api/v1/periods/${period.id}/items/${item}/report`,
        headers: boss,
        payload: { itemStatus: 'ongoing' },
      });
      const csv = Buffer.from('code;titleEn\n').toString('base64');
      const importJob = await must<{ id: string }>(t, 202, {
        method: 'POST',
        url: `/api/v1/plans/${plan}/imports`,
        headers: boss,
        payload: { fileName: 'items.csv', content: csv },
      }).catch(() =>
        must<{ id: string }>(t, 201, {
          method: 'POST',
          url: `/api/v1/plans/${plan}/imports`,
          headers: boss,
          payload: { fileName: 'items.csv', content: csv },
        }),
      );
      const openPlan = await createPlan(t, boss, 'PROBE-OPEN');
      const chapter = await createItem(t, boss, openPlan, null, 'Hidden chapter');
      const openItem = await createItem(t, boss, openPlan, null, 'Open item');
      const openPeriod = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: `/api/v1/plans/${openPlan}/periods`,
        headers: boss,
        payload: { kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', title: 'Q1' },
      });
      const openOrganisation = await createOrganisation(t, boss, 'Open ministry');
      const openAgreement = await createAgreement(t, boss, 'Open agreement');
      await setLabel(t, 'organisations', openOrganisation, PUBLIC);
      await setLabel(t, 'agreements', openAgreement, PUBLIC);
      const bossId = (
        await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: boss })
      ).json().user.id as string;
      const token = uuidv7();
      await sql`insert into api_tokens (id, user_id, name, token_hash, prefix, scopes, created_at,
      expires_at, revoked_at) values (${token}, ${bossId}, 'boss token',
      ${tokenHash(randomBytes(16).toString('hex'))}, 'lsn_boss', '["read"]', ${now},
      ${new Date(Date.now() + 86_400_000).toISOString()}, null)`.execute(t.db.kysely);

      for (const [table, id] of [...hidden.rows, ['plan_items', chapter] as const])
        await setLabel(t, table, id, NATO_ONLY);
      await setLabel(t, 'plans', openPlan, PUBLIC);
      await setLabel(t, 'plan_items', openItem, PUBLIC);
      // Deleted twins of the hidden records, for the restore routes: their item and comment sit in
      // the open plan.
      const deleted = await createRecordSet(t, boss, {
        word: 'Deleted',
        month: '2020-02',
        planCode: 'PROBE-DELETED',
        within: { plan: openPlan, item: openItem },
      });
      const gone = new Date().toISOString();
      for (const [table, id] of deleted.rows) {
        await setLabel(t, table, id, NATO_ONLY);
        await sql`update ${sql.table(table)} set deleted_at = ${gone} where id = ${id}`.execute(
          t.db.kysely,
        );
      }
      h = {
        organisation: hidden.organisation,
        agreement: hidden.agreement,
        timelineEvent: hidden.timelineEvent,
        mechanism,
        plan,
        item,
        chapter,
        comment: hidden.comment,
        indicator: indicator.id,
        period: period.id,
        report: report.id,
        importJob: importJob.id,
        token,
        openPlan,
        openItem,
        openPeriod: openPeriod.id,
        openOrganisation,
        openAgreement,
        deletedOrganisation: deleted.organisation,
        deletedAgreement: deleted.agreement,
        deletedTimelineEvent: deleted.timelineEvent,
        deletedPlan: deleted.plan,
        deletedItem: deleted.item,
        deletedComment: deleted.comment,
      };
      // An administrator (every write role allows it) cleared for nothing: all of the above but the
      // open plan, its open item and its period is hidden from them.
      prober = await createViewer(t, {
        role: 'administrator',
        nation: 'ZZ',
        clearances: {},
        organisationIds: [],
        grants: [],
      });
    }, 120_000);
    afterAll(() => t.close());

    it('has a probe (or a stated exemption) for every id every write route takes', () => {
      const writes = routesOfClass('write');
      const schemas = new Map(registeredRoutes(t.app).map((r) => [r.key, r.schema]));
      const missing: string[] = [];
      for (const route of writes) {
        const params = [...route.matchAll(/:([A-Za-z]+)/g)].map((m) => `path:${m[1]}`);
        const body = bodyIdFields(schemas.get(route)?.body).map((f) => `body:${f}`);
        for (const target of [...params, ...body])
          if (!PROBES[route]?.[target]) missing.push(`${route} ${target}`);
        if (!PROBES[route]) missing.push(`${route} (no entry at all)`);
      }
      expect(
        missing,
        'Add these to PROBES in server/access/write-probes.test.ts: how to aim each at a hidden record',
      ).toEqual([]);
      expect(Object.keys(PROBES).filter((r) => !writes.includes(r))).toEqual([]);
    });

    it('answers a hidden record and a random id byte for byte alike', async () => {
      const differing: string[] = [];
      for (const [route, targets] of Object.entries(PROBES)) {
        for (const [field, probe] of Object.entries(targets)) {
          if ('exempt' in probe) continue;
          const send = async (id: string) => {
            const r = probe.request(id, h);
            const url = r.url.replace('<self>', prober.userId!);
            const res = await t.inject({
              method: r.method,
              url,
              headers: {
                ...prober.headers,
                ...(r.ifMatch ? { 'if-match': '*' } : {}),
                ...(r.contentType ? { 'content-type': r.contentType } : {}),
              },
              ...(r.payload === undefined ? {} : { payload: r.payload as object }),
            });
            return { status: res.statusCode, body: res.body.replaceAll(id, '<id>') };
          };
          const hidden = await send(probe.target(h));
          const random = await send(uuidv7());
          if (hidden.status < 400)
            differing.push(`${route} ${field}: the hidden record was accepted (${hidden.status})`);
          else if (JSON.stringify(hidden) !== JSON.stringify(random))
            differing.push(
              `${route} ${field}: hidden ${hidden.status} ${hidden.body} ≠ random ${random.status} ${random.body}`,
            );
        }
      }
      expect(differing).toEqual([]);
    });
  },
);
