/**
 * The plan tree a part at a time (?depth, ?parentId): every part equals the same part of the
 * whole tree — roll-ups included, computed over the whole visible subtree — for readers who see
 * different parts of a labelled plan with hidden containers; `childCount` counts visible children
 * only; a hidden parent answers exactly like a random id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollUp, type RollupNode, type RollupRule } from '../../../core/plans/rollup.js';
import type { PlanTreeNode } from '../../../core/schemas/plan.js';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import {
  createItem,
  createOrganisation,
  createPlan,
  createViewer,
  NATO_ONLY,
  PUBLIC,
  setLabel,
  type Label,
  type Viewer,
} from '../../access/labelled-world.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { deployment } from '../../test/partner.js';

interface Tree {
  planId: string;
  asOf: string | null;
  parentId: string | null;
  depth: number | null;
  visibleItems: number;
  levels: { depth: number; rollupRule: RollupRule }[];
  items: PlanTreeNode[];
}

const flatten = (nodes: PlanTreeNode[]): PlanTreeNode[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** The whole tree cut `depth` levels down (null: not cut), as a part of it should answer. */
const cut = (nodes: PlanTreeNode[], depth: number | null): PlanTreeNode[] =>
  nodes.map((n) => ({
    ...n,
    children: depth === null ? n.children : depth <= 1 ? [] : cut(n.children, depth - 1),
  }));

