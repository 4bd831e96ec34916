/**
 * The coordinator's workflow rules on items (issue #10): while a plan takes statuses through
 * approved reports, an editor cannot set an item's status by hand and a coordinator overrides only
 * with a reason that the audit keeps; an item names a responsible person, a user of its lead
 * organisation or of a unit below it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

interface Org {
  id: string;
  parentId: string | null;
}

describe.each(testDatabases)('plan workflow rules on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let admin: Session;
  let editor: Session;
  let outsider: Session;
  let editorId: string;
  let unitUserId: string;
  let outsiderId: string;
  let lead: Org;
  let other: Org;

  const me = async (s: Session) =>
    (await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).json().user
      .id as string;
  const setUser = (id: string, payload: object) =>
    t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload,
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    [coordinator, admin, editor, outsider] = await Promise.all([
      t.signIn('coordinator'),
      t.signIn('administrator'),
      t.signIn('editor'),
      t.signIn('editor'),
    ]);
    const orgs = (
      await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=100' })
    ).json().items as Org[];
    const unit = orgs.find((o) => o.parentId && orgs.some((p) => p.id === o.parentId))!;
    lead = orgs.find((o) => o.id === unit.parentId)!;
    other = orgs.find((o) => o.id !== lead.id && o.id !== unit.id && o.parentId !== lead.id)!;
    [editorId, outsiderId] = await Promise.all([me(editor), me(outsider)]);
    expect((await setUser(editorId, { organisationIds: [lead.id] })).statusCode).toBe(200);
    expect((await setUser(outsiderId, { organisationIds: [other.id] })).statusCode).toBe(200);
    const unitUser = await t.signIn('viewer');
    unitUserId = await me(unitUser);
    expect((await setUser(unitUserId, { organisationIds: [unit.id] })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const createPlan = async (payload: object) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: coordinator.headers,
      payload: { title: { en: 'A plan of one test' }, ...payload },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as {
      id: string;
      statusViaReports: boolean;
      reportingIncludesUnits: boolean;
      version: number;
    };
  };
  let codes = 0;
  const code = () => `WF-${kind}-${(codes += 1)}`;
  const createItem = (planId: string, payload: object = {}, session = coordinator) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: session.headers,
      payload: {
        planId,
        title: { en: 'An activity' },
        leadOrganisationId: lead.id,
        label: { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] },
        ...payload,
      },
    });
  const patchItem = (id: string, payload: object, session = coordinator) =>
    t.inject({
      method: 'PATCH',
      url: `/api/v1/plan-items/${id}`,
      headers: { ...session.headers, 'if-match': '*' },
      payload,
    });
  const auditOf = (id: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before_state', 'after_state'])
      .where('entity_type', '=', 'plan_item')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
  const parse = (v: unknown) =>
    (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

  describe('plan settings', () => {
    it('switches status-through-reports on for IPAP and ITPP plans, off for others', async () => {
      const ipap = await createPlan({ code: code(), template: 'ipap' });
      const itpp = await createPlan({ code: code(), template: 'itpp' });
      const national = await createPlan({ code: code(), template: 'national' });
      expect([ipap.statusViaReports, itpp.statusViaReports, national.statusViaReports]).toEqual([
        true,
        true,
        false,
      ]);
      expect(ipap.reportingIncludesUnits).toBe(true);
      const chosen = await createPlan({
        code: code(),
        template: 'ipap',
        statusViaReports: false,
        reportingIncludesUnits: false,
      });
      expect(chosen).toMatchObject({ statusViaReports: false, reportingIncludesUnits: false });
    });

    it('changes both settings on a plan and audits them', async () => {
      const plan = await createPlan({ code: code(), template: 'national' });
      const res = await t.inject({
        method: 'PATCH',
        url: `/api/v1/plans/${plan.id}`,
        headers: { ...coordinator.headers, 'if-match': '*' },
        payload: { statusViaReports: true, reportingIncludesUnits: false },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ statusViaReports: true, reportingIncludesUnits: false });
      const [entry] = await t.db.kysely
        .selectFrom('audit_log')
        .select(['before_state', 'after_state'])
        .where('entity_type', '=', 'plan')
        .where('entity_id', '=', plan.id)
        .where('action', '=', 'plan.update')
        .execute();
      expect(parse(entry!.before_state)).toMatchObject({ statusViaReports: false });
      expect(parse(entry!.after_state)).toMatchObject({
        statusViaReports: true,
        reportingIncludesUnits: false,
      });
    });
  });

  describe('status through approved reports', () => {
    let gated: string;
    let open: string;
    beforeAll(async () => {
      gated = (await createPlan({ code: code(), template: 'ipap' })).id;
      open = (await createPlan({ code: code(), template: 'national' })).id;
    });

    it('refuses an editor’s status change and says to report it; other changes go through', async () => {
      const item = (await createItem(gated)).json();
      const refused = await patchItem(item.id, { status: 'implemented' }, editor);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toMatch(/report/i);
      expect(refused.json().error.details).toMatchObject({ field: 'status' });
      const retitled = await patchItem(item.id, { title: { en: 'Renamed by the editor' } }, editor);
      expect(retitled.statusCode).toBe(200);
      expect(retitled.json().status).toBe('not_started');
      // Sending the status it already has is no change.
      const same = await patchItem(item.id, { status: 'not_started' }, editor);
      expect(same.statusCode).toBe(200);
    });

    it('lets an editor set the status by hand where the plan does not take it from reports', async () => {
      const item = (await createItem(open)).json();
      const res = await patchItem(item.id, { status: 'ongoing' }, editor);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('ongoing');
    });

    it('asks a coordinator for a reason before overriding, and audits the reason', async () => {
      const item = (await createItem(gated)).json();
      const bare = await patchItem(item.id, { status: 'implemented' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().error.details).toMatchObject({ field: 'statusOverrideReason' });
      const blank = await patchItem(item.id, {
        status: 'implemented',
        statusOverrideReason: '   ',
      });
      expect(blank.statusCode).toBe(400);
      const done = await patchItem(item.id, {
        status: 'implemented',
        statusOverrideReason: 'Confirmed by the minister’s letter of 3 March',
      });
      expect(done.statusCode).toBe(200);
      expect(done.json().status).toBe('implemented');
      const entries = await auditOf(item.id);
      const override = entries.find((e) => e.action === 'plan_item.status_override');
      expect(override).toBeDefined();
      expect(parse(override!.before_state)).toMatchObject({ status: 'not_started' });
      expect(parse(override!.after_state)).toMatchObject({
        status: 'implemented',
        statusOverrideReason: 'Confirmed by the minister’s letter of 3 March',
      });
    });

    it('lets an administrator override with a reason too', async () => {
      const item = (await createItem(gated)).json();
      const res = await patchItem(
        item.id,
        { status: 'postponed', statusOverrideReason: 'Budget moved to next year' },
        admin,
      );
      expect(res.statusCode).toBe(200);
    });
  });

  describe('responsible person', () => {
    let planId: string;
    beforeAll(async () => {
      // Public, so that a signed-out reader sees its items too.
      planId = (
        await createPlan({
          code: code(),
          template: 'national',
          label: { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] },
        })
      ).id;
    });

    it('names a user of the lead organisation, shown with the name to signed-in readers', async () => {
      const res = await createItem(planId, { responsibleUserId: editorId });
      expect(res.statusCode).toBe(201);
      expect(res.json().responsibleUser).toMatchObject({ id: editorId });
      expect(typeof res.json().responsibleUser.displayName).toBe('string');
      const read = await t.inject({
        method: 'GET',
        url: `/api/v1/plan-items/${res.json().id}`,
        headers: outsider.headers,
      });
      expect(read.json().responsibleUser).toMatchObject({ id: editorId });
      const name = read.json().responsibleUser.displayName as string;
      expect(name.length).toBeGreaterThan(0);
      // The tree and the item list name the person too.
      const tree = (
        await t.inject({
          method: 'GET',
          url: `/api/v1/plans/${planId}/tree`,
          headers: outsider.headers,
        })
      ).json().items as { id: string; responsibleUser: unknown }[];
      expect(tree.find((i) => i.id === res.json().id)?.responsibleUser).toEqual({
        id: editorId,
        displayName: name,
      });
      const list = (
        await t.inject({
          method: 'GET',
          url: `/api/v1/plans/${planId}/items`,
          headers: outsider.headers,
        })
      ).json().items as { id: string; responsibleUser: unknown }[];
      expect(list.find((i) => i.id === res.json().id)?.responsibleUser).toEqual({
        id: editorId,
        displayName: name,
      });
    });

    it('withholds the person from signed-out readers', async () => {
      const res = await createItem(planId, { responsibleUserId: editorId });
      const read = await t.inject({ method: 'GET', url: `/api/v1/plan-items/${res.json().id}` });
      expect(read.statusCode).toBe(200);
      expect(read.json().responsibleUser).toBeNull();
      expect(read.json().responsibleUserWithheld).toBe(true);
      expect(read.body).not.toContain(editorId);
    });

    it('accepts a user of a unit below the lead organisation', async () => {
      const res = await createItem(planId, { responsibleUserId: unitUserId });
      expect(res.statusCode).toBe(201);
      expect(res.json().responsibleUser.id).toBe(unitUserId);
    });

    it('refuses a user of another organisation, a disabled user and an unknown id', async () => {
      const foreign = await createItem(planId, { responsibleUserId: outsiderId });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.details).toMatchObject({ field: 'responsibleUserId' });
      const unknown = await createItem(planId, {
        responsibleUserId: '01900000-0000-7000-8000-000000000000',
      });
      expect(unknown.statusCode).toBe(400);
      const noLead = await createItem(planId, {
        leadOrganisationId: null,
        responsibleUserId: editorId,
      });
      expect(noLead.statusCode).toBe(400);
      const disabled = await t.signIn('viewer');
      const disabledId = await me(disabled);
      await setUser(disabledId, { organisationIds: [lead.id], disabled: true });
      const refused = await createItem(planId, { responsibleUserId: disabledId });
      expect(refused.statusCode).toBe(400);
    });

    it('changes and clears the person, and refuses a lead change that leaves them outside', async () => {
      const item = (await createItem(planId)).json();
      expect(item.responsibleUser).toBeNull();
      const set = await patchItem(item.id, { responsibleUserId: unitUserId });
      expect(set.statusCode).toBe(200);
      expect(set.json().responsibleUser.id).toBe(unitUserId);
      const moved = await patchItem(item.id, { leadOrganisationId: other.id });
      expect(moved.statusCode).toBe(400);
      const both = await patchItem(item.id, {
        leadOrganisationId: other.id,
        responsibleUserId: outsiderId,
      });
      expect(both.statusCode).toBe(200);
      const cleared = await patchItem(item.id, { responsibleUserId: null });
      expect(cleared.json().responsibleUser).toBeNull();
      const entries = await auditOf(item.id);
      expect(parse(entries.at(-1)!.after_state)).toMatchObject({ responsibleUser: null });
    });

    const candidates = (organisationId: string, session: Session | null, q?: string) =>
      t.inject({
        method: 'GET',
        url: `/api/v1/plan-items/responsible-candidates?organisationId=${organisationId}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
        headers: session?.headers ?? {},
      });

    it('lists the candidate users of an organisation and its units for those who may edit', async () => {
      const res = await candidates(lead.id, coordinator);
      expect(res.statusCode).toBe(200);
      const ids = (res.json().items as { id: string }[]).map((u) => u.id);
      expect(ids).toEqual(expect.arrayContaining([editorId, unitUserId]));
      expect(ids).not.toContain(outsiderId);
      const byEditor = await candidates(lead.id, editor);
      expect(byEditor.statusCode).toBe(200);
      const email = (
        await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers })
      ).json().user.displayName as string;
      const found = await candidates(lead.id, coordinator, email.slice(0, 6));
      expect((found.json().items as { id: string }[]).map((u) => u.id)).toContain(editorId);
    });

    it('refuses the candidate list to readers who may not edit items of that organisation', async () => {
      expect((await candidates(lead.id, outsider)).statusCode).toBe(403);
      expect((await candidates(lead.id, null)).statusCode).toBe(401);
      expect((await candidates('not-an-id', coordinator)).statusCode).toBe(400);
    });
  });
});
