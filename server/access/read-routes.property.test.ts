/**
 * The differential visibility test over EVERY labelled-read route of the route inventory. One world
 * of records (organisations, persons, mechanisms, agreements, activities, timeline events, plans
 * with nested items, comments, indicators with measurements, a reporting period with a report, an
 * import) is built once through the API; each run of the property gives every labelled record a
 * random label and asks random readers (viewers and administrators, of random nations, clearances,
 * organisations and grants) every labelled-read route. What each route shows is compared with the
 * read rule of core/access/read-rule.ts, containers included (item → items above → plan; comment,
 * indicator, report → item), and references (a visible record names no hidden one).
 *
 * A route classified 'labelled-read' in server/http/route-inventory.ts without a probe here fails
 * the first test: add one to PROBES.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayRead, type LabelledRecord, type Reader } from '../../core/access/read-rule.js';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import { routesOfClass } from '../http/route-inventory.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import {
  ANONYMOUS,
  asRecord,
  createAgreement,
  createItem,
  createOrganisation,
  createPlan,
  createTimelineEvent,
  createViewer,
  must,
  recordColumns,
  setLabel,
  type Label,
  type LabelledTableName,
  type Viewer,
} from './labelled-world.js';

const NATIONS = ['RS', 'NATO', 'HU'];

/* ------------------------------------------------------------------ the world */

interface Labelled {
  id: string;
  table: LabelledTableName;
  /** Words only this record carries (its title or name), to find it in files and bodies. */
  words: string;
}
interface ItemNode extends Labelled {
  planId: string;
  parentId: string | null;
  code: string;
  leadId: string | null;
}
interface World {
  orgs: Labelled[];
  persons: (Labelled & { organisationId: string })[];
  mechanisms: Labelled[];
  agreements: (Labelled & { mechanismId: string })[];
  activities: Labelled[];
  events: (Labelled & { relatedAgreementId: string })[];
  plans: Labelled[];
  items: ItemNode[];
  comments: (Labelled & { itemId: string })[];
  indicators: { id: string; itemId: string }[];
  periodId: string;
  periodPlanId: string;
  reportItemId: string;
  importId: string;
}

type Labels = Map<string, Label>;

/** Inserts a record of a table without a write API (persons, mechanisms, activities). */
async function insertRecord(
  t: TestApp,
  table: 'persons' | 'mechanisms' | 'activities',
  values: Record<string, unknown>,
): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  const row = {
    id,
    ...recordColumns(now),
    label_policy: 'NONE',
    label_level: 'PUBLIC',
    label_rank: 0,
    label_owner: 'NATO',
    label_releasable_to: '["PUBLIC"]',
    label_originator_id: null,
    search_text: String(Object.values(values).join(' ')).toLowerCase(),
    ...values,
  };
  await t.db.kysely
    .insertInto(table as 'activities')
    .values(row as never)
    .execute();
  return id;
}