describe.each(testDatabases)('plan tree by parts on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let planId: string;
  const ids: Record<string, string> = {};
  let readers: Record<string, Viewer>;

  const get = (url: string, headers: Record<string, string>) =>
    t.inject({ method: 'GET', url: `/api/v1/plans/${planId}/tree${url}`, headers });
  const tree = async (url: string, headers: Record<string, string>): Promise<Tree> => {
    const res = await get(url, headers);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as Tree;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('administrator');
    const org = await createOrganisation(t, admin.headers, 'Originating ministry');
    const ownedBy: Label = {
      policy: 'NATO',
      rank: 1,
      releasableTo: ['NATO'],
      originatorId: org,
    };
    planId = await createPlan(t, admin.headers, `TREE-PARTS-${kind}`);
    // Labels go on once every item is in (the administrator may not see what it labels).
    const labels: [string, Label][] = [];
    const item = async (
      key: string,
      parent: string | null,
      extra: Record<string, unknown> = {},
      label?: Label,
    ) => {
      ids[key] = await createItem(t, admin.headers, planId, parent ? ids[parent]! : null, key, {
        ...extra,
      });
      if (label) labels.push([key, label]);
    };
    // Chapter 1: a public objective with a hidden activity, an originator's objective (a hidden
    // container with public activities in it) and a NATO-only one.
    await item('C1', null);
    await item('O1.1', 'C1');
    await item('A1.1.1', 'O1.1', { status: 'implemented' });
    await item('A1.1.2', 'O1.1', { status: 'not_started' }, ownedBy);
    await item('A1.1.3', 'O1.1', { status: 'cancelled' });
    await item('A1.1.4', 'O1.1', { status: 'partially_implemented' });
    await item('O1.2', 'C1', {}, ownedBy);
    await item('A1.2.1', 'O1.2', { status: 'ongoing' });
    await item('A1.2.2', 'O1.2', { status: 'implemented' });
    await item('O1.3', 'C1', {}, NATO_ONLY);
    await item('A1.3.1', 'O1.3', { status: 'postponed' });
    // Chapter 2 is the originator's: everything in it hides with it.
    await item('C2', null, {}, ownedBy);
    await item('O2.1', 'C2');
    await item('A2.1.1', 'O2.1', { status: 'implemented' });
    // Chapter 3: a manual value on an objective, weights, an objective without activities.
    await item('C3', null);
    await item('O3.1', 'C3', { manualProgress: 40 });
    await item('A3.1.1', 'O3.1', { status: 'implemented', weight: 3 });
    await item('A3.1.2', 'O3.1', { status: 'not_started' });
    await item('O3.2', 'C3');
    await item('A3.2.1', 'O3.2', { status: 'implemented' }, NATO_ONLY);
    await item('O3.3', 'C3', { status: 'ongoing' });
    for (const [key, label] of labels) await setLabel(t, 'plan_items', ids[key]!, label);
    // Everything else public, so every reader sees the plan's frame.
    await setLabel(t, 'plans', planId, PUBLIC);
    for (const [key, id] of Object.entries(ids))
      if (!labels.some(([k]) => k === key)) await setLabel(t, 'plan_items', id, PUBLIC);

    readers = {
      administrator: {
        reader: null,
        role: 'administrator',
        userId: null,
        headers: admin.headers,
      },
      national: await createViewer(t, {
        nation: deployment.nation,
        clearances: {},
        organisationIds: [],
        grants: [],
      }),
      insider: await createViewer(t, {
        role: 'coordinator',
        nation: 'NATO',
        clearances: { NATO: 1 },
        organisationIds: [org],
        grants: [],
      }),
      outsider: await createViewer(t, {
        role: 'coordinator',
        nation: 'NATO',
        clearances: { NATO: 1 },
        organisationIds: [],
        grants: [],
      }),
      granted: await createViewer(t, {
        nation: 'NATO',
        clearances: { NATO: 1 },
        organisationIds: [],
        grants: [{ type: 'plan_item', id: ids['O1.2']! }],
      }),
    };
  });
  afterAll(() => t?.close());

  it('answers every part of the tree as the same part of the whole, for every reader', async () => {
    for (const [name, viewer] of Object.entries(readers)) {
      const whole = await tree('', viewer.headers);
      const all = flatten(whole.items);
      expect(whole.visibleItems, name).toBe(all.length);
      expect(whole.parentId).toBeNull();
      expect(whole.depth).toBeNull();
      for (const node of all)
        expect(node.childCount, `${name} ${node.code}`).toBe(node.children.length);

      for (const depth of [1, 2, 3, 10]) {
        const part = await tree(`?depth=${depth}`, viewer.headers);
        expect(part.depth).toBe(depth);
        expect(part.visibleItems).toBe(whole.visibleItems);
        expect(part.items, `${name} depth ${depth}`).toEqual(cut(whole.items, depth));
      }
      for (const node of all) {
        for (const depth of [1, 2, null]) {
          const url = `?parentId=${node.id}${depth === null ? '' : `&depth=${depth}`}`;
          const part = await tree(url, viewer.headers);
          expect(part.parentId).toBe(node.id);
          expect(part.items, `${name} ${node.code} ${url}`).toEqual(cut(node.children, depth));
        }
      }
    }
  });

  it('rolls each item up over its whole visible subtree by the levels’ rules', async () => {
    for (const [name, viewer] of Object.entries(readers)) {
      const whole = await tree('', viewer.headers);
      const rules = whole.levels.map((l) => l.rollupRule);
      const toNode = (n: PlanTreeNode): RollupNode => ({
        id: n.id,
        status: n.status,
        manualProgress: n.manualProgress,
        weight: n.weight,
        children: n.children.map(toNode),
      });
      const check = (n: PlanTreeNode, expected: ReturnType<typeof rollUp>) => {
        expect(n.rollup.progress, `${name} ${n.code}`).toBe(expected.progress);
        expect(n.rollup.rule).toBe(expected.rule);
        expect(n.rollup.overridden).toBe(expected.overridden);
        expect(n.rollup.note).toBe(expected.note);
        expect(n.rollup.inputs).toEqual(expected.inputs);
        n.children.forEach((c, i) => check(c, expected.children[i]!));
      };
      for (const root of whole.items) check(root, rollUp(toNode(root), rules));
    }
  });

  it('counts only visible children, and shows a hidden item’s progress nowhere', async () => {
    const byCode = (nodes: PlanTreeNode[]) => new Map(flatten(nodes).map((n) => [n.title.en, n]));
    const everything = byCode((await tree('', readers.insider!.headers)).items);
    const national = byCode((await tree('?depth=2', readers.national!.headers)).items);
    expect(everything.get('C1')!.childCount).toBe(3);
    expect(everything.get('O1.1')!.childCount).toBe(4);
    expect(national.get('C1')!.childCount).toBe(1);
    expect(national.get('O1.1')!.childCount).toBe(3);
    expect(national.get('O1.1')!.children).toEqual([]);
    expect(national.has('C2')).toBe(false);
    // Implemented (100) and partially implemented (50); the hidden not-started one is not there.
    expect(national.get('O1.1')!.rollup.progress).toBe(75);
    expect(everything.get('O1.1')!.rollup.progress).toBe(50);
    expect(national.get('O1.1')!.rollup.inputs.map((i) => i.id)).not.toContain(ids['A1.1.2']);
    // O3.2's only activity is NATO-only: for the national reader it has no children at all.
    expect(national.get('O3.2')!.childCount).toBe(0);
    expect(everything.get('O3.2')!.childCount).toBe(1);
  });

  it('answers a hidden parent exactly like a random id, and a deleted one too', async () => {
    const national = readers.national!.headers;
    const random = await get(`?parentId=${uuidv7()}&depth=1`, national);
    expect(random.statusCode).toBe(404);
    for (const hidden of ['O1.2', 'O1.3', 'C2', 'A1.2.1', 'A1.1.2']) {
      const res = await get(`?parentId=${ids[hidden]}&depth=1`, national);
      expect(res.statusCode, hidden).toBe(404);
      expect(res.json(), hidden).toEqual(random.json());
      const noDepth = await get(`?parentId=${ids[hidden]}`, national);
      expect(noDepth.json(), hidden).toEqual(random.json());
    }
    // Visible to the reader with a grant on it, but not what is inside it unless also visible.
    const granted = await tree(`?parentId=${ids['O1.2']}&depth=1`, readers.granted!.headers);
    expect(granted.items.map((i) => i.title.en)).toEqual(['A1.2.1', 'A1.2.2']);
    // An item of another plan is not under this plan.
    const other = await createPlan(t, admin.headers, `TREE-OTHER-${kind}`);
    const elsewhere = await createItem(t, admin.headers, other, null, 'Elsewhere');
    const res = await get(`?parentId=${elsewhere}`, admin.headers);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(random.json());
  });

  it('reads a part as of a day like the same part of that day’s whole tree', async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const [name, viewer] of Object.entries(readers)) {
      const whole = await tree(`?asOf=${today}`, viewer.headers);
      expect(whole.asOf).toBe(today);
      const part = await tree(`?asOf=${today}&depth=1`, viewer.headers);
      expect(part.items, name).toEqual(cut(whole.items, 1));
      for (const node of flatten(whole.items).filter((n) => n.childCount > 0)) {
        const sub = await tree(`?asOf=${today}&parentId=${node.id}&depth=1`, viewer.headers);
        expect(sub.items, `${name} ${node.code}`).toEqual(cut(node.children, 1));
      }
    }
  });

  it('refuses a depth out of range or a parent that is not an id, naming the parameter', async () => {
    for (const bad of ['depth=0', 'depth=11', 'depth=two', 'depth=1.5', 'parentId=nope', 'x=1']) {
      const res = await get(`?${bad}`, admin.headers);
      expect(res.statusCode, bad).toBe(400);
      if (!bad.startsWith('x')) expect(res.body, bad).toContain(bad.split('=')[0]);
    }
  });
});
