/**
 * Downloads carry their marking and file name in headers, which must be visible ASCII: a plan code
 * in Cyrillic, or a banner saying the content is not releasable outside the originator (with its
 * dash), once made the export and the import template answer 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createItem,
  createPlan,
  createViewer,
  must,
  PUBLIC,
  setLabel,
  type Viewer,
} from '../../access/labelled-world.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(testDatabases)('download headers on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let reader: Viewer;
  let planId: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
    planId = await createPlan(t, admin.headers, 'ИПАП-2015');
    const first = await createItem(t, admin.headers, planId, null, 'For Hungary');
    const second = await createItem(t, admin.headers, planId, null, 'For NATO');
    // Two parts releasable to nobody in common: "… — not releasable outside the originator".
    await setLabel(t, 'plan_items', first, {
      policy: 'NATO',
      rank: 1,
      releasableTo: ['HU'],
      originatorId: null,
    });
    const org = await must<{ id: string }>(t, 201, {
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin.headers,
      payload: { kind: 'ministry', side: 'partner', nation: 'HU', name: { en: 'Originator' } },
    });
    await setLabel(t, 'organisations', org.id, PUBLIC);
    await setLabel(t, 'plan_items', second, {
      policy: 'NATO',
      rank: 1,
      releasableTo: ['NATO'],
      originatorId: org.id,
    });
    await setLabel(t, 'plans', planId, PUBLIC);
    // A Hungarian reader in the originating organisation sees both parts.
    reader = await createViewer(t, {
      nation: 'HU',
      clearances: { NATO: 1 },
      organisationIds: [org.id],
      grants: [],
    });
  });
  afterAll(() => t.close());

  it('exports a plan with a Cyrillic code and a banner with a dash', async () => {
    for (const format of ['csv', 'xlsx']) {
      const res = await t.inject({
        method: 'GET',
        url: `/api/v1/plans/${planId}/export?format=${format}`,
        headers: reader.headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('ИПАП-2015')}`,
      );
      expect(res.headers['x-liaison-marking']).toMatch(/^[\x20-\x7E]+$/);
    }
  });

  it('serves the import template of a plan with a Cyrillic code', async () => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/import-template`,
      headers: reader.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
  });
});
