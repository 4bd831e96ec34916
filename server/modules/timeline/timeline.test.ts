import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { partialDateBounds } from '../../../core/dates/partial-date.js';

import { timelineEvents } from '../../seed/reference/timeline.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

// The reference data set carries every dated event of the research file (51 when it was written);
// the seed must load each of them.
const SEED_EVENTS = timelineEvents.length;

interface EventOut {
  id: string;
  when: { date: string; end: string | null; precision: string };
  category: string;
  title: { en: string | null; sr: string | null };
  sources: { citation: string; url: string | null }[];
  conflictNote: { en: string | null; sr: string | null };
}

describe.each(testDatabases)('timeline events on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/timeline-events?pageSize=200&${query}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: EventOut[]; total: number };
  };

  it('holds every event of the reference timeline, oldest first, each with a source', async () => {
    const all = await list('');
    expect(SEED_EVENTS).toBeGreaterThanOrEqual(51);
    expect(all.total).toBe(SEED_EVENTS);
    expect(all.items[0]!.when.date).toBe('1999-03-24');
    expect(all.items.every((e) => e.sources.length > 0)).toBe(true);
    // Ordered by the earliest day each event can be ('2024' before '2024-03-05').
    const earliest = all.items.map((e) => partialDateBounds(e.when.date).from);
    expect([...earliest].sort()).toEqual(earliest);
  });

  it('keeps the precision of each date: day, month, year, range and approximate', async () => {
    const all = (await list('')).items;
    const ipap = all.find((e) => e.when.date === '2015-01-15');
    expect(ipap).toMatchObject({ category: 'ipap', when: { precision: 'day' } });
    expect(all.find((e) => e.when.date === '2003-03-20')?.when).toEqual({
      date: '2003-03-20',
      end: '2003-03-22',
      precision: 'range',
    });
    expect(all.find((e) => e.when.date === '2006-02')?.when.precision).toBe('month');
    expect(
      all.find((e) => e.when.date === '2014' && e.category === 'agreement')?.when.precision,
    ).toBe('approximate');
    const ceremony = all.find((e) => e.when.date === '2015-03-18');
    expect(ceremony?.conflictNote.en).toMatch(/April/);
  });

  it('filters by category and by period, and counts what it filters', async () => {
    const ipap = await list('category=ipap');
    expect(ipap.total).toBeGreaterThanOrEqual(3);
    expect(ipap.items.every((e) => e.category === 'ipap')).toBe(true);

    const two = await list('category=ipap&category=parp');
    expect(two.total).toBe(ipap.total + (await list('category=parp')).total);

    const everything = (await list('')).items;
    const in2015 = await list('from=2015&to=2015');
    expect(in2015.items.every((e) => e.when.date.startsWith('2015'))).toBe(true);
    expect(in2015.total).toBe(everything.filter((e) => e.when.date.startsWith('2015')).length);
    expect(in2015.total).toBeGreaterThanOrEqual(4);

    // An event known only to the month counts in a period that overlaps that month.
    const feb2006 = await list('from=2006-02-10&to=2006-02-20');
    expect(feb2006.items.map((e) => e.when.date)).toContain('2006-02');

    const newestFirst = await t.inject({
      method: 'GET',
      url: '/api/v1/timeline-events?order=desc&pageSize=1',
    });
    expect(newestFirst.json().items[0].when.date.startsWith('2025')).toBe(true);
  });

  it('lists the events linked to one record', async () => {
    const ipap = (await t.inject({ method: 'GET', url: '/api/v1/mechanisms?q=IPAP' })).json()
      .items[0];
    const linked = await list(`relatedTo=${ipap.id}`);
    expect(linked.total).toBeGreaterThanOrEqual(2);
    expect(linked.items.every((e) => e.category === 'ipap')).toBe(true);
    const none = await list('relatedTo=0192d7a0-7c1e-7000-8000-000000000000');
    expect(none.total).toBe(0);
  });

  it('finds events by text in either script', async () => {
    const latin = await list('q=Kumanovo');
    const cyrillic = await list(`q=${encodeURIComponent('Куманов')}`);
    expect(latin.total).toBeGreaterThan(0);
    expect(cyrillic.total).toBe(latin.total);
  });

  it('creates an event with sources and refuses impossible dates', async () => {
    const post = (payload: object) =>
      t.inject({
        method: 'POST',
        url: '/api/v1/timeline-events',
        headers: coordinator.headers,
        // Public by choice (an event without a label is not public).
        payload: { label: PUBLIC, ...payload },
      });
    const created = await post({
      when: { date: '2026-03', precision: 'month' },
      category: 'drg',
      title: { en: 'DRG plenary (test)', sr: 'Пленарни састанак ГРО (тест)' },
      sources: [{ citation: 'Ministry of Defence news item', url: 'https://www.mod.gov.rs/' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      when: { date: '2026-03', precision: 'month', end: null },
      sources: [{ citation: 'Ministry of Defence news item' }],
    });

    const feb30 = await post({
      when: { date: '2015-02-30', precision: 'day' },
      category: 'other',
      title: { en: 'x' },
      sources: [{ citation: 'y' }],
    });
    expect(feb30.statusCode).toBe(400);
    expect(feb30.json().error.details.issues[0].field).toBe('when.date');

    const backwards = await post({
      when: { date: '2015-04-02', end: '2015-03-31', precision: 'range' },
      category: 'other',
      title: { en: 'x' },
      sources: [{ citation: 'y' }],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.issues[0].field).toBe('when.end');

    const unsourced = await post({
      when: { date: '2015', precision: 'year' },
      category: 'other',
      title: { en: 'x' },
      sources: [],
    });
    expect(unsourced.statusCode).toBe(400);
    expect(unsourced.json().error.message).toContain('source');

    // Deleted again, so the reference timeline the other tests read is whole whatever the order.
    const url = `/api/v1/timeline-events/${created.json().id}`;
    const etag = (await t.inject({ method: 'GET', url })).headers.etag as string;
    const removed = await t.inject({
      method: 'DELETE',
      url,
      headers: { ...coordinator.headers, 'if-match': etag },
    });
    expect(removed.statusCode).toBe(204);
  });

  it('replaces sources on change and audits before and after', async () => {
    const event = (await list('category=ipap')).items[0]!;
    const url = `/api/v1/timeline-events/${event.id}`;
    const etag = (await t.inject({ method: 'GET', url })).headers.etag as string;
    const res = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...coordinator.headers, 'if-match': etag },
      payload: { sources: [{ citation: 'NATO, Individual Partnership Action Plans' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sources).toEqual([
      { citation: 'NATO, Individual Partnership Action Plans', url: null },
    ]);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('timeline_event.update');
    expect(JSON.parse(entry.before_state!).sources.length).toBe(event.sources.length);
  });
});
