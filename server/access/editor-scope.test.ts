/**
 * Editors are scoped to the organisations they work in (DESIGN.md "Roles"; docs/SECURITY.md
 * "Roles and policies"): they change the records of those organisations and the plan items those
 * organisations lead — not a child organisation's, not plans, not items in a plan hidden from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

describe.each(testDatabases)('the editor’s scope on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let editor: Session;
  let parentOrg: string;
  let childOrg: string;
  let planId: string;

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who: Session,
    payload?: object,
  ) =>
    t.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...who.headers, ...(method === 'GET' ? {} : { 'if-match': '*' }) },
      ...(payload ? { payload } : {}),
    });
  const created = async (url: string, who: Session, payload: object) => {
    const res = await send('POST', url, who, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
    coordinator = await t.signIn('coordinator');
    editor = await t.signIn('editor');
    const org = (name: string, parentId?: string) =>
      created('/organisations', admin, {
        kind: 'ministry',
        side: 'partner',
        nation: deployment.nation,
        name: { en: name },
        label: PUBLIC,
        ...(parentId ? { parentId } : {}),
      });
    parentOrg = await org('Ministry');
    childOrg = await org('Department of the ministry', parentOrg);
    const me = (await send('GET', '/auth/me', editor)).json().user.id as string;
    const joined = await send('PATCH', `/users/${me}`, admin, { organisationIds: [parentOrg] });
    expect(joined.statusCode, joined.body).toBe(200);
    planId = await created('/plans', coordinator, {
      code: 'EDITOR-SCOPE',
      title: { en: 'Plan' },
      template: 'ipap',
      // Editors change statuses here directly; in an IPAP plan that is otherwise through reports.
      statusViaReports: false,
      label: PUBLIC,
    });
  });
  afterAll(() => t.close());

  it('changes the organisation it works in, and not that organisation’s child organisation', async () => {
    const own = await send('GET', `/organisations/${parentOrg}`, editor);
    const child = await send('GET', `/organisations/${childOrg}`, editor);
    expect(own.json().abilities.update).toBe(true);
    expect(child.json().abilities.update).toBe(false);
    const change = (id: string) =>
      send('PATCH', `/organisations/${id}`, editor, { website: 'https://example.org/unit' });
    expect((await change(parentOrg)).statusCode).toBe(200);
    expect((await change(childOrg)).statusCode).toBe(403);
  });

  it('updates the items its organisation leads, not a child organisation’s, and creates no items or plans', async () => {
    const item = (lead: string) =>
      created('/plan-items', coordinator, {
        planId,
        title: { en: 'Led item' },
        leadOrganisationId: lead,
        label: PUBLIC,
      });
    const ownItem = await item(parentOrg);
    const childItem = await item(childOrg);
    expect(
      (await send('PATCH', `/plan-items/${ownItem}`, editor, { status: 'ongoing' })).statusCode,
    ).toBe(200);
    expect(
      (await send('PATCH', `/plan-items/${childItem}`, editor, { status: 'ongoing' })).statusCode,
    ).toBe(403);
    const indicator = await send('POST', `/plan-items/${ownItem}/indicators`, editor, {
      kind: 'quantitative',
      name: { en: 'Posts filled' },
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    expect(
      (await send('POST', '/plan-items', editor, { planId, title: { en: 'New' } })).statusCode,
    ).toBe(403);
    expect(
      (await send('PATCH', `/plans/${planId}`, editor, { title: { en: 'X' } })).statusCode,
    ).toBe(403);
    expect((await send('DELETE', `/plan-items/${ownItem}`, editor)).statusCode).toBe(403);
  });
});
