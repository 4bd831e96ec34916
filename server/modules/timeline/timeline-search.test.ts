/**
 * Timeline search as each reader sees it, on both databases: the words a query finds, the access
 * filter, the capped total and paging agree with the read rule (core/access/read-rule.ts) whichever
 * way the search is answered — from the full-text index (few hits) or by walking the timeline in
 * date order (more visible hits than SEARCH_TOTAL_CAP).
 */
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partialDateBounds } from '../../../core/dates/partial-date.js';
import { mayRead } from '../../../core/access/read-rule.js';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import {
  ANONYMOUS,
  asRecord,
  createOrganisation,
  createViewer,
  NATO_ONLY,
  PUBLIC,
  recordColumns,
  type Label,
  type Viewer,
} from '../../access/labelled-world.js';
import type { Database } from '../../db/schema.js';
import { mulberry32 } from '../../seed/synthetic.js';
import { searchText } from '../shared/records.js';
import { SEARCH_TOTAL_CAP } from '../shared/paging.js';
import { testDatabases } from '../../test/databases.js';
import { deployment } from '../../test/partner.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

/** Invented words, so nothing in the reference data matches them. */
const COMMON = 'tessellate';
const RARE = 'quincunx';
const OTHER = 'marquetry';

interface Event {
  id: string;
  label: Label;
  deleted: boolean;
  sortFrom: string;
  sortTo: string;
  text: string;
}

interface ListOut {
  items: { id: string }[];
  total: number;
  totalIsLowerBound: boolean;
}

