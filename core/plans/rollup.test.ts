import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUp, type RollupNode, type RollupRule } from './rollup.js';
import type { PlanItemStatus } from './status.js';

let n = 0;
function item(
  status: PlanItemStatus,
  children: RollupNode[] = [],
  over: Partial<RollupNode> = {},
): RollupNode {
  n += 1;
  return { id: `i${n}`, status, manualProgress: null, weight: 1, children, ...over };
}

describe('progress roll-up', () => {
  it('takes a leaf’s progress from its status under the from-status rule', () => {
    expect(rollUp(item('implemented'), ['from_status'])).toMatchObject({
      progress: 100,
      rule: 'from_status',
    });
    expect(rollUp(item('partially_implemented'), ['from_status']).progress).toBe(50);
    expect(rollUp(item('not_started'), ['from_status']).progress).toBe(0);
  });

  it('falls back to the item’s own status when a rolling-up level has no children, and says so', () => {
    const result = rollUp(item('ongoing'), ['average']);
    expect(result).toMatchObject({ progress: 50, rule: 'from_status', note: 'no_children' });
  });

  it('averages children and lists each input', () => {
    const chapter = item('ongoing', [
      item('implemented'),
      item('not_started'),
      item('partially_implemented'),
    ]);
    const result = rollUp(chapter, ['average', 'from_status']);
    expect(result.progress).toBe(50);
    expect(result.inputs.map((i) => i.progress)).toEqual([100, 0, 50]);
    expect(result.inputs.every((i) => i.counted)).toBe(true);
  });

  it('leaves cancelled children out of the computation and shows why', () => {
    const chapter = item('ongoing', [item('implemented'), item('cancelled'), item('not_started')]);
    const result = rollUp(chapter, ['average', 'from_status']);
    expect(result.progress).toBe(50);
    expect(result.inputs[1]).toMatchObject({ counted: false, excludedBecause: 'cancelled' });
  });

  it('has nothing to show when every child is cancelled', () => {
    const result = rollUp(item('ongoing', [item('cancelled'), item('cancelled')]), [
      'average',
      'from_status',
    ]);
    expect(result).toMatchObject({ progress: null, note: 'nothing_to_count' });
  });

  it('weights children, and with all weights zero counts them equally and says so', () => {
    const weighted = item('ongoing', [
      item('implemented', [], { weight: 3 }),
      item('not_started', [], { weight: 1 }),
    ]);
    expect(rollUp(weighted, ['weighted', 'from_status']).progress).toBe(75);
    const unweighted = item('ongoing', [
      item('implemented', [], { weight: 0 }),
      item('not_started', [], { weight: 0 }),
    ]);
    expect(rollUp(unweighted, ['weighted', 'from_status'])).toMatchObject({
      progress: 50,
      note: 'all_weights_zero',
    });
  });

  it('lets a manual value override the level’s rule, and marks it as an override', () => {
    const chapter = item('ongoing', [item('implemented'), item('implemented')], {
      manualProgress: 40,
    });
    expect(rollUp(chapter, ['average', 'from_status'])).toMatchObject({
      progress: 40,
      rule: 'manual',
      overridden: true,
    });
    expect(rollUp(item('ongoing', [], { manualProgress: 120 }), ['manual']).progress).toBe(100);
    expect(rollUp(item('ongoing'), ['manual'])).toMatchObject({
      progress: null,
      note: 'no_manual_value',
    });
  });

  it('rolls deep trees level by level with each level’s own rule', () => {
    const activityA = item('implemented');
    const activityB = item('not_started');
    const objective1 = item('ongoing', [activityA, activityB]);
    const objective2 = item('ongoing', [item('implemented', [], { weight: 1 })], { weight: 3 });
    const chapter = item('ongoing', [objective1, objective2]);
    const result = rollUp(chapter, ['weighted', 'average', 'from_status']);
    expect(result.children[0]!.progress).toBe(50);
    expect(result.children[1]!.progress).toBe(100);
    expect(result.progress).toBe(87.5);
  });

  it('always stays within 0–100 or has no value, whatever the tree', () => {
    const statuses: PlanItemStatus[] = [
      'not_started',
      'ongoing',
      'implemented',
      'partially_implemented',
      'not_implemented',
      'continuous',
      'postponed',
      'cancelled',
    ];
    const leaf = fc.record({
      status: fc.constantFrom(...statuses),
      manualProgress: fc.option(fc.integer({ min: -50, max: 150 }), { nil: null }),
      weight: fc.integer({ min: 0, max: 5 }),
    });
    const treeOfDepth = (depth: number): fc.Arbitrary<RollupNode> =>
      depth === 0
        ? leaf.map((base) => ({ id: 'x', ...base, children: [] }))
        : fc
            .record({ base: leaf, children: fc.array(treeOfDepth(depth - 1), { maxLength: 3 }) })
            .map(({ base, children }) => ({ id: 'x', ...base, children }));
    const tree = treeOfDepth(4);
    const rules = fc.array(
      fc.constantFrom<RollupRule>('manual', 'average', 'weighted', 'from_status'),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(tree, rules, (root, byDepth) => {
        const check = (r: ReturnType<typeof rollUp>): boolean =>
          (r.progress === null || (r.progress >= 0 && r.progress <= 100)) &&
          r.children.every(check);
        expect(check(rollUp(root, byDepth))).toBe(true);
      }),
    );
  });
});
