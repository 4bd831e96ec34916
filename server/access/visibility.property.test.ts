/**
 * Property: for random users (nation, clearances, organisations, grants) and randomly labelled
 * records, every read endpoint returns exactly the records core/access/read-rule.ts allows — in
 * lists, totals, text filters, sorts, pages and details — and a hidden record answers exactly like a
 * missing one.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayRead, type LabelledRecord } from '../../core/access/read-rule.js';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';
import {
  ANONYMOUS,
  createOrganisationWithId,
  createViewer,
  recordColumns,
} from './labelled-world.js';

const ORGS = [
  '0192d7a0-0000-7000-8000-00000000000a',
  '0192d7a0-0000-7000-8000-00000000000b',
  '0192d7a0-0000-7000-8000-00000000000c',
];
const NATIONS = [deployment.nation, 'NATO', 'HU'];
/** One labelled table per module shape: each list and detail endpoint must apply the same rule. */
const RESOURCES = ['timeline-events', 'organisations', 'agreements', 'activities'] as const;
type Resource = (typeof RESOURCES)[number];

/** Columns a resource's table needs besides the common record and label columns. */
function ownColumns(resource: Resource, title: string) {
  switch (resource) {
    case 'timeline-events':
      return {
        table: 'timeline_events' as const,
        values: {
          starts_on: '2020-01-01',
          ends_on: null,
          precision: 'day',
          sort_from: '2020-01-01',
          sort_to: '2020-01-01',
          category: 'other',
          title_en: title,
          title_sr: null,
          description_en: null,
          description_sr: null,
          conflict_note_en: null,
          conflict_note_sr: null,
          seed_key: null,
        },
      };
    case 'organisations':
      return {
        table: 'organisations' as const,
        values: {
          parent_id: null,
          kind: 'other',
          side: 'other',
          nation: deployment.nation,
          name_en: title,
          name_sr: null,
          abbreviation_en: null,
          abbreviation_sr: null,
          description_en: null,
          description_sr: null,
          website: null,
          seed_key: null,
        },
      };
    case 'agreements':
      return {
        table: 'agreements' as const,
        values: { kind: 'other', status: 'signed', title_en: title, seed_key: null },
      };
    case 'activities':
      return {
        table: 'activities' as const,
        values: { kind: 'other', status: 'planned', title_en: title, starts_on: '2020-01-01' },
      };
  }
}

const labelArb = fc.oneof(
  fc.record({ policy: fc.constant('NONE'), rank: fc.constant(0) }),
  fc.record({ policy: fc.constant('NATO'), rank: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    policy: fc.constant(deployment.nationalPolicy),
    rank: fc.integer({ min: 1, max: 3 }),
  }),
);
const recordArb = fc.record({
  label: labelArb,
  releasableTo: fc.subarray(['PUBLIC', ...NATIONS]),
  originatorId: fc.option(fc.constantFrom(...ORGS), { nil: null }),
  title: fc.constantFrom('alpha', 'bravo', 'charlie', 'delta'),
  resource: fc.constantFrom(...RESOURCES),
});
const readerArb = fc.record({
  nation: fc.constantFrom(...NATIONS),
  clearances: fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
    .map(([nato, national]) => ({ NATO: nato, [deployment.nationalPolicy]: national })),
  organisationIds: fc.subarray(ORGS),
  grantIndexes: fc.array(fc.nat({ max: 11 }), { maxLength: 4 }),
});

type RecordSpec = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;
type ReaderSpec = typeof readerArb extends fc.Arbitrary<infer T> ? T : never;

describe.each(testDatabases)('visibility on every read path, property-based, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    const admin = await t.signIn('administrator');
    for (const id of ORGS)
      await createOrganisationWithId(t, admin.headers, id, `Originator ${id.slice(-1)}`);
  });
  afterAll(() => t.close());

  async function insertRecords(tag: string, specs: RecordSpec[]) {
    const now = new Date().toISOString();
    const records: (LabelledRecord & { title: string; resource: Resource })[] = [];
    for (const [i, s] of specs.entries()) {
      const id = uuidv7();
      const title = `${tag} ${s.title} ${i}`;
      const own = ownColumns(s.resource, title);
      await t.db.kysely
        .insertInto(own.table as 'activities')
        .values({
          id,
          ...recordColumns(now),
          label_policy: s.label.policy,
          label_level: 'X',
          label_rank: s.label.rank,
          label_owner: deployment.defaultOwner,
          label_releasable_to: JSON.stringify(s.releasableTo),
          label_originator_id: s.originatorId,
          search_text: title,
          ...(own.values as { kind: string; status: string; starts_on: string }),
        })
        .execute();
      records.push({
        id,
        policy: s.label.policy,
        rank: s.label.rank,
        releasableTo: s.releasableTo,
        originatorId: s.originatorId,
        title,
        resource: s.resource,
      });
    }
    return records;
  }

  /** A reader as specified, with grants on the records its grant indexes pick. */
  function viewerFor(spec: ReaderSpec, records: LabelledRecord[]) {
    const picked = spec.grantIndexes.map((i) => records[i % Math.max(records.length, 1)]);
    return createViewer(t, {
      nation: spec.nation,
      clearances: spec.clearances,
      organisationIds: spec.organisationIds,
      grants: picked.flatMap((r) => (r ? [{ type: 'timeline_event', id: r.id }] : [])),
    });
  }

  it('shows each reader exactly what the rule allows, and nothing leaks through totals, filters, sorts or errors', async () => {
    const missingBody = (
      await t.inject({ method: 'GET', url: `/api/v1/timeline-events/${uuidv7()}` })
    ).json();
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { minLength: 1, maxLength: 16 }),
        fc.array(readerArb, { minLength: 1, maxLength: 3 }),
        async (specs, readers) => {
          const tag = `run${randomBytes(4).toString('hex')}`;
          const records = await insertRecords(tag, specs);
          const viewers = [ANONYMOUS];
          for (const spec of readers) viewers.push(await viewerFor(spec, records));

          for (const { headers, reader } of viewers) {
            for (const resource of RESOURCES) {
              const mine = records.filter((r) => r.resource === resource);
              const expected = mine
                .filter((r) => mayRead(reader, r))
                .map((r) => r.id)
                .sort();
              const list = await t.inject({
                method: 'GET',
                url: `/api/v1/${resource}?q=${tag}&pageSize=200`,
                headers,
              });
              expect(list.statusCode).toBe(200);
              const ids = list
                .json()
                .items.map((e: { id: string }) => e.id)
                .sort();
              expect({ resource, ids }).toEqual({ resource, ids: expected });
              expect(list.json().total).toBe(expected.length);

              // A narrower text filter, a sort and a one-row page change nothing about the total.
              const narrowed = await t.inject({
                method: 'GET',
                url: `/api/v1/${resource}?q=${tag}%20alpha&pageSize=1&order=desc`,
                headers,
              });
              expect(narrowed.json().total).toBe(
                mine.filter((r) => mayRead(reader, r) && r.title.includes(`${tag} alpha`)).length,
              );

              for (const record of mine) {
                const detail = await t.inject({
                  method: 'GET',
                  url: `/api/v1/${resource}/${record.id}`,
                  headers,
                });
                if (mayRead(reader, record)) {
                  expect(detail.statusCode).toBe(200);
                } else {
                  expect(detail.statusCode).toBe(404);
                  expect(detail.json().error.code).toBe(missingBody.error.code);
                }
              }
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