describe.each(testDatabases)('timeline search and the access filter on %s', (kind) => {
  let t: TestApp;
  const events: Event[] = [];
  let viewers: { name: string; viewer: Viewer }[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind);
    const admin = await t.signIn('administrator');
    const orgA = await createOrganisation(t, admin.headers, 'Search test unit A');
    const orgB = await createOrganisation(t, admin.headers, 'Search test unit B');
    const labels: Label[] = [
      PUBLIC,
      PUBLIC,
      NATO_ONLY,
      { policy: 'NATO', rank: 1, releasableTo: ['NATO', deployment.nation], originatorId: orgA },
      { policy: 'NATO', rank: 1, releasableTo: ['NATO', deployment.nation], originatorId: orgB },
      {
        policy: deployment.nationalPolicy,
        rank: 1,
        releasableTo: [deployment.nation],
        originatorId: null,
      },
    ];
    const random = mulberry32(9);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    // Enough events carry the common word for more visible hits than the cap (the date walk); the
    // rare one a few dozen (the index). Titles put the words after punctuation and inside longer
    // words too, where a word does not begin.
    const rows: Insertable<Database['timeline_events']>[] = [];
    const now = new Date().toISOString();
    for (let n = 0; n < 3000; n++) {
      const words: string[] = [`Event ${n}`];
      if (random() < 0.8) words.push(pick([COMMON, `“${COMMON}”`, `${COMMON}d`, `(${COMMON})`]));
      else words.push(`un${COMMON}`);
      if (random() < 0.03) words.push(pick([RARE, `«${RARE}»`]));
      if (random() < 0.3) words.push(OTHER);
      const title = words.join(' ');
      const year = 2000 + Math.floor(random() * 10);
      const date = random() < 0.5 ? String(year) : `${year}-0${1 + Math.floor(random() * 9)}`;
      const bounds = partialDateBounds(date);
      const label = pick(labels);
      const deleted = random() < 0.05;
      const id = uuidv7();
      const text = searchText({ en: title, sr: null });
      events.push({ id, label, deleted, sortFrom: bounds.from, sortTo: bounds.to, text });
      rows.push({
        id,
        ...recordColumns(now),
        deleted_at: deleted ? now : null,
        label_policy: label.policy,
        label_level:
          label.policy === 'NONE'
            ? 'PUBLIC'
            : label.policy === 'NATO'
              ? 'NATO_UNCLASSIFIED'
              : deployment.nationalLevel,
        label_rank: label.rank,
        label_owner: deployment.defaultOwner,
        label_releasable_to: JSON.stringify([...label.releasableTo].sort()),
        label_originator_id: label.originatorId,
        starts_on: date,
        ends_on: null,
        precision: date.length === 4 ? 'year' : 'month',
        sort_from: bounds.from,
        sort_to: bounds.to,
        category: 'other',
        title_en: title,
        title_sr: null,
        description_en: null,
        description_sr: null,
        conflict_note_en: null,
        conflict_note_sr: null,
        seed_key: null,
        search_text: text,
      });
    }
    for (let i = 0; i < rows.length; i += 200) {
      await t.db.kysely
        .insertInto('timeline_events')
        .values(rows.slice(i, i + 200))
        .execute();
    }
    const grantee = events.find((e) => e.label.originatorId === orgB && !e.deleted)!;
    viewers = [
      { name: 'anonymous', viewer: ANONYMOUS },
      {
        name: 'partner reader of unit A, NATO clearance',
        viewer: await createViewer(t, {
          nation: deployment.nation,
          clearances: { NATO: 1, [deployment.nationalPolicy]: 1 },
          organisationIds: [orgA],
          grants: [{ type: 'timeline_event', id: grantee.id }],
        }),
      },
      {
        name: 'partner reader without clearances',
        viewer: await createViewer(t, {
          nation: deployment.nation,
          clearances: {},
          organisationIds: [],
          grants: [],
        }),
      },
      {
        name: 'NATO reader cleared for NATO only',
        viewer: await createViewer(t, {
          nation: 'NATO',
          clearances: { NATO: 1 },
          organisationIds: [],
          grants: [],
        }),
      },
    ];
  }, 120_000);
  afterAll(() => t?.close());

  /** What the read rule lets `viewer` find for `q`, in list order. */
  function expected(viewer: Viewer, q: string, order: 'asc' | 'desc') {
    const words = q.split(' ');
    const startsAWord = (text: string, word: string) =>
      text.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(word));
    const found = events.filter(
      (e) =>
        !e.deleted &&
        words.every((w) => startsAWord(e.text, w)) &&
        mayRead(viewer.reader, asRecord(e.id, e.label)),
    );
    const key = (e: Event) => [e.sortFrom, e.sortTo, e.id];
    found.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    });
    return (order === 'asc' ? found : found.reverse()).map((e) => e.id);
  }

  async function list(viewer: Viewer, query: string): Promise<ListOut> {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/timeline-events?${query}`,
      headers: viewer.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ListOut;
  }

  /** Every page of a search, in order; checks each page's total on the way. */
  async function allPages(viewer: Viewer, q: string, order: 'asc' | 'desc', visible: number) {
    const ids: string[] = [];
    const pageSize = 200;
    for (let page = 1; page <= Math.ceil(visible / pageSize) + 1; page++) {
      const out = await list(
        viewer,
        `q=${encodeURIComponent(q)}&order=${order}&pageSize=${pageSize}&page=${page}`,
      );
      const reach = Math.max(SEARCH_TOTAL_CAP, page * pageSize);
      expect(out.total).toBe(Math.min(visible, reach));
      expect(out.totalIsLowerBound).toBe(visible > reach);
      ids.push(...out.items.map((i) => i.id));
      if (out.items.length < pageSize) break;
    }
    return ids;
  }

  it('finds, for every reader, exactly the events the read rule allows, page by page', async () => {
    let walked = 0;
    for (const { name, viewer } of viewers) {
      for (const q of [COMMON, RARE, `${COMMON} ${OTHER}`, 'tessel']) {
        for (const order of ['asc', 'desc'] as const) {
          const want = expected(viewer, q, order);
          if (want.length > SEARCH_TOTAL_CAP) walked += 1;
          const got = await allPages(viewer, q, order, want.length);
          expect(got, `${name}: ${q} ${order}`).toEqual(want);
        }
      }
    }
    // Both ways of answering were exercised: some searches had more visible hits than the cap.
    expect(walked).toBeGreaterThan(0);
  }, 120_000);

  it('does not find a word that only ends or sits inside a word, on either path', async () => {
    const reader = viewers[1]!.viewer;
    for (const q of ['ellate', 'incunx', 'etry']) {
      const out = await list(reader, `q=${q}`);
      expect(out.items).toEqual([]);
      expect(out.total).toBe(0);
    }
    // "untessellate" holds the common word inside it: only events with it at a word start count.
    expect(expected(reader, COMMON, 'asc').length).toBeGreaterThan(SEARCH_TOTAL_CAP);
  });

  it('keeps other filters and the sort orders that have no index', async () => {
    const reader = viewers[1]!.viewer;
    const want = expected(reader, COMMON, 'asc').filter((id) => {
      const e = events.find((x) => x.id === id)!;
      // The period filter keeps events that may fall in it (they overlap it).
      return (
        e.sortTo >= partialDateBounds('2003').from && e.sortFrom <= partialDateBounds('2004').to
      );
    });
    const out = await list(reader, `q=${COMMON}&from=2003&to=2004&pageSize=200`);
    expect(out.total).toBe(Math.min(want.length, SEARCH_TOTAL_CAP));
    expect(out.items.map((i) => i.id)).toEqual(want.slice(0, 200));
    const byTitle = await list(reader, `q=${COMMON}&sort=title&pageSize=5`);
    expect(byTitle.items).toHaveLength(5);
    expect(byTitle.totalIsLowerBound).toBe(true);
  });

  it('pages by cursor in date order: every event once, as the read rule allows', async () => {
    const reader = viewers[1]!.viewer;
    for (const q of [COMMON, RARE, '']) {
      for (const order of ['asc', 'desc'] as const) {
        const want = expected(reader, q, order);
        const got: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string =
            `q=${encodeURIComponent(q)}&order=${order}&pageSize=150` +
            (cursor ? `&cursor=${cursor}` : '');
          const out = (await list(reader, query)) as ListOut & {
            nextCursor: string | null;
            page: number | null;
          };
          expect(out.page).toBe(cursor ? null : 1);
          got.push(...out.items.map((i) => i.id));
          cursor = out.nextCursor;
          pages += 1;
        } while (cursor && pages < 100);
        if (q) expect(got, `${q} ${order}`).toEqual(want);
        // Without a filter the reference timeline comes too: the test's events keep their order.
        else expect(got.filter((id) => want.includes(id))).toEqual(want);
        expect(new Set(got).size).toBe(got.length);
      }
    }
  });

  it('refuses a cursor with another sort, with page, or garbled, naming cursor', async () => {
    const reader = viewers[1]!.viewer;
    const first = (await list(reader, `q=${COMMON}&pageSize=10`)) as ListOut & {
      nextCursor: string;
    };
    expect(first.nextCursor).toBeTruthy();
    for (const query of [
      `cursor=${first.nextCursor}&sort=title`,
      `cursor=${first.nextCursor}&page=2`,
      'cursor=not-a-cursor',
    ]) {
      const res = await t.inject({
        method: 'GET',
        url: `/api/v1/timeline-events?${query}`,
        headers: reader.headers,
      });
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json())).toContain('cursor');
    }
  });
});
