/**
 * Property: for random labels on a plan and on the items of a three-level tree, and random readers
 * (nation, clearances, organisations, a grant on the plan or on one item), every read path of plan
 * items — the plan's item list and its total, each item's detail, the tree, the tree as of today
 * and the dashboard — shows exactly the items `mayReadWithin` (core/access/read-rule.ts) allows
 * with their containers: the plan and every item above.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayRead, mayReadWithin, type LabelledRecord } from '../../core/access/read-rule.js';
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

const ORGS = ['0192d7a0-0000-7000-8000-0000000000c1', '0192d7a0-0000-7000-8000-0000000000c2'];
const NATIONS = [deployment.nation, 'NATO', 'HU'];

const labelArb = fc.oneof(
  fc.constant({ policy: 'NONE', rank: 0, releasableTo: ['PUBLIC'], originatorId: null }),
  fc.record({
    policy: fc.constantFrom('NATO', deployment.nationalPolicy),
    rank: fc.constant(1),
    releasableTo: fc.subarray(NATIONS, { minLength: 1 }),
    originatorId: fc.option(fc.constantFrom(...ORGS), { nil: null }),
  }),
);
type Label = typeof labelArb extends fc.Arbitrary<infer T> ? T : never;

/** Parent index of each item in the tree (-1: top level): two chapters, three objectives, two activities. */
const SHAPE = [-1, -1, 0, 0, 1, 2, 4];

const readerArb = fc.record({
  nation: fc.constantFrom(...NATIONS),
  nato: fc.integer({ min: 0, max: 1 }),
  national: fc.integer({ min: 0, max: 1 }),
  organisationIds: fc.subarray(ORGS),
  /** -1: none, 0: the plan, 1..7: one item. */
  grant: fc.integer({ min: -1, max: SHAPE.length }),
});
type ReaderSpec = typeof readerArb extends fc.Arbitrary<infer T> ? T : never;

interface TreeNode {
  id: string;
  children: TreeNode[];
}
const flatten = (nodes: TreeNode[]): string[] =>
  nodes.flatMap((n) => [n.id, ...flatten(n.children)]);