async function buildWorld(t: TestApp, h: Record<string, string>): Promise<World> {
  const tag = `w${randomBytes(3).toString('hex')}`;
  const orgs: Labelled[] = [];
  for (const n of [1, 2, 3]) {
    const words = `${tag} Ministry ${n}`;
    const id = await createOrganisation(t, h, words);
    orgs.push({ id, table: 'organisations', words });
  }
  const persons = [] as World['persons'];
  for (const [i, org] of orgs.slice(0, 2).entries()) {
    const words = `Person${i}${tag}`;
    const id = await insertRecord(t, 'persons', {
      organisation_id: org.id,
      given_name: words,
      family_name: 'Reader',
      position_en: null,
      position_sr: null,
      email: null,
      phone: null,
    });
    persons.push({ id, table: 'persons', words, organisationId: org.id });
  }
  const mechanisms: Labelled[] = [];
  for (const n of [1, 2]) {
    const words = `${tag} Mechanism ${n}`;
    const id = await insertRecord(t, 'mechanisms', {
      parent_id: null,
      kind: 'programme',
      name_en: words,
      name_sr: null,
      abbreviation_en: null,
      abbreviation_sr: null,
      description_en: null,
      description_sr: null,
      started_on: null,
      started_precision: null,
      policy_basis_en: null,
      policy_basis_sr: null,
      seed_key: null,
    });
    mechanisms.push({ id, table: 'mechanisms', words });
  }
  // References between records: a mechanism under another, led by organisations; an organisation
  // under another; activities in a mechanism with an organiser; plans in a mechanism.
  await sql`update mechanisms set parent_id = ${mechanisms[0]!.id} where id = ${mechanisms[1]!.id}`.execute(
    t.db.kysely,
  );
  for (const [m, o] of [
    [0, 1],
    [1, 2],
  ] as const)
    await sql`insert into mechanism_organisations (mechanism_id, organisation_id, role)
      values (${mechanisms[m]!.id}, ${orgs[o]!.id}, 'lead')`.execute(t.db.kysely);
  await sql`update organisations set parent_id = ${orgs[0]!.id} where id = ${orgs[2]!.id}`.execute(
    t.db.kysely,
  );
  const agreements = [] as World['agreements'];
  for (const [i, m] of mechanisms.entries()) {
    const words = `${tag} Agreement ${i}`;
    const id = await createAgreement(t, h, words, { mechanismId: m.id });
    agreements.push({ id, table: 'agreements', words, mechanismId: m.id });
  }
  const activities: Labelled[] = [];
  for (const n of [1, 2]) {
    const words = `${tag} Activity ${n}`;
    const id = await insertRecord(t, 'activities', {
      mechanism_id: null,
      kind: 'other',
      status: 'planned',
      title_en: words,
      title_sr: null,
      description_en: null,
      description_sr: null,
      starts_on: '2026-01-01',
      ends_on: null,
      venue_en: null,
      venue_sr: null,
      host_side: null,
      organiser_id: orgs[n]!.id,
    });
    await sql`update activities set mechanism_id = ${mechanisms[n - 1]!.id} where id = ${id}`.execute(
      t.db.kysely,
    );
    activities.push({ id, table: 'activities', words });
  }
  const events = [] as World['events'];
  for (const [i, a] of agreements.entries()) {
    const words = `${tag} Event ${i}`;
    const id = await createTimelineEvent(t, h, words);
    await sql`insert into record_links (from_type, from_id, to_type, to_id)
      values ('timeline_event', ${id}, 'agreement', ${a.id})`.execute(t.db.kysely);
    events.push({ id, table: 'timeline_events', words, relatedAgreementId: a.id });
  }

  const plans: Labelled[] = [];
  const items: ItemNode[] = [];
  const addItem = async (
    planId: string,
    parent: ItemNode | null,
    leadId: string | null,
  ): Promise<ItemNode> => {
    const words = `${tag} Item ${items.length}x`;
    const id = await createItem(t, h, planId, parent?.id ?? null, words, {
      leadOrganisationId: leadId,
    });
    const body = await must<{ code: string }>(t, 200, {
      method: 'GET',
      url: `/api/v1/plan-items/${id}`,
      headers: h,
    });
    const node = {
      id,
      table: 'plan_items' as const,
      words,
      planId,
      parentId: parent?.id ?? null,
      code: body.code,
      leadId,
    };
    items.push(node);
    return node;
  };
  for (const n of [1, 2]) {
    const planId = await createPlan(t, h, `${tag}-П${n}`);
    plans.push({ id: planId, table: 'plans', words: `Plan ${tag}-П${n}` });
    await sql`update plans set mechanism_id = ${mechanisms[n - 1]!.id} where id = ${planId}`.execute(
      t.db.kysely,
    );
    const chapter = await addItem(planId, null, null);
    const objective = await addItem(planId, chapter, orgs[0]!.id);
    await addItem(planId, objective, orgs[n]!.id);
    await addItem(planId, objective, orgs[2]!.id);
    const other = await addItem(planId, null, orgs[1]!.id);
    await addItem(planId, other, orgs[0]!.id);
  }
  const comments = [] as World['comments'];
  for (const item of [items[2]!, items[5]!, items[8]!]) {
    const words = `${tag} Comment ${comments.length}`;
    const c = await must<{ id: string }>(t, 201, {
      method: 'POST',
      url: `/api/v1/plan-items/${item.id}/comments`,
      headers: h,
      payload: { body: words },
    });
    comments.push({ id: c.id, table: 'comments', words, itemId: item.id });
  }
  const indicators = [] as World['indicators'];
  for (const item of [items[2]!, items[9]!]) {
    const ind = await must<{ id: string }>(t, 201, {
      method: 'POST',
      url: `/api/v1/plan-items/${item.id}/indicators`,
      headers: h,
      payload: { kind: 'quantitative', name: { en: `${tag} Indicator` }, unit: 'people' },
    });
    await must(t, 201, {
      method: 'POST',
      url: `/api/v1/indicators/${ind.id}/measurements`,
      headers: h,
      payload: { measuredOn: '2026-01-15', value: 3 },
    });
    indicators.push({ id: ind.id, itemId: item.id });
  }
  const period = await must<{ id: string }>(t, 201, {
    method: 'POST',
    url: `/api/v1/plans/${plans[0]!.id}/periods`,
    headers: h,
    payload: { kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', title: 'Q1' },
  });
  await must(t, 201, {
    method: 'PUT',
    url: `/api/v1/periods/${period.id}/items/${items[2]!.id}/report`,
    headers: h,
    payload: { itemStatus: 'ongoing', narrative: `${tag} Narrative` },
  });
  const csv = `code;titleEn\n9;${tag} Imported\n`;
  const job = await must<{ id: string }>(t, 202, {
    method: 'POST',
    url: `/api/v1/plans/${plans[0]!.id}/imports`,
    headers: h,
    payload: { fileName: 'items.csv', content: Buffer.from(csv).toString('base64') },
  }).catch(() =>
    must<{ id: string }>(t, 201, {
      method: 'POST',
      url: `/api/v1/plans/${plans[0]!.id}/imports`,
      headers: h,
      payload: { fileName: 'items.csv', content: Buffer.from(csv).toString('base64') },
    }),
  );
  return {
    orgs,
    persons,
    mechanisms,
    agreements,
    activities,
    events,
    plans,
    items,
    comments,
    indicators,
    periodId: period.id,
    periodPlanId: plans[0]!.id,
    reportItemId: items[2]!.id,
    importId: job.id,
  };
}

function labelledRecords(w: World): Labelled[] {
  return [
    ...w.orgs,
    ...w.persons,
    ...w.mechanisms,
    ...w.agreements,
    ...w.activities,
    ...w.events,
    ...w.plans,
    ...w.items,
    ...w.comments,
  ];
}

/* ------------------------------------------------------------------ the oracle */

/** The read rule with containers and references, for one reader and one labelling of the world. */
class Oracle {
  constructor(
    private readonly w: World,
    private readonly labels: Labels,
    readonly reader: Reader | null,
  ) {}

  private rec(id: string, grantedThrough?: string[]): LabelledRecord {
    return asRecord(id, this.labels.get(id)!, grantedThrough);
  }
  sees(id: string): boolean {
    return mayRead(this.reader, this.rec(id));
  }
  seesItem(id: string): boolean {
    const item = this.w.items.find((i) => i.id === id)!;
    if (!mayRead(this.reader, this.rec(id, [item.planId]))) return false;
    if (!this.sees(item.planId)) return false;
    return item.parentId === null || this.seesItem(item.parentId);
  }
  seesComment(id: string): boolean {
    const c = this.w.comments.find((x) => x.id === id)!;
    return this.sees(id) && this.seesItem(c.itemId);
  }
  visible<T extends { id: string }>(
    records: T[],
    rule: (id: string) => boolean = (id) => this.sees(id),
  ) {
    return records.filter((r) => rule(r.id));
  }
  hiddenWords(): string[] {
    const w = this.w;
    return [
      ...w.orgs.filter((o) => !this.sees(o.id)),
      ...w.persons.filter((o) => !this.sees(o.id)),
      ...w.mechanisms.filter((o) => !this.sees(o.id)),
      ...w.agreements.filter((o) => !this.sees(o.id)),
      ...w.activities.filter((o) => !this.sees(o.id)),
      ...w.events.filter((o) => !this.sees(o.id)),
      ...w.items.filter((o) => !this.seesItem(o.id)),
      ...w.comments.filter((o) => !this.seesComment(o.id)),
    ].map((r) => r.words);
  }
  /** What a world id stands for, for failure messages. */
  describe(id: string): string {
    const r = labelledRecords(this.w).find((x) => x.id === id);
    return r ? `the id of ${r.table} "${r.words}"` : id;
  }
  hiddenIds(): string[] {
    const w = this.w;
    return [
      ...w.orgs.filter((o) => !this.sees(o.id)),
      ...w.mechanisms.filter((o) => !this.sees(o.id)),
      ...w.agreements.filter((o) => !this.sees(o.id)),
      ...w.plans.filter((o) => !this.sees(o.id)),
      ...w.items.filter((o) => !this.seesItem(o.id)),
      ...w.comments.filter((o) => !this.seesComment(o.id)),
    ].map((r) => r.id);
  }
}

/* ------------------------------------------------------------------ the probes */

interface ProbeContext {
  t: TestApp;
  w: World;
  viewer: Viewer;
  o: Oracle;
  notFound: string;
  /** Headers of the administrator who built the world (cleared for all of it). */
  admin: Record<string, string>;
}
type Probe = (c: ProbeContext) => Promise<void>;

const sorted = (ids: string[]) => [...ids].sort();

async function get(c: ProbeContext, url: string) {
  return c.t.inject({ method: 'GET', url, headers: c.viewer.headers });
}

/** Deep equality that fails with both sides spelled out (fast-check reports only the message). */
function same(actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`got ${a}, expected ${e}`);
}

