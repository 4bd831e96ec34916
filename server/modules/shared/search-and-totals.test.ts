/**
 * Full-text search (migration 0011_search_index, `matchesText`) and capped list totals
 * (`cappedCount`), through the API on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { cappedCount, searchTerms } from './paging.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

interface ItemOut {
  id: string;
  code: string;
  title: { en: string | null; sr: string | null };
}
interface ListOut {
  items: ItemOut[];
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}

describe('searchTerms', () => {
  it('folds the query the way search_text is folded and splits it into words', () => {
    expect(searchTerms('  Ђурђевдан, ČAČAK–2019/20 ')).toEqual([
      'djurdjevdan',
      'cacak',
      '2019',
      '20',
    ]);
    expect(searchTerms('%%% -- ')).toEqual([]);
  });
});

describe.each(testDatabases)('full-text search and capped totals on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  let otherPlanId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    const plans = (await t.inject({ method: 'GET', url: '/api/v1/plans' })).json().items as {
      id: string;
      code: string;
    }[];
    planId = plans.find((p) => p.code === 'IPAP-2019-2021')!.id;
    otherPlanId = plans.find((p) => p.code === 'IPAP-2015')!.id;
    const create = async (key: string, payload: object) => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/plan-items',
        headers: coordinator.headers,
        // Public by choice unless the case gives a label (an item without one is not public).
        payload: { planId, label: PUBLIC, ...payload },
      });
      expect(res.statusCode).toBe(201);
      ids[key] = res.json().id;
    };
    await create('cyrillic', {
      title: { en: 'Varvarinac barracks renewal', sr: 'Обнова касарне Варваринац' },
    });
    await create('latin', { title: { en: 'NCO course', sr: 'Zlatiborska obuka podoficira' } });
    await create('diacritics', { title: { sr: 'Đurđevdanska vežba u Čačku' } });
    await create('hidden', {
      title: { en: 'Zirconium logistics depot' },
      label: { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['RS', 'NATO'] },
    });
    await create('renamed', { title: { en: 'Basalt range survey' } });
  });
  afterAll(() => t.close());

  const list = async (q: string, headers: Record<string, string> = coordinator.headers) => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/items?q=${encodeURIComponent(q)}`,
      headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as ListOut;
  };
  const found = async (q: string, headers?: Record<string, string>) =>
    (await list(q, headers)).items.map((i) => i.id);

  it('finds Cyrillic titles with a Latin query, and Latin titles with a Cyrillic one', async () => {
    expect(await found('varvarinac')).toEqual([ids.cyrillic]);
    expect(await found('ВАРВАРИНАЦ')).toEqual([ids.cyrillic]);
    expect(await found('златиборска')).toEqual([ids.latin]);
    expect(await found('Zlatiborska')).toEqual([ids.latin]);
  });

  it('folds diacritics and đ on both sides', async () => {
    for (const q of ['djurdjevdanska cacku', 'Đurđevdanska Čačku', 'ђурђевданска чачку']) {
      expect(await found(q)).toEqual([ids.diacritics]);
    }
  });

  it('matches words by their beginning; every word must match', async () => {
    expect(await found('zlatib')).toEqual([ids.latin]);
    expect(await found('obuka zlatibor')).toEqual([ids.latin]);
    expect(await found('zlatiborska beograd')).toEqual([]);
    // Prefixes only: the inside of a word is not matched (no Serbian stemmer either).
    expect(await found('tiborska')).toEqual([]);
  });

  it('never finds nor counts an item the reader may not see', async () => {
    const cleared = await list('zirconium');
    expect(cleared.items.map((i) => i.id)).toEqual([ids.hidden]);
    expect(cleared.total).toBe(1);
    const anonymous = await list('zirconium', {});
    expect(anonymous.items).toEqual([]);
    expect(anonymous.total).toBe(0);
    expect(anonymous.totalIsLowerBound).toBe(false);
  });

  it('follows edits and deletions (the index is kept by triggers)', async () => {
    const renamed = await t.inject({
      method: 'PATCH',
      url: `/api/v1/plan-items/${ids.renamed}`,
      headers: { ...coordinator.headers, 'if-match': '*' },
      payload: { title: { en: 'Granite range survey' } },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await found('granite')).toEqual([ids.renamed]);
    expect(await found('basalt')).toEqual([]);
    const removed = await t.inject({
      method: 'DELETE',
      url: `/api/v1/plan-items/${ids.renamed}`,
      headers: { ...coordinator.headers, 'if-match': '*' },
    });
    expect(removed.statusCode).toBe(204);
    expect(await found('granite')).toEqual([]);
  });

  it('answers in the same shape as the unfiltered list; no words match nothing', async () => {
    const all = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/plans/${planId}/items?pageSize=200`,
        headers: coordinator.headers,
      })
    ).json() as ListOut;
    const hit = await list('varvarinac');
    expect(Object.keys(hit).sort()).toEqual(Object.keys(all).sort());
    expect(hit.items[0]).toEqual(all.items.find((i) => i.id === ids.cyrillic));
    const none = await list('%%%');
    expect(none).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
    const blank = await list('   ');
    expect(blank.total).toBe(all.total);
  });

  it('searches the other lists with a text filter through the same index', async () => {
    for (const [path, q] of [
      ['/api/v1/timeline-events', 'Куманов'],
      ['/api/v1/organisations', 'odbran'],
      ['/api/v1/agreements', 'partnerst'],
      ['/api/v1/mechanisms', 'ipap'],
      ['/api/v1/plans', 'individual'],
    ] as const) {
      const res = await t.inject({ method: 'GET', url: `${path}?q=${encodeURIComponent(q)}` });
      expect({ path, status: res.statusCode }).toEqual({ path, status: 200 });
      expect({ path, some: res.json().total > 0 }).toEqual({ path, some: true });
    }
  });

  it('caps a count at the limit, or at the end of a deeper page', async () => {
    const base = () =>
      t.db.kysely.selectFrom('plan_items as i').where('i.plan_id', '=', planId).selectAll('i');
    const exact = await cappedCount(t.db.kysely, base(), { page: 1, pageSize: 2 }, 1000);
    expect(exact.lowerBound).toBe(false);
    const capped = await cappedCount(t.db.kysely, base(), { page: 1, pageSize: 2 }, exact.n - 1);
    expect(capped).toEqual({ n: exact.n - 1, lowerBound: true });
    const atCap = await cappedCount(t.db.kysely, base(), { page: 1, pageSize: 2 }, exact.n);
    expect(atCap).toEqual({ n: exact.n, lowerBound: false });
    const deep = await cappedCount(t.db.kysely, base(), { page: exact.n, pageSize: 1 }, 1);
    expect(deep).toEqual({ n: exact.n, lowerBound: false });
  });

  it('says "at least 10,000" for a plan with more items, and counts exactly from deep pages', async () => {
    const now = new Date().toISOString();
    const rows = Array.from({ length: 10_020 }, (_, i) => ({
      id: uuidv7(),
      version: 1,
      created_at: now,
      updated_at: now,
      plan_id: otherPlanId,
      parent_id: null,
      depth: 0,
      position: 100 + i,
      code: String(100 + i),
      title_en: `Filler item ${i}`,
      label_policy: 'NONE',
      label_level: 'PUBLIC',
      label_rank: 0,
      label_owner: 'RS',
      label_releasable_to: '["PUBLIC"]',
      search_text: `filler item ${i}`,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await t.db.kysely
        .insertInto('plan_items')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    const page = async (query: string) =>
      (
        await t.inject({ method: 'GET', url: `/api/v1/plans/${otherPlanId}/items?${query}` })
      ).json() as ListOut;
    const everything = (await t.db.kysely
      .selectFrom('plan_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', otherPlanId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow()) as { n: number | string };
    // The unfiltered list's total is kept (plan-items/counts.ts): exact at any size.
    const first = await page('pageSize=50');
    expect(first).toMatchObject({ total: Number(everything.n), totalIsLowerBound: false, page: 1 });
    expect(first.items).toHaveLength(50);
    // A search of a plan's items counts to 1,000 (SEARCH_TOTAL_CAP, shared/paging.ts).
    const searched = await page('q=filler&pageSize=10');
    expect(searched).toMatchObject({ total: 1_000, totalIsLowerBound: true });
    const deep = await page('page=51&pageSize=200');
    expect(deep).toMatchObject({ total: Number(everything.n), totalIsLowerBound: false });
    expect(deep.items).toHaveLength(Number(everything.n) - 10_000);
  });
});
