import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

interface AgreementOut {
  id: string;
  title: { en: string };
  shortTitle: { en: string | null };
  signedOn: { date: string; precision: string } | null;
  relations: { kind: string; direction: string; otherTitle: { en: string | null } }[];
}

describe.each(testDatabases)('agreements on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
  });
  afterAll(() => t.close());

  const all = async (query = '') =>
    (await t.inject({ method: 'GET', url: `/api/v1/agreements?pageSize=200&${query}` })).json() as {
      items: AgreementOut[];
      total: number;
    };

  it('registers the reference instruments in order of signature', async () => {
    const { items, total } = await all();
    expect(total).toBeGreaterThanOrEqual(10);
    const text = items.map((a) => `${a.title.en} ${a.shortTitle.en ?? ''}`).join(' | ');
    for (const name of [
      'Military Technical',
      '1244',
      'Transit',
      'Security of Information',
      'Brussels',
      'SOFA',
    ]) {
      expect(text).toContain(name);
    }
    const signed = items.filter((a) => a.signedOn).map((a) => a.signedOn!.date);
    expect(signed[0]!.startsWith('1999')).toBe(true);
  });

  it('shows how instruments relate, in both directions', async () => {
    const ipap2019 = (await all('q=2019')).items.find((a) => a.title.en.includes('2019'));
    expect(ipap2019).toBeDefined();
    const detail = (
      await t.inject({ method: 'GET', url: `/api/v1/agreements/${ipap2019!.id}` })
    ).json() as AgreementOut;
    expect(
      detail.relations.some((r) => r.kind === 'supersedes' && r.direction === 'outgoing'),
    ).toBe(true);
    const superseded = detail.relations.find((r) => r.kind === 'supersedes')!;
    expect(superseded.otherTitle.en).toMatch(/2015/);
  });

  it('filters by signature period with partial dates', async () => {
    const in1999 = await all('signedFrom=1999&signedTo=1999');
    expect(in1999.total).toBeGreaterThanOrEqual(2);
    expect(in1999.items.every((a) => a.signedOn!.date.startsWith('1999'))).toBe(true);
  });

  it('creates and changes an agreement, refusing a ratification before the signature', async () => {
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: coordinator.headers,
      payload: {
        kind: 'logistics_agreement',
        status: 'signed',
        title: { en: 'Test logistics arrangement' },
        signedOn: { date: '2026-05-04', precision: 'day' },
        sources: [{ citation: 'Official Gazette (test)' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/v1/agreements/${created.json().id}`;
    const early = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...coordinator.headers, 'if-match': created.headers.etag as string },
      payload: { ratifiedOn: { date: '2026-01', precision: 'month' } },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.field).toBe('ratifiedOn');
    const ok = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...coordinator.headers, 'if-match': created.headers.etag as string },
      payload: { ratifiedOn: { date: '2026-09-01', precision: 'day' }, status: 'ratified' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'ratified',
      version: 2,
      sources: [{ citation: 'Official Gazette (test)' }],
    });
  });
});
