/**
 * The audit log is read through the read rule, administrators included: an administrator who may
 * not read a record — on its own label or because of its plan or a parent item — sees that entries
 * about it exist, marked withheld, without their record id or before/after. Every audited entity
 * type is registered in server/modules/audit-log/visibility.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import {
  createItem,
  createPlan,
  createViewer,
  must,
  NATO_ONLY,
  PUBLIC,
  setLabel,
  type Viewer,
} from '../../access/labelled-world.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { AUDITED_ENTITIES, auditEntityRule } from './visibility.js';

interface Entry {
  seq: number;
  action: string;
  entityType: string | null;
  entityId: string | null;
  entityTitle: { en: string | null; sr: string | null } | null;
  before: unknown;
  after: unknown;
  references: Record<string, { en: string | null; sr: string | null }>;
  redacted: boolean;
}

/** Entity types the server's source audits: `entityType: 'x'`, `entityType: X` and `entity: X`. */
function auditedTypesInSource(): Set<string> {
  const root = path.resolve(import.meta.dirname, '../..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // server/test/ is the test harness (its helpers append made-up entries to test databases).
      if (entry.isDirectory()) {
        if (full !== path.join(root, 'test')) walk(full);
      } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) files.push(full);
    }
  };
  walk(root);
  const sources = files.map((f) => fs.readFileSync(f, 'utf8'));
  const constants = new Map<string, string>();
  for (const source of sources)
    for (const m of source.matchAll(/export const ([A-Z_]+) = '([a-z_]+)'/g))
      constants.set(m[1]!, m[2]!);
  const types = new Set<string>();
  for (const source of sources) {
    for (const m of source.matchAll(/\bentity(?:Type)?: '([a-z_]+)'/g)) types.add(m[1]!);
    for (const m of source.matchAll(/\bentity(?:Type)?: ([A-Z_]+)\b/g)) {
      const value = constants.get(m[1]!);
      if (!value) throw new Error(`cannot resolve the audited entity type constant ${m[1]}`);
      types.add(value);
    }
  }
  return types;
}

