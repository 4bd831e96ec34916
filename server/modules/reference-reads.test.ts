import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';

interface MechanismOut {
  id: string;
  parentId: string | null;
  kind: string;
  name: { en: string; sr: string };
  startedOn: { date: string; precision: string } | null;
  policyBasis: { en: string | null };
}

describe.each(testDatabases)('reference data reads on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('nests IPAP, PARP and the Defence Reform Group under the Partnership for Peace', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/mechanisms?pageSize=200' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as MechanismOut[];
    const pfp = items.find(
      (m) => m.kind === 'programme' && m.name.en.includes('Partnership for Peace'),
    );
    expect(pfp).toBeDefined();
    expect(pfp!.parentId).toBeNull();
    expect(pfp!.startedOn?.date.startsWith('2006-12')).toBe(true);
    expect(pfp!.policyBasis.en).toMatch(/neutral/i);
    const children = items.filter((m) => m.parentId === pfp!.id).map((m) => m.kind);
    expect(children).toEqual(
      expect.arrayContaining(['action_plan', 'planning_review_process', 'reform_group']),
    );

    const detail = await t.inject({ method: 'GET', url: `/api/v1/mechanisms/${pfp!.id}` });
    expect(detail.json().sources.length).toBeGreaterThan(0);
  });

  it('ships the two IPAPs with their levels and chapters', async () => {
    const plans = (await t.inject({ method: 'GET', url: '/api/v1/plans' })).json();
    expect(plans.total).toBe(2);
    const ipap2015 = plans.items.find((p: { code: string }) => p.code === 'IPAP-2015');
    expect(ipap2015.levels.map((l: { name: { en: string } }) => l.name.en)).toEqual([
      'Chapter',
      'Objective',
      'Activity',
    ]);
    const items = (
      await t.inject({ method: 'GET', url: `/api/v1/plans/${ipap2015.id}/items` })
    ).json();
    // Four chapters, then the illustrative objectives and activities (flagged sample data).
    expect(items.items.slice(0, 4).map((i: { code: string }) => i.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(items.items.slice(0, 4).some((i: { sampleData: boolean }) => i.sampleData)).toBe(false);
    expect(items.items.slice(4).every((i: { sampleData: boolean }) => i.sampleData)).toBe(true);
    expect(items.total).toBe(items.items.length);
    expect(items.items[2].title.en).toBe('Protection of classified information');
  });

  it('lists activities and persons with the same envelope, empty where nothing is recorded yet', async () => {
    for (const path of ['/api/v1/activities', '/api/v1/persons']) {
      const res = await t.inject({ method: 'GET', url: path });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        items: [],
        total: 0,
        totalIsLowerBound: false,
        page: 1,
        pageSize: 50,
      });
    }
    const missing = await t.inject({
      method: 'GET',
      url: '/api/v1/activities/0192d7a0-7c1e-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('publishes the marking schemes in order, with the deployment ceiling', async () => {
    const res = (await t.inject({ method: 'GET', url: '/api/v1/marking-levels' })).json();
    const nato = res.items
      .filter((l: { policy: string }) => l.policy === 'NATO')
      .map((l: { code: string }) => l.code);
    expect(nato).toEqual([
      'PUBLIC',
      'NATO_UNCLASSIFIED',
      'NATO_RESTRICTED',
      'NATO_CONFIDENTIAL',
      'NATO_SECRET',
      'COSMIC_TOP_SECRET',
    ]);
    const rs = res.items
      .filter((l: { policy: string }) => l.policy === 'RS')
      .map((l: { code: string }) => l.code);
    expect(rs).toEqual(['UNMARKED', 'INTERNO', 'POVERLJIVO', 'STROGO_POVERLJIVO', 'DRZAVNA_TAJNA']);
    expect(res.items.find((l: { code: string }) => l.code === 'NATO_RESTRICTED').allowed).toBe(
      false,
    );
  });

  it('loads the reference data only once when seeding is repeated', async () => {
    const { seedReferenceData } = await import('../seed/load-reference.js');
    const { AuditLog } = await import('../audit/audit-log.js');
    const counts = await seedReferenceData(t.db, new AuditLog(t.db.dialect));
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });
});
