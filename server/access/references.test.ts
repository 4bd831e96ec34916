/**
 * References: a visible record that points at a hidden one shows neither its name nor its id — in
 * JSON, in exports (CSV and XLSX, parsed back), on the dashboard — and a filter on a hidden id
 * answers exactly like one on an unknown id.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import { testDatabases } from '../test/databases.js';
import type { Role } from '../../core/domain/roles.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import {
  createAgreement,
  createItem,
  createOrganisation,
  createPlan,
  createTimelineEvent,
  createViewer,
  NATO_ONLY,
  PUBLIC,
  setLabel,
  type Viewer,
} from './labelled-world.js';

const WITHHELD = 'an organisation you cannot see';

describe.each(testDatabases)('references to hidden records, on %s', (kind) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let reader: Viewer;
  let planId: string;
  let itemId: string;
  let hiddenOrg: string;
  let shownOrg: string;
  let hiddenAgreement: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = (await t.signIn('administrator')).headers;
    hiddenOrg = await createOrganisation(t, admin, 'Secret Directorate');
    shownOrg = await createOrganisation(t, admin, 'Open Ministry');
    planId = await createPlan(t, admin, 'REF-1');
    itemId = await createItem(t, admin, planId, null, 'Led in secret', {
      leadOrganisationId: hiddenOrg,
      partnerOrganisationIds: [shownOrg],
    });
    await sql`insert into plan_item_partners (plan_item_id, organisation_id)
      values (${itemId}, ${hiddenOrg})`.execute(t.db.kysely);
    await createItem(t, admin, planId, null, 'Led in the open', { leadOrganisationId: shownOrg });
    hiddenAgreement = await createAgreement(t, admin, 'Hidden agreement');
    const event = await createTimelineEvent(t, admin, 'Open event');
    await sql`insert into record_links (from_type, from_id, to_type, to_id)
      values ('timeline_event', ${event}, 'agreement', ${hiddenAgreement})`.execute(t.db.kysely);
    await setLabel(t, 'timeline_events', event, PUBLIC);
    await setLabel(t, 'agreements', hiddenAgreement, NATO_ONLY);
    await setLabel(t, 'organisations', hiddenOrg, NATO_ONLY);
    await setLabel(t, 'organisations', shownOrg, PUBLIC);
    await setLabel(t, 'plans', planId, PUBLIC);
    for (const item of await t.db.kysely.selectFrom('plan_items').select('id').execute())
      await setLabel(t, 'plan_items', item.id, PUBLIC);
    reader = await outsider('editor');
  });
  afterAll(() => t.close());

  /** Someone of another nation, cleared for nothing marked, working nowhere: sees public records. */
  const outsider = (role: Role) =>
    createViewer(t, { role, nation: 'ZZ', clearances: {}, organisationIds: [], grants: [] });

  const get = (url: string) => t.inject({ method: 'GET', url, headers: reader.headers });

  it('exports print a hidden lead as withheld, never its name or id', async () => {
    const csv = await get(`/api/v1/plans/${planId}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(WITHHELD);
    expect(csv.body).toContain('Open Ministry');
    expect(csv.body).not.toContain('Secret Directorate');
    expect(csv.body).not.toContain(hiddenOrg);

    const xlsx = await get(`/api/v1/plans/${planId}/export?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain(WITHHELD);
    expect(cells.join('\n')).not.toContain('Secret Directorate');
  });

  it('plan items name no hidden lead or partner, and a change of partners keeps the hidden one', async () => {
    const item = (await get(`/api/v1/plan-items/${itemId}`)).json();
    expect(item).toMatchObject({
      leadOrganisationId: null,
      leadOrganisationWithheld: true,
      partnerOrganisationIds: [shownOrg],
      partnerOrganisationsWithheld: true,
    });
    for (const url of [`/api/v1/plans/${planId}/items`, `/api/v1/plans/${planId}/tree`]) {
      const body = (await get(url)).body;
      expect(body).not.toContain(hiddenOrg);
    }
    const coordinator = await outsider('coordinator');
    const changed = await t.inject({
      method: 'PATCH',
      url: `/api/v1/plan-items/${itemId}`,
      headers: { ...coordinator.headers, 'if-match': '*' },
      payload: { partnerOrganisationIds: [] },
    });
    expect(changed.statusCode).toBe(200);
    const partners = await t.db.kysely
      .selectFrom('plan_item_partners')
      .select('organisation_id')
      .where('plan_item_id', '=', itemId)
      .execute();
    expect(partners.map((p) => p.organisation_id)).toEqual([hiddenOrg]);
  });

  it('a change answers like a read: no hidden parent in the record a write sends back', async () => {
    const child = await createOrganisation(t, admin, 'Open unit of a secret directorate');
    await sql`update organisations set parent_id = ${hiddenOrg} where id = ${child}`.execute(
      t.db.kysely,
    );
    await setLabel(t, 'organisations', child, PUBLIC);
    const coordinator = await outsider('coordinator');
    const read = await t.inject({
      method: 'GET',
      url: `/api/v1/organisations/${child}`,
      headers: coordinator.headers,
    });
    expect(read.json().parentId).toBeNull();
    const changed = await t.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${child}`,
      headers: { ...coordinator.headers, 'if-match': '*' },
      payload: { name: { en: 'Open unit, renamed' } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().parentId).toBeNull();
    expect(changed.body).not.toContain(hiddenOrg);
  });

  it('deletes an organisation whose only units are hidden exactly like one without units', async () => {
    const uncleared = await outsider('administrator');
    const remove = async (id: string) => {
      const res = await t.inject({
        method: 'DELETE',
        url: `/api/v1/organisations/${id}`,
        headers: { ...uncleared.headers, 'if-match': '*' },
      });
      return { status: res.statusCode, body: res.body };
    };
    const empty = await createOrganisation(t, admin, 'Open office without units');
    const parent = await createOrganisation(t, admin, 'Open office with a secret unit');
    const unit = await createOrganisation(t, admin, 'Secret unit');
    await sql`update organisations set parent_id = ${parent} where id = ${unit}`.execute(
      t.db.kysely,
    );
    for (const id of [empty, parent]) await setLabel(t, 'organisations', id, PUBLIC);
    await setLabel(t, 'organisations', unit, NATO_ONLY);
    const emptyAnswer = await remove(empty);
    expect(emptyAnswer.status).toBe(204);
    expect(await remove(parent)).toEqual(emptyAnswer);
    expect((await remove(uuidv7())).status).toBe(404);
  });

  it('takes as originator only an organisation the writer may see: a hidden one is an unknown id', async () => {
    const coordinator = await outsider('coordinator');
    const post = async (originatorId: string) => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/timeline-events',
        headers: coordinator.headers,
        payload: {
          when: { date: '2021-03', precision: 'month' },
          category: 'other',
          title: { en: 'Attributed' },
          sources: [{ citation: 'Test' }],
          label: { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'], originatorId },
        },
      });
      return { status: res.statusCode, body: res.body };
    };
    const unknown = await post(uuidv7());
    expect(unknown.status).toBe(422);
    expect(JSON.parse(unknown.body).error.details.field).toBe('label.originatorId');
    expect(await post(hiddenOrg)).toEqual(unknown);
    expect((await post(shownOrg)).status).toBe(201);
  });

  it('the dashboard counts hidden leads as one withheld institution without an id', async () => {
    const d = (await get(`/api/v1/plans/${planId}/dashboard`)).json();
    const groups = d.institutions.map((g: { organisation: { id: string | null } | null }) => g);
    expect(groups).toContainEqual(
      expect.objectContaining({
        organisation: { id: null, name: null, abbreviation: null, withheld: true },
      }),
    );
    expect(JSON.stringify(d)).not.toContain(hiddenOrg);
  });

  it('answers a filter on a hidden record exactly like one on an unknown id', async () => {
    for (const url of [
      (id: string) => `/api/v1/timeline-events?relatedTo=${id}`,
      (id: string) => `/api/v1/persons?organisationId=${id}`,
      (id: string) => `/api/v1/agreements?mechanismId=${id}`,
    ]) {
      const hidden = await get(url(url('x').includes('relatedTo') ? hiddenAgreement : hiddenOrg));
      const random = await get(url(uuidv7()));
      expect(hidden.statusCode).toBe(200);
      expect(hidden.body).toBe(random.body);
    }
    // The administrator who may see the agreement finds the event through it.
    const seen = await t.inject({
      method: 'GET',
      url: `/api/v1/timeline-events?relatedTo=${hiddenAgreement}`,
      headers: (
        await createViewer(t, {
          nation: 'NATO',
          clearances: { NATO: 1 },
          organisationIds: [],
          grants: [],
        })
      ).headers,
    });
    expect(seen.json().total).toBe(1);
  });
});