describe.each(testDatabases)('the audit log through the read rule, on %s', (kind) => {
  let t: TestApp;
  let boss: Session;
  let lowAdmin: Viewer;
  /** An administrator of NATO cleared for all of it: reads every entry in full. */
  let topAdmin: Viewer;
  const hidden = new Set<string>();
  const shown = new Set<string>();
  let hiddenItem: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    boss = await t.signIn('administrator');
    const h = boss.headers;

    // A hidden plan holding a PUBLIC chapter, with a comment, an indicator and its measurement, a
    // reporting period and a report: all hidden through the plan.
    const hiddenPlan = await createPlan(t, h, 'AUD-HIDDEN');
    hiddenItem = await createItem(t, h, hiddenPlan, null, 'Public chapter of a hidden plan');
    await setLabel(t, 'plan_items', hiddenItem, PUBLIC);
    const comment = await must<{ id: string }>(t, 201, {
      method: 'POST',
      url: `/api/v1/plan-items/${hiddenItem}/comments`,
      headers: h,
      payload: { body: 'Inside a hidden plan' },
    });
    await setLabel(t, 'comments', comment.id, PUBLIC);
    const indicator = await must<{ id: string }>(t, 201, {
      method: 'POST',
      url: `/api/v1/plan-items/${hiddenItem}/indicators`,
      headers: h,
      payload: { kind: 'quantitative', name: { en: 'Officers trained' }, unit: 'people' },
    });
    await must(t, 201, {
      method: 'POST',
      url: `/api/v1/indicators/${indicator.id}/measurements`,
      headers: h,
      payload: { measuredOn: '2026-01-15', value: 12 },
    });
    const period = await must<{ id: string }>(t, 201, {
      method: 'POST',
      url: `/api/v1/plans/${hiddenPlan}/periods`,
      headers: h,
      payload: { kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', title: 'Q1' },
    });
    const report = await must<{ id: string }>(t, 201, {
      method: 'PUT',
      url: `/api/v1/periods/${period.id}/items/${hiddenItem}/report`,
      headers: h,
      payload: { itemStatus: 'ongoing', narrative: 'Secret narrative' },
    });
    // An administrator cleared for nothing, of another nation, in no organisation.
    lowAdmin = await createViewer(t, {
      role: 'administrator',
      nation: 'ZZ',
      clearances: {},
      organisationIds: [],
      grants: [],
    });
    // A grant on the plan (made while the administrator could still see it) names it: its
    // entries are withheld as well.
    const grant = await must<{ id: string }>(t, 201, {
      method: 'POST',
      url: `/api/v1/users/${lowAdmin.userId}/grants`,
      headers: h,
      payload: { entityType: 'plan', entityId: hiddenPlan },
    });
    await must(t, 204, {
      method: 'DELETE',
      url: `/api/v1/grants/${grant.id}`,
      headers: { ...h, 'if-match': '*' },
    });
    hidden.add(grant.id);
    await setLabel(t, 'plans', hiddenPlan, NATO_ONLY);
    for (const id of [hiddenPlan, hiddenItem, comment.id, indicator.id, period.id, report.id])
      hidden.add(id);

    // A visible plan with a hidden chapter and a PUBLIC item under it: the item is hidden too.
    const plan = await createPlan(t, h, 'AUD-SHOWN');
    const chapter = await createItem(t, h, plan, null, 'Hidden chapter');
    const under = await createItem(t, h, plan, chapter, 'Public objective under it');
    const open = await createItem(t, h, plan, null, 'Open chapter');
    await setLabel(t, 'plans', plan, PUBLIC);
    await setLabel(t, 'plan_items', chapter, NATO_ONLY);
    await setLabel(t, 'plan_items', under, PUBLIC);
    await setLabel(t, 'plan_items', open, PUBLIC);
    hidden.add(chapter).add(under);
    shown.add(plan).add(open);
    topAdmin = await createViewer(t, {
      role: 'administrator',
      nation: 'NATO',
      clearances: { NATO: 3 },
      organisationIds: [],
      grants: [],
    });
  });
  afterAll(() => t.close());

  const entries = async (headers: Record<string, string>, query = '') =>
    (
      await must<{ items: Entry[]; total: number }>(t, 200, {
        method: 'GET',
        url: `/api/v1/audit-log?pageSize=200${query}`,
        headers,
      })
    ).items;

  it('withholds what the administrator may not read, containers included, and shows the rest', async () => {
    const all = await entries(topAdmin.headers);
    const about = (ids: Set<string>) => all.filter((e) => e.entityId && ids.has(e.entityId));
    const hiddenSeqs = new Set(about(hidden).map((e) => e.seq));
    const shownSeqs = new Set(about(shown).map((e) => e.seq));
    // Every kind of record the finding named is among them.
    expect(new Set(about(hidden).map((e) => e.entityType))).toEqual(
      new Set([
        'plan',
        'plan_item',
        'comment',
        'indicator',
        'reporting_period',
        'progress_report',
        'grant',
      ]),
    );
    // The cleared administrator reads every entry in full.
    expect(all.filter((e) => e.redacted)).toEqual([]);

    const seen = await entries(lowAdmin.headers);
    for (const e of seen) {
      if (hiddenSeqs.has(e.seq)) {
        expect({ seq: e.seq, type: e.entityType, redacted: e.redacted }).toEqual({
          seq: e.seq,
          type: e.entityType,
          redacted: true,
        });
        expect([e.entityId, e.before, e.after]).toEqual([null, null, null]);
      }
      if (shownSeqs.has(e.seq)) expect(e.redacted).toBe(false);
    }
    expect(seen.filter((e) => hiddenSeqs.has(e.seq))).toHaveLength(hiddenSeqs.size);
    expect(seen.filter((e) => shownSeqs.has(e.seq)).length).toBeGreaterThan(0);
    // Nothing in what the low administrator reads names a hidden record.
    const text = JSON.stringify(seen);
    for (const id of hidden) expect(text).not.toContain(id);
    expect(text).not.toContain('Secret narrative');
  });

  it('names each record by its title to a reader who may see it, and never to one who may not', async () => {
    const titled = async (headers: Record<string, string>, id: string) =>
      (await entries(headers, `&entityId=${id}`)).map((e) => e.entityTitle?.en ?? null);
    // A cleared reader reads the plan item's code and title instead of its id.
    expect(await titled(topAdmin.headers, hiddenItem)).toContain(
      '1 Public chapter of a hidden plan',
    );
    const all = await entries(topAdmin.headers, '&action=plan_item.create');
    const created = all.find((e) => e.entityTitle?.en?.endsWith('Public objective under it'));
    expect(created?.entityTitle?.en).toBe('1.1 Public objective under it');
    // Its snapshot's planId is named too: the reader sees the plan, not a UUID.
    const planId = (created?.after as { planId: string }).planId;
    expect(created?.references[planId]).toEqual({
      en: 'AUD-SHOWN Plan AUD-SHOWN',
      sr: null,
    });

    // A reader without the clearance gets the entries withheld: no title, no names of anything.
    const seen = await entries(lowAdmin.headers);
    const about = new Set(
      (await entries(topAdmin.headers))
        .filter((e) => e.entityId && hidden.has(e.entityId))
        .map((e) => e.seq),
    );
    expect(about.size).toBeGreaterThan(5);
    for (const e of seen.filter((x) => about.has(x.seq))) {
      expect(e.entityTitle).toBeNull();
      expect(e.references).toEqual({});
    }
    // The visible plan is named to the low reader; nothing hidden is.
    expect(seen.some((e) => e.entityTitle?.en === 'AUD-SHOWN Plan AUD-SHOWN')).toBe(true);
    const text = JSON.stringify(seen);
    for (const title of [
      'Public chapter of a hidden plan',
      'Hidden chapter',
      'Public objective under it',
      'Plan AUD-HIDDEN',
      'Officers trained',
      'Inside a hidden plan',
    ])
      expect(text).not.toContain(title);
  });

  it('has words in every language for each action, record type and field it recorded', async () => {
    const all = await entries(topAdmin.headers);
    const fieldsSeen = new Set<string>();
    for (const e of all)
      for (const s of [e.before, e.after])
        if (s && typeof s === 'object' && !Array.isArray(s))
          for (const key of Object.keys(s)) fieldsSeen.add(key);
    for (const language of ['en', 'sr-Latn', 'sr-Cyrl']) {
      const words = JSON.parse(
        fs.readFileSync(
          path.resolve(import.meta.dirname, `../../../web/src/locales/${language}/auditLog.json`),
          'utf8',
        ),
      ) as {
        actions: Record<string, Record<string, string>>;
        recordTypes: Record<string, string>;
        fields: Record<string, string>;
      };
      const missing = [
        ...[...new Set(all.map((e) => e.action))].filter((a) => {
          const [group, verb] = a.split('.');
          return !words.actions[group!]?.[verb!];
        }),
        ...[...new Set(all.map((e) => e.entityType))].filter(
          (type) => type !== null && !words.recordTypes[type],
        ),
        ...[...fieldsSeen].filter((field) => !words.fields[field]),
      ];
      expect(missing, `words missing in web/src/locales/${language}/auditLog.json`).toEqual([]);
    }
  });

  it('answers a filter on a hidden record exactly like one on an unknown id', async () => {
    const forHidden = await t.inject({
      method: 'GET',
      url: `/api/v1/audit-log?entityId=${hiddenItem}`,
      headers: lowAdmin.headers,
    });
    const forRandom = await t.inject({
      method: 'GET',
      url: `/api/v1/audit-log?entityId=${uuidv7()}`,
      headers: lowAdmin.headers,
    });
    expect(forHidden.statusCode).toBe(200);
    expect(forHidden.body).toBe(forRandom.body);
    expect((await entries(topAdmin.headers, `&entityId=${hiddenItem}`)).length).toBeGreaterThan(0);
  });

  it('registers every entity type the server audits, and withholds an unregistered one', async () => {
    const inSource = auditedTypesInSource();
    expect(inSource.size).toBeGreaterThan(8);
    const unregistered = [...inSource].filter((type) => !auditEntityRule(type));
    expect(
      unregistered,
      'Register these audited entity types in AUDITED_ENTITIES (server/modules/audit-log/visibility.ts)',
    ).toEqual([]);
    const logged = await t.db.kysely
      .selectFrom('audit_log')
      .select('entity_type')
      .distinct()
      .where('entity_type', 'is not', null)
      .execute();
    for (const { entity_type } of logged) expect(AUDITED_ENTITIES).toHaveProperty(entity_type!);

    // An entry of a type nobody registered is withheld from everyone (fail closed). It goes into
    // a log of its own, so the shared log holds only registered types whatever the order.
    const own = await startTestApp(kind, { seed: false });
    try {
      const ownAdmin = await own.signIn('administrator');
      await own.db.write((trx) =>
        import('../../audit/audit-log.js').then(({ AuditLog }) =>
          new AuditLog(own.db.dialect).record(
            trx,
            { actor: null, ip: null },
            {
              action: 'mystery.create',
              entityType: 'mystery',
              entityId: uuidv7(),
              after: { name: 'unregistered' },
            },
          ),
        ),
      );
      const mystery = (
        await must<{ items: Entry[] }>(own, 200, {
          method: 'GET',
          url: '/api/v1/audit-log?pageSize=200&action=mystery.',
          headers: ownAdmin.headers,
        })
      ).items.at(0);
      expect(mystery).toMatchObject({ entityType: 'mystery', redacted: true, after: null });
    } finally {
      await own.close();
    }
  });
});