/**
 * Routes that need a signed-in reader answer anonymous visitors 401 whatever the record: the same
 * answer for a visible, a hidden and a missing record tells nothing.
 */
function signInRequired(c: ProbeContext, status: number): boolean {
  return c.viewer.role === null && status === 401;
}

/** A response that must not carry the words or ids of anything the reader may not see. */
/**
 * A label's originator is part of the marking, as on a paper document (docs/SECURITY.md, "Inference
 * channels that remain by design"): it is left out of the search for hidden ids.
 */
function withoutOriginators(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === 'label' && x && typeof x === 'object') {
          const { originatorId: _originator, ...rest } = x as Record<string, unknown>;
          out[k] = rest;
        } else out[k] = walk(x);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(walk(parsed));
}

function expectNothingHidden(c: ProbeContext, route: string, raw: string) {
  const body = withoutOriginators(raw);
  const words = c.o.hiddenWords().filter((x) => body.includes(x));
  const ids = c.o.hiddenIds().filter((x) => body.includes(x));
  if (words.length || ids.length)
    throw new Error(
      `${route} shows what the reader may not see: ${[...words, ...ids.map((id) => c.o.describe(id))].join(', ')}`,
    );
}

/** A record the reader may see answers 200 (and leaks nothing); any other answers like a missing one. */
async function expectDetail(c: ProbeContext, route: string, url: string, visible: boolean) {
  const res = await get(c, url);
  if (signInRequired(c, res.statusCode)) return;
  if (visible) {
    same({ route, url, status: res.statusCode }, { route, url, status: 200 });
    expectNothingHidden(c, route, res.body);
  } else {
    same(
      { route, url, status: res.statusCode, body: res.body },
      {
        route,
        url,
        status: 404,
        body: res.body,
      },
    );
    expect(res.json().error.code).toBe(c.notFound);
  }
}

