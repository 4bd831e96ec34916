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
  createItem,
  createPlan,
  createViewer,
  must,
  NATO_ONLY,
  PUBLIC,
  setLabel,
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

/** 'METHOD /path' → a probe per id it takes ('path:<param>' or 'body:<field>'). */
const PROBES: Record<string, Record<string, Probe>> = {
  'POST /api/v1/auth/logout': {},
  'POST /api/v1/auth/logout-all': {},
  'POST /api/v1/auth/keepalive': {},
  'POST /api/v1/auth/password': {},
  'POST /api/v1/auth/tokens': {},
  'POST /api/v1/auth/totp/setup': {},
  'POST /api/v1/auth/totp/enable': {},
  'POST /api/v1/auth/totp/disable': {},
  'DELETE /api/v1/auth/tokens/:id': {
    'path:id': {
      target: (h) => h.token,
      request: (id) => ({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, ifMatch: true }),
    },
  },
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
    'path:id': {
      target: (h) => h.organisation,
      request: (id) => ({
        method: 'PATCH',
        url: `/api/v1/organisations/${id}`,
        payload: { name: { en: 'Probe' } },
        ifMatch: true,
      }),
    },
    'body:parentId': {
      target: (h) => h.organisation,
      request: (id, h) => ({
        method: 'PATCH',
        url: `/api/v1/organisations/${h.openOrganisation}`,
        payload: { parentId: id },
        ifMatch: true,
      }),
    },
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
    'path:id': {
      target: (h) => h.agreement,
      request: (id) => ({
        method: 'PATCH',
        url: `/api/v1/agreements/${id}`,
        payload: { title: { en: 'Probe' } },
        ifMatch: true,
      }),
    },
    'body:mechanismId': {
      target: (h) => h.mechanism,
      request: (id, h) => ({
        method: 'PATCH',
        url: `/api/v1/agreements/${h.openAgreement}`,
        payload: { mechanismId: id },
        ifMatch: true,
      }),
    },
  },
  'DELETE /api/v1/agreements/:id': byPath('agreement', 'DELETE', '/api/v1/agreements/:id'),
  'POST /api/v1/agreements/:id/restore': byPath(
    'deletedAgreement',
    'POST',
    '/api/v1/agreements/:id/restore',
  ),
  'POST /api/v1/timeline-events': {},
  'PATCH /api/v1/timeline-events/:id': {
    'path:id': {
      target: (h) => h.timelineEvent,
      request: (id) => ({
        method: 'PATCH',
        url: `/api/v1/timeline-events/${id}`,
        payload: { title: { en: 'Probe' } },
        ifMatch: true,
      }),
    },
  },
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
    'path:id': {
      target: (h) => h.plan,
      request: (id) => ({
        method: 'PATCH',
        url: `/api/v1/plans/${id}`,
        payload: { title: { en: 'Probe' } },
        ifMatch: true,
      }),
    },
    'body:mechanismId': {
      target: (h) => h.mechanism,
      request: (id, h) => ({
        method: 'PATCH',
        url: `/api/v1/plans/${h.openPlan}`,
        payload: { mechanismId: id },
        ifMatch: true,
      }),
    },
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
    'path:id': {
      target: (h) => h.item,
      request: (id) => ({
        method: 'PATCH',
        url: `/api/v1/plan-items/${id}`,
        payload: { title: { en: 'Probe' } },
        ifMatch: true,
      }),
    },
    'body:parentId': {
      target: (h) => h.chapter,
      request: (id, h) => ({
        method: 'PATCH',
        url: `/api/v1/plan-items/${h.openItem}`,
        payload: { parentId: id },
        ifMatch: true,
      }),
    },
    'body:leadOrganisationId': {
      target: (h) => h.organisation,
      request: (id, h) => ({
        method: 'PATCH',
        url: `/api/v1/plan-items/${h.openItem}`,
        payload: { leadOrganisationId: id },
        ifMatch: true,
      }),
    },
    'body:partnerOrganisationIds': {
      target: (h) => h.organisation,
      request: (id, h) => ({
        method: 'PATCH',
        url: `/api/v1/plan-items/${h.openItem}`,
        payload: { partnerOrganisationIds: [id] },
        ifMatch: true,
      }),
    },
  },
  'DELETE /api/v1/plan-items/:id': byPath('item', 'DELETE', '/api/v1/plan-items/:id'),
  'POST /api/v1/plan-items/:id/restore': byPath(
    'deletedItem',
    'POST',
    '/api/v1/plan-items/:id/restore',
  ),
  'POST /api/v1/plans/:id/imports': {
    'path:id': {
      target: (h) => h.plan,
      request: (id) => ({
        method: 'POST',
        url: `/api/v1/plans/${id}/imports`,
        payload: {
          fileName: 'items.csv',
          content: Buffer.from('code;titleEn\n').toString('base64'),
        },
      }),
    },
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
  'POST /api/v1/plan-items/:id/indicators': {
    'path:id': {
      target: (h) => h.item,
      request: (id) => ({
        method: 'POST',
        url: `/api/v1/plan-items/${id}/indicators`,
        payload: { kind: 'quantitative', name: { en: 'Probe' }, unit: 'x' },
      }),
    },
  },
  'PATCH /api/v1/indicators/:id': {
    'path:id': {
      target: (h) => h.indicator,
      request: (id) => ({
        method: 'PATCH',
        url: `/api/v1/indicators/${id}`,
        payload: { name: { en: 'Probe' } },
        ifMatch: true,
      }),
    },
  },
  'DELETE /api/v1/indicators/:id': byPath('indicator', 'DELETE', '/api/v1/indicators/:id'),
  'POST /api/v1/indicators/:id/measurements': {
    'path:id': {
      target: (h) => h.indicator,
      request: (id) => ({
        method: 'POST',
        url: `/api/v1/indicators/${id}/measurements`,
        payload: { measuredOn: '2026-02-01', value: 1 },
      }),
    },
  },
  'POST /api/v1/plans/:id/periods': {
    'path:id': {
      target: (h) => h.plan,
      request: (id) => ({
        method: 'POST',
        url: `/api/v1/plans/${id}/periods`,
        payload: { kind: 'quarter', startsOn: '2026-04-01', endsOn: '2026-06-30', title: 'Q2' },
      }),
    },
  },
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
  'POST /api/v1/reports/:id/return': {
    'path:id': {
      target: (h) => h.report,
      request: (id) => ({
        method: 'POST',
        url: `/api/v1/reports/${id}/return`,
        payload: { comment: 'Please add evidence.' },
        ifMatch: true,
      }),
    },
  },
  'POST /api/v1/plan-items/:id/comments': {
    'path:id': {
      target: (h) => h.item,
      request: (id) => ({
        method: 'POST',
        url: `/api/v1/plan-items/${id}/comments`,
        payload: { body: 'Probe' },
      }),
    },
  },
  'PATCH /api/v1/comments/:id': {
    'path:id': {
      target: (h) => h.comment,
      request: (id) => ({
        method: 'PATCH',
        url: `/api/v1/comments/${id}`,
        payload: { body: 'Probe' },
        ifMatch: true,
      }),
    },
  },
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

function byPath(
  target: keyof Hidden,
  method: Request['method'],
  path: string,
): Record<string, Probe> {
  return {
    'path:id': {
      target: (h) => h[target],
      request: (id) => ({
        method,
        url: path.replace(':id', id),
        ifMatch: method !== 'POST' || /\/(lock|submit|approve|return)$/.test(path),
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

describe.each(testDatabases)(
  'write routes tell no hidden record from a missing one, on %s',
  (kind) => {
    let t: TestApp;
    let prober: Viewer;
    let h: Hidden;
    beforeAll(async () => {
      t = await startTestApp(kind, { seed: false });
      const boss = (await t.signIn('administrator')).headers;
      const org = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: '/api/v1/organisations',
        headers: boss,
        payload: {
          kind: 'ministry',
          side: 'partner',
          nation: 'RS',
          name: { en: 'Hidden ministry' },
        },
      });
      const agreement = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: '/api/v1/agreements',
        headers: boss,
        payload: { kind: 'other', status: 'signed', title: { en: 'Hidden agreement' } },
      });
      const event = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: '/api/v1/timeline-events',
        headers: boss,
        payload: {
          when: { date: '2020-01', precision: 'month' },
          category: 'other',
          title: { en: 'Hidden event' },
          sources: [{ citation: 'Test' }],
        },
      });
      const mechanism = uuidv7();
      const now = new Date().toISOString();
      await sql`insert into mechanisms (id, version, created_at, created_by, updated_at, updated_by,
      deleted_at, label_policy, label_level, label_rank, label_owner, label_releasable_to,
      label_originator_id, search_text, parent_id, kind, name_en) values (${mechanism}, 1, ${now},
      null, ${now}, null, null, 'NATO', 'NATO_UNCLASSIFIED', 1, 'NATO', '["NATO"]', null,
      'hidden mechanism', null, 'programme', 'Hidden mechanism')`.execute(t.db.kysely);
      const plan = await createPlan(t, boss, 'PROBE-HIDDEN');
      const item = await createItem(t, boss, plan, null, 'Hidden item');
      const comment = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: `/api/v1/plan-items/${item}/comments`,
        headers: boss,
        payload: { body: 'Hidden comment' },
      });
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
      const openOrganisation = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: '/api/v1/organisations',
        headers: boss,
        payload: { kind: 'ministry', side: 'partner', nation: 'RS', name: { en: 'Open ministry' } },
      });
      const openAgreement = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: '/api/v1/agreements',
        headers: boss,
        payload: { kind: 'other', status: 'signed', title: { en: 'Open agreement' } },
      });
      await setLabel(t, 'organisations', openOrganisation.id, PUBLIC);
      await setLabel(t, 'agreements', openAgreement.id, PUBLIC);
      const bossId = (
        await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: boss })
      ).json().user.id as string;
      const token = uuidv7();
      await sql`insert into api_tokens (id, user_id, name, token_hash, prefix, scopes, created_at,
      expires_at, revoked_at) values (${token}, ${bossId}, 'boss token',
      ${tokenHash(randomBytes(16).toString('hex'))}, 'lsn_boss', '["read"]', ${now},
      ${new Date(Date.now() + 86_400_000).toISOString()}, null)`.execute(t.db.kysely);

      for (const [table, id] of [
        ['organisations', org.id],
        ['agreements', agreement.id],
        ['timeline_events', event.id],
        ['plans', plan],
        ['plan_items', item],
        ['comments', comment.id],
        ['plan_items', chapter],
      ] as const)
        await setLabel(t, table, id, NATO_ONLY);
      for (const id of [openPlan]) await setLabel(t, 'plans', id, PUBLIC);
      await setLabel(t, 'plan_items', openItem, PUBLIC);
      h = {
        organisation: org.id,
        agreement: agreement.id,
        timelineEvent: event.id,
        mechanism,
        plan,
        item,
        chapter,
        comment: comment.id,
        indicator: indicator.id,
        period: period.id,
        report: report.id,
        importJob: importJob.id,
        token,
        openPlan,
        openItem,
        openPeriod: openPeriod.id,
        openOrganisation: openOrganisation.id,
        openAgreement: openAgreement.id,
        // Filled below, once the deleted twins exist.
        deletedOrganisation: '',
        deletedAgreement: '',
        deletedTimelineEvent: '',
        deletedPlan: '',
        deletedItem: '',
        deletedComment: '',
      };
      // Deleted twins of the hidden records, for the restore routes.
      const deletedOrganisation = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: '/api/v1/organisations',
        headers: boss,
        payload: {
          kind: 'ministry',
          side: 'partner',
          nation: 'RS',
          name: { en: 'Deleted ministry' },
        },
      });
      const deletedAgreement = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: '/api/v1/agreements',
        headers: boss,
        payload: { kind: 'other', status: 'signed', title: { en: 'Deleted agreement' } },
      });
      const deletedEvent = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: '/api/v1/timeline-events',
        headers: boss,
        payload: {
          when: { date: '2020-02', precision: 'month' },
          category: 'other',
          title: { en: 'Deleted event' },
          sources: [{ citation: 'Test' }],
        },
      });
      const deletedPlan = await createPlan(t, boss, 'PROBE-DELETED');
      const deletedItem = await createItem(t, boss, openPlan, null, 'Deleted hidden item');
      const deletedComment = await must<{ id: string }>(t, 201, {
        method: 'POST',
        url: `/api/v1/plan-items/${openItem}/comments`,
        headers: boss,
        payload: { body: 'Deleted hidden comment' },
      });
      const gone = new Date().toISOString();
      for (const [table, id] of [
        ['organisations', deletedOrganisation.id],
        ['agreements', deletedAgreement.id],
        ['timeline_events', deletedEvent.id],
        ['plans', deletedPlan],
        ['plan_items', deletedItem],
        ['comments', deletedComment.id],
      ] as const) {
        await setLabel(t, table, id, NATO_ONLY);
        await sql`update ${sql.table(table)} set deleted_at = ${gone} where id = ${id}`.execute(
          t.db.kysely,
        );
      }
      Object.assign(h, {
        deletedOrganisation: deletedOrganisation.id,
        deletedAgreement: deletedAgreement.id,
        deletedTimelineEvent: deletedEvent.id,
        deletedPlan,
        deletedItem,
        deletedComment: deletedComment.id,
      });
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