describe.each(testDatabases)(
  'containers on every plan read path, property-based, on %s',
  (kind) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, { seed: false });
      const admin = await t.signIn('administrator');
      for (const id of ORGS) await createOrganisationWithId(t, admin.headers, id, id);
    });
    afterAll(() => t.close());

    const labelColumns = (l: Label) => ({
      label_policy: l.policy,
      label_level: 'X',
      label_rank: l.rank,
      label_owner: deployment.defaultOwner,
      label_releasable_to: JSON.stringify(l.releasableTo),
      label_originator_id: l.originatorId,
    });
    const record = (id: string, l: Label, planId?: string): LabelledRecord => ({
      id,
      policy: l.policy,
      rank: l.rank,
      releasableTo: l.releasableTo,
      originatorId: l.originatorId,
      ...(planId ? { grantedThrough: [planId] } : {}),
    });

    async function insertPlan(planLabel: Label, itemLabels: Label[]) {
      const now = new Date().toISOString();
      const common = recordColumns(now);
      const planId = uuidv7();
      await t.db.kysely
        .insertInto('plans')
        .values({
          ...common,
          ...labelColumns(planLabel),
          id: planId,
          mechanism_id: null,
          code: `P-${randomBytes(4).toString('hex')}`,
          title_en: 'Plan',
          title_sr: null,
          description_en: null,
          description_sr: null,
          period_start: null,
          period_end: null,
          status: 'drafting',
          sample_data: 0,
          seed_key: null,
          search_text: 'plan',
        })
        .execute();
      await t.db.kysely
        .insertInto('plan_levels')
        .values(
          [0, 1, 2].map((depth) => ({
            plan_id: planId,
            depth,
            name_en: `L${depth}`,
            name_sr: `L${depth}`,
            rollup_rule: 'average',
          })),
        )
        .execute();
      const ids: string[] = [];
      const codes: string[] = [];
      const depths: number[] = [];
      for (const [i, parent] of SHAPE.entries()) {
        const id = uuidv7();
        const siblings = SHAPE.slice(0, i).filter((p) => p === parent).length;
        const code = parent < 0 ? String(siblings + 1) : `${codes[parent]}.${siblings + 1}`;
        const depth = parent < 0 ? 0 : depths[parent]! + 1;
        await t.db.kysely
          .insertInto('plan_items')
          .values({
            ...common,
            ...labelColumns(itemLabels[i]!),
            id,
            plan_id: planId,
            parent_id: parent < 0 ? null : ids[parent]!,
            depth,
            position: siblings + 1,
            code,
            title_en: `Item ${code}`,
            title_sr: null,
            description_en: null,
            description_sr: null,
            start_on: null,
            due_on: null,
            lead_organisation_id: null,
            manual_progress: null,
            budget_amount: null,
            budget_currency: null,
            funding_source: null,
            search_text: `item ${code}`,
          })
          .execute();
        ids.push(id);
        codes.push(code);
        depths.push(depth);
      }
      return { planId, ids };
    }

    /** A reader as specified, with a grant on the plan, on one item or on nothing. */
    function viewerFor(spec: ReaderSpec, planId: string, itemIds: string[]) {
      const grantedId =
        spec.grant < 0 ? null : spec.grant === 0 ? planId : itemIds[spec.grant - 1]!;
      return createViewer(t, {
        nation: spec.nation,
        clearances: { NATO: spec.nato, [deployment.nationalPolicy]: spec.national },
        organisationIds: spec.organisationIds,
        grants: grantedId ? [{ type: spec.grant === 0 ? 'plan' : 'plan_item', id: grantedId }] : [],
      });
    }

    it('shows each reader exactly the items whose plan and parents it may read too', async () => {
      const today = new Date().toISOString().slice(0, 10);
      await fc.assert(
        fc.asyncProperty(
          labelArb,
          fc.array(labelArb, { minLength: SHAPE.length, maxLength: SHAPE.length }),
          fc.array(readerArb, { minLength: 1, maxLength: 3 }),
          async (planLabel, itemLabels, specs) => {
            const { planId, ids } = await insertPlan(planLabel, itemLabels);
            const plan = record(planId, planLabel);
            const items = ids.map((id, i) => record(id, itemLabels[i]!, planId));
            const containersOf = (i: number): LabelledRecord[] =>
              SHAPE[i]! < 0 ? [plan] : [...containersOf(SHAPE[i]!), items[SHAPE[i]!]!];
            const viewers = [ANONYMOUS];
            for (const spec of specs) viewers.push(await viewerFor(spec, planId, ids));

            for (const { headers, reader } of viewers) {
              const expected = ids
                .filter((_, i) => mayReadWithin(reader, items[i]!, containersOf(i)))
                .sort();
              const get = (url: string) =>
                t.inject({ method: 'GET', url: `/api/v1${url}`, headers });
              for (const [i, id] of ids.entries()) {
                const detail = await get(`/plan-items/${id}`);
                expect({ item: i, status: detail.statusCode }).toEqual({
                  item: i,
                  status: expected.includes(id) ? 200 : 404,
                });
              }
              const list = await get(`/plans/${planId}/items?pageSize=100`);
              if (!mayRead(reader, plan)) {
                expect(list.statusCode).toBe(404);
                expect((await get(`/plans/${planId}/tree`)).statusCode).toBe(404);
                continue;
              }
              expect(
                list
                  .json()
                  .items.map((x: { id: string }) => x.id)
                  .sort(),
              ).toEqual(expected);
              expect(list.json().total).toBe(expected.length);
              const tree = (await get(`/plans/${planId}/tree`)).json();
              expect(flatten(tree.items).sort()).toEqual(expected);
              const asOf = (await get(`/plans/${planId}/tree?asOf=${today}`)).json();
              expect(flatten(asOf.items).sort()).toEqual(expected);
              const dashboard = await get(`/plans/${planId}/dashboard`);
              expect(dashboard.statusCode).toBe(200);
              for (const [i, id] of ids.entries()) {
                if (!expected.includes(id))
                  expect({ i, leaked: dashboard.body.includes(id) }).toEqual({ i, leaked: false });
              }
            }
          },
        ),
        { numRuns: 20 },
      );
    }, 240_000);
  },
);