/** A list of the world's records of one kind: exactly the visible ones, with a total to match. */
async function expectList(c: ProbeContext, route: string, url: string, expected: string[]) {
  const res = await get(c, url);
  if (signInRequired(c, res.statusCode)) return;
  same({ route, status: res.statusCode }, { route, status: 200 });
  const body = res.json() as { items: { id: string }[]; total: number };
  same(
    { route, ids: sorted(body.items.map((i) => i.id)) },
    {
      route,
      ids: sorted(expected),
    },
  );
  same({ route, total: body.total }, { route, total: expected.length });
  expectNothingHidden(c, route, res.body);
}

function flattenTree(nodes: { id: string; children: unknown[] }[]): string[] {
  return nodes.flatMap((n) => [n.id, ...flattenTree(n.children as typeof nodes)]);
}

const PROBES: Record<string, Probe> = {
  'GET /api/v1/organisations': (c) =>
    expectList(
      c,
      'organisations',
      '/api/v1/organisations?pageSize=200',
      c.o.visible(c.w.orgs).map((r) => r.id),
    ),
  'GET /api/v1/organisations/:id': async (c) => {
    for (const r of c.w.orgs)
      await expectDetail(c, 'organisation', `/api/v1/organisations/${r.id}`, c.o.sees(r.id));
  },
  'GET /api/v1/persons': (c) =>
    expectList(
      c,
      'persons',
      '/api/v1/persons?pageSize=200',
      c.o.visible(c.w.persons).map((r) => r.id),
    ),
  'GET /api/v1/persons/:id': async (c) => {
    for (const r of c.w.persons)
      await expectDetail(c, 'person', `/api/v1/persons/${r.id}`, c.o.sees(r.id));
  },
  'GET /api/v1/mechanisms': (c) =>
    expectList(
      c,
      'mechanisms',
      '/api/v1/mechanisms?pageSize=200',
      c.o.visible(c.w.mechanisms).map((r) => r.id),
    ),
  'GET /api/v1/mechanisms/:id': async (c) => {
    for (const r of c.w.mechanisms)
      await expectDetail(c, 'mechanism', `/api/v1/mechanisms/${r.id}`, c.o.sees(r.id));
  },
  'GET /api/v1/agreements': async (c) => {
    await expectList(
      c,
      'agreements',
      '/api/v1/agreements?pageSize=200',
      c.o.visible(c.w.agreements).map((r) => r.id),
    );
    // Filtering on a mechanism: only a visible one counts.
    for (const m of c.w.mechanisms) {
      const expected = c.o.sees(m.id)
        ? c.o.visible(c.w.agreements.filter((a) => a.mechanismId === m.id)).map((a) => a.id)
        : [];
      await expectList(
        c,
        'agreements?mechanismId',
        `/api/v1/agreements?mechanismId=${m.id}`,
        expected,
      );
    }
  },
  'GET /api/v1/agreements/:id': async (c) => {
    for (const r of c.w.agreements)
      await expectDetail(c, 'agreement', `/api/v1/agreements/${r.id}`, c.o.sees(r.id));
  },
  'GET /api/v1/activities': (c) =>
    expectList(
      c,
      'activities',
      '/api/v1/activities?pageSize=200',
      c.o.visible(c.w.activities).map((r) => r.id),
    ),
  'GET /api/v1/activities/:id': async (c) => {
    for (const r of c.w.activities)
      await expectDetail(c, 'activity', `/api/v1/activities/${r.id}`, c.o.sees(r.id));
  },
  'GET /api/v1/timeline-events': async (c) => {
    await expectList(
      c,
      'timeline-events',
      '/api/v1/timeline-events?pageSize=200',
      c.o.visible(c.w.events).map((r) => r.id),
    );
    for (const a of c.w.agreements) {
      const expected = c.o.sees(a.id)
        ? c.o.visible(c.w.events.filter((e) => e.relatedAgreementId === a.id)).map((e) => e.id)
        : [];
      await expectList(
        c,
        'timeline-events?relatedTo',
        `/api/v1/timeline-events?relatedTo=${a.id}`,
        expected,
      );
    }
  },
  'GET /api/v1/timeline-events/:id': async (c) => {
    for (const r of c.w.events)
      await expectDetail(c, 'timeline-event', `/api/v1/timeline-events/${r.id}`, c.o.sees(r.id));
  },
  'GET /api/v1/plans': (c) =>
    expectList(
      c,
      'plans',
      '/api/v1/plans?pageSize=200',
      c.o.visible(c.w.plans).map((r) => r.id),
    ),
  'GET /api/v1/plans/:id': async (c) => {
    for (const p of c.w.plans)
      await expectDetail(c, 'plan', `/api/v1/plans/${p.id}`, c.o.sees(p.id));
  },
  'GET /api/v1/plans/:id/items': async (c) => {
    for (const p of c.w.plans) {
      const url = `/api/v1/plans/${p.id}/items?pageSize=200`;
      if (!c.o.sees(p.id)) await expectDetail(c, 'plan items', url, false);
      else
        await expectList(
          c,
          'plan items',
          url,
          c.w.items.filter((i) => i.planId === p.id && c.o.seesItem(i.id)).map((i) => i.id),
        );
    }
  },
  'GET /api/v1/plans/:id/tree': async (c) => {
    const today = new Date().toISOString().slice(0, 10);
    for (const p of c.w.plans) {
      for (const url of [
        `/api/v1/plans/${p.id}/tree`,
        `/api/v1/plans/${p.id}/tree?asOf=${today}`,
      ]) {
        if (!c.o.sees(p.id)) {
          await expectDetail(c, 'tree', url, false);
          continue;
        }
        const res = await get(c, url);
        same({ url, status: res.statusCode }, { url, status: 200 });
        const ids = flattenTree(res.json().items);
        const expected = c.w.items
          .filter((i) => i.planId === p.id && c.o.seesItem(i.id))
          .map((i) => i.id);
        same({ url, ids: sorted(ids) }, { url, ids: sorted(expected) });
        expectNothingHidden(c, url, res.body);
      }
      if (!c.o.sees(p.id)) continue;
      // A part of the tree: the top level, and the children of each item (a hidden one answers
      // like an unknown id).
      const planItems = c.w.items.filter((i) => i.planId === p.id);
      const parts: { url: string; parent: string | null }[] = [
        { url: `/api/v1/plans/${p.id}/tree?depth=1`, parent: null },
        ...planItems.map((i) => ({
          url: `/api/v1/plans/${p.id}/tree?parentId=${i.id}&depth=1`,
          parent: i.id,
        })),
      ];
      for (const { url, parent } of parts) {
        if (parent && !c.o.seesItem(parent)) {
          await expectDetail(c, 'tree part', url, false);
          continue;
        }
        const res = await get(c, url);
        same({ url, status: res.statusCode }, { url, status: 200 });
        const expected = planItems
          .filter((i) => (i.parentId ?? null) === parent && c.o.seesItem(i.id))
          .map((i) => i.id);
        same({ url, ids: sorted(flattenTree(res.json().items)) }, { url, ids: sorted(expected) });
        expectNothingHidden(c, url, res.body);
      }
    }
  },
  'GET /api/v1/plans/:id/dashboard': async (c) => {
    for (const p of c.w.plans) {
      const url = `/api/v1/plans/${p.id}/dashboard`;
      if (!c.o.sees(p.id)) {
        await expectDetail(c, 'dashboard', url, false);
        continue;
      }
      const res = await get(c, url);
      same({ url, status: res.statusCode }, { url, status: 200 });
      const visible = c.w.items.filter((i) => i.planId === p.id && c.o.seesItem(i.id));
      const leaves = visible.filter((i) => !visible.some((x) => x.parentId === i.id));
      same(
        { url, total: res.json().overall.breakdown.total },
        {
          url,
          total: leaves.length,
        },
      );
      expectNothingHidden(c, url, res.body);
    }
  },
  'GET /api/v1/plans/:id/export': async (c) => {
    for (const p of c.w.plans) {
      for (const format of ['csv', 'xlsx']) {
        const url = `/api/v1/plans/${p.id}/export?format=${format}`;
        if (!c.o.sees(p.id)) {
          await expectDetail(c, 'export', url, false);
          continue;
        }
        const res = await get(c, url);
        same({ url, status: res.statusCode }, { url, status: 200 });
        let text = res.body;
        if (format === 'xlsx') {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
          const cells: string[] = [];
          book.eachSheet((sheet) =>
            sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))),
          );
          text = cells.join('\n');
        }
        const visible = c.w.items.filter((i) => i.planId === p.id && c.o.seesItem(i.id));
        for (const item of c.w.items.filter((i) => i.planId === p.id))
          same(
            { url, item: item.words, shown: text.includes(item.words) },
            {
              url,
              item: item.words,
              shown: visible.includes(item),
            },
          );
        expectNothingHidden(c, url, text);
      }
    }
  },
  'GET /api/v1/plan-items/:id': async (c) => {
    for (const i of c.w.items)
      await expectDetail(c, 'item', `/api/v1/plan-items/${i.id}`, c.o.seesItem(i.id));
  },
  'GET /api/v1/plan-items/:id/changes': async (c) => {
    for (const i of c.w.items)
      await expectDetail(
        c,
        'item changes',
        `/api/v1/plan-items/${i.id}/changes`,
        c.o.seesItem(i.id),
      );
  },
  'GET /api/v1/plan-items/:id/indicators': async (c) => {
    for (const i of c.w.items)
      await expectDetail(
        c,
        'item indicators',
        `/api/v1/plan-items/${i.id}/indicators`,
        c.o.seesItem(i.id),
      );
  },
  'GET /api/v1/plan-items/:id/reports': async (c) => {
    for (const i of c.w.items)
      await expectDetail(
        c,
        'item reports',
        `/api/v1/plan-items/${i.id}/reports`,
        c.o.seesItem(i.id),
      );
  },
  'GET /api/v1/plan-items/:id/comments': async (c) => {
    for (const i of c.w.items) {
      const url = `/api/v1/plan-items/${i.id}/comments?pageSize=200`;
      if (!c.o.seesItem(i.id)) await expectDetail(c, 'item comments', url, false);
      else
        await expectList(
          c,
          'item comments',
          url,
          c.w.comments.filter((x) => x.itemId === i.id && c.o.seesComment(x.id)).map((x) => x.id),
        );
    }
  },
  'GET /api/v1/comments/:id': async (c) => {
    for (const x of c.w.comments)
      await expectDetail(c, 'comment', `/api/v1/comments/${x.id}`, c.o.seesComment(x.id));
  },
  'GET /api/v1/plans/:id/periods': async (c) => {
    for (const p of c.w.plans)
      await expectDetail(c, 'periods', `/api/v1/plans/${p.id}/periods`, c.o.sees(p.id));
  },
  'GET /api/v1/periods/:id/reports-due': async (c) => {
    const url = `/api/v1/periods/${c.w.periodId}/reports-due`;
    await expectDetail(c, 'reports due', url, c.o.sees(c.w.periodPlanId));
  },
  'GET /api/v1/plans/:id/import-template': async (c) => {
    for (const p of c.w.plans) {
      const url = `/api/v1/plans/${p.id}/import-template`;
      const res = await get(c, url);
      if (!c.o.sees(p.id)) {
        same({ url, status: res.statusCode }, { url, status: 404 });
        continue;
      }
      same({ url, status: res.statusCode }, { url, status: 200 });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      book.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))),
      );
      expectNothingHidden(c, url, cells.join('\n'));
    }
  },
  'GET /api/v1/plans/:id/imports': async (c) => {
    for (const p of c.w.plans)
      await expectDetail(c, 'imports', `/api/v1/plans/${p.id}/imports`, c.o.sees(p.id));
  },
  // The column mapping remembered for a plan: read with the plan, like its imports.
  'GET /api/v1/plans/:id/import-mapping': async (c) => {
    for (const p of c.w.plans)
      await expectDetail(
        c,
        'import mapping',
        `/api/v1/plans/${p.id}/import-mapping`,
        c.o.sees(p.id),
      );
  },
  // Candidates for an item's responsible person: people of an organisation the reader may see,
  // offered only to those who may write items that organisation leads (a 403 is about the role).
  'GET /api/v1/plan-items/responsible-candidates': async (c) => {
    for (const r of c.w.orgs) {
      const url = `/api/v1/plan-items/responsible-candidates?organisationId=${r.id}`;
      const res = await get(c, url);
      if (signInRequired(c, res.statusCode) || res.statusCode === 403) continue;
      await expectDetail(c, 'responsible candidates', url, c.o.sees(r.id));
    }
  },
  // An import job is its importer's: nobody else reads its report, whatever they may see.
  'GET /api/v1/imports/:id': (c) =>
    expectDetail(c, 'import', `/api/v1/imports/${c.w.importId}`, false),
  'GET /api/v1/audit-log': async (c) => {
    const res = await get(c, '/api/v1/audit-log?pageSize=200');
    if (c.viewer.role !== 'administrator') {
      expect(res.statusCode).toBe(c.viewer.role === null ? 401 : 403);
      return;
    }
    expect(res.statusCode).toBe(200);
    // Entries about the world's records: withheld exactly when the reader may not see the record.
    const seesAny = new Map<string, boolean>();
    for (const r of labelledRecords(c.w)) {
      const shown =
        r.table === 'plan_items'
          ? c.o.seesItem(r.id)
          : r.table === 'comments'
            ? c.o.seesComment(r.id)
            : c.o.sees(r.id);
      seesAny.set(r.id, shown);
    }
    const all = await must<{ items: { seq: number; entityId: string | null }[] }>(c.t, 200, {
      method: 'GET',
      url: '/api/v1/audit-log?pageSize=200',
      headers: c.admin,
    });
    const mine = res.json().items as { seq: number; redacted: boolean }[];
    for (const entry of all.items) {
      const shown = entry.entityId === null ? undefined : seesAny.get(entry.entityId);
      if (shown === undefined) continue;
      const seen = mine.find((m) => m.seq === entry.seq);
      same(
        { seq: entry.seq, redacted: seen?.redacted },
        {
          seq: entry.seq,
          redacted: !shown,
        },
      );
    }
    expectNothingHidden(c, 'audit-log', res.body);
  },
};

/* ------------------------------------------------------------------ the test */

const labelArb: fc.Arbitrary<Omit<Label, 'originatorId'> & { originator: number | null }> =
  fc.record({
    policy: fc.constantFrom('NONE', 'NATO', 'NATO', 'NATO'),
    rank: fc.integer({ min: 0, max: 2 }),
    releasableTo: fc.subarray(['PUBLIC', ...NATIONS]),
    originator: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  });
const readerArb = fc.record({
  role: fc.constantFrom('viewer' as const, 'administrator' as const),
  nation: fc.constantFrom(...NATIONS),
  nato: fc.integer({ min: 0, max: 2 }),
  organisations: fc.subarray([0, 1, 2]),
  grants: fc.array(fc.nat({ max: 40 }), { maxLength: 4 }),
});

describe.each(testDatabases)('every labelled-read route against the read rule, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = (await t.signIn('administrator')).headers;
    w = await buildWorld(t, admin);
  }, 120_000);
  afterAll(() => t.close());

  it('has a probe for every labelled-read route of the inventory, and none for another', () => {
    const routes = routesOfClass('labelled-read');
    const missing = routes.filter((r) => !(r in PROBES));
    expect(
      missing,
      'Add a probe to PROBES in server/access/read-routes.property.test.ts for each of these labelled-read routes',
    ).toEqual([]);
    expect(Object.keys(PROBES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('shows each reader, on every labelled-read route, exactly what the rule allows', async () => {
    const records = labelledRecords(w);
    const notFound = (await t.inject({ method: 'GET', url: `/api/v1/plans/${uuidv7()}` })).json()
      .error.code as string;
    await fc.assert(
      fc.asyncProperty(
        fc.array(labelArb, { minLength: records.length, maxLength: records.length }),
        fc.array(readerArb, { minLength: 1, maxLength: 2 }),
        async (specs, readers) => {
          const labels: Labels = new Map();
          for (const [i, r] of records.entries()) {
            const s = specs[i]!;
            const label: Label = {
              policy: s.policy,
              rank: s.policy === 'NONE' ? 0 : s.rank,
              releasableTo: s.releasableTo,
              originatorId: s.originator === null ? null : w.orgs[s.originator]!.id,
            };
            labels.set(r.id, label);
            await setLabel(t, r.table, r.id, label);
          }
          const viewers: Viewer[] = [ANONYMOUS];
          for (const spec of readers) {
            viewers.push(
              await createViewer(t, {
                role: spec.role,
                nation: spec.nation,
                clearances: { NATO: spec.nato },
                organisationIds: spec.organisations.map((i) => w.orgs[i]!.id),
                grants: spec.grants.map((g) => {
                  const r = records[g % records.length]!;
                  return { type: r.table === 'plans' ? 'plan' : 'other', id: r.id };
                }),
              }),
            );
          }
          // Every route is asked for every reader; the failures of all routes are reported
          // together, each with the first reader it failed for.
          const failures = new Map<string, string>();
          for (const viewer of viewers) {
            const o = new Oracle(w, labels, viewer.reader);
            for (const [route, probe] of Object.entries(PROBES)) {
              if (failures.has(route)) continue;
              try {
                await probe({ t, w, viewer, o, notFound, admin });
              } catch (error) {
                failures.set(
                  route,
                  `as ${JSON.stringify(viewer.reader)} (${viewer.role ?? 'anonymous'}): ${(error as Error).message.split('\n').slice(0, 12).join(' ').replace(/\s+/g, ' ')}`,
                );
              }
            }
          }
          if (failures.size > 0)
            throw new Error([...failures].map(([route, why]) => `${route} — ${why}`).join('\n'));
        },
      ),
      { numRuns: Number(process.env.LIAISON_PROPERTY_RUNS ?? 5), endOnFailure: true },
    );
  }, 300_000);
});
