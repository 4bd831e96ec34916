/**
 * The tree's flat roll-up (tree.ts planShape/rollupOf) against the one rule of
 * core/plans/rollup.ts, on random forests with every status, manual values, weights (zero ones
 * too), rows in any order and rows whose parent is missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUp, ROLLUP_RULES, type RollupNode } from '../../../core/plans/rollup.js';
import { PLAN_ITEM_STATUSES } from '../../../core/plans/status.js';
import { partIds, planShape, rollupOf } from './tree.js';
import type { SkeletonRow } from './tree-query.js';

const rowArb = fc.record({
  parent: fc.nat(),
  orphan: fc.boolean(),
  status: fc.constantFrom(...PLAN_ITEM_STATUSES),
  manual: fc.option(fc.integer({ min: -20, max: 130 }), { freq: 4 }),
  weight: fc.constantFrom(0, 0, 1, 2, 3.5),
  position: fc.integer({ min: 1, max: 50 }),
});

type RowSpec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

/** Rows 0..n-1, each row's parent one of the rows before it (or none, or a missing one). */
function forest(specs: RowSpec[]): SkeletonRow[] {
  return specs.map((s, i) => ({
    id: `r${i}`,
    parent_id:
      i === 0 || s.parent % 4 === 0 ? (s.orphan && i > 0 ? 'missing' : null) : `r${s.parent % i}`,
    position: s.position * 1000 + i,
    status: s.status,
    manual_progress: s.manual,
    weight: s.weight,
  }));
}

describe('plan shape', () => {
  it('rolls up every item exactly as core/plans/rollup.ts does, inputs included', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.constantFrom(...ROLLUP_RULES), { maxLength: 4 }),
        fc.boolean(),
        (specs, rules, reverse) => {
          const rows = forest(specs);
          const shape = planShape(reverse ? [...rows].reverse() : rows, rules);
          // The same forest as nested nodes, for the core rule.
          const byParent = new Map<string | null, SkeletonRow[]>();
          for (const r of rows)
            byParent.set(r.parent_id, [...(byParent.get(r.parent_id) ?? []), r]);
          const toNode = (r: SkeletonRow): RollupNode => ({
            id: r.id,
            status: r.status as RollupNode['status'],
            manualProgress: r.manual_progress,
            weight: r.weight,
            children: (byParent.get(r.id) ?? [])
              .sort((a, b) => a.position - b.position)
              .map(toNode),
          });
          const roots = (byParent.get(null) ?? []).sort((a, b) => a.position - b.position);
          expect(shape.roots.map((k) => shape.ids[k])).toEqual(roots.map((r) => r.id));
          let count = 0;
          const check = (result: ReturnType<typeof rollUp>) => {
            count += 1;
            const k = shape.index.get(result.id)!;
            expect(k).toBeDefined();
            const { children: _children, id: _id, ...expected } = result;
            expect(rollupOf(shape, k)).toEqual(expected);
            result.children.forEach(check);
          };
          for (const root of roots) check(rollUp(toNode(root), rules));
          // Rows under a missing parent are not in the forest.
          expect(shape.size).toBe(count);
          expect(partIds(shape, { parentId: null, depth: null })).toHaveLength(count);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists a part top-down, levels deep, and knows no parent it does not hold', () => {
    const rows: SkeletonRow[] = [
      {
        id: 'a',
        parent_id: null,
        position: 2,
        status: 'ongoing',
        manual_progress: null,
        weight: 1,
      },
      {
        id: 'b',
        parent_id: null,
        position: 1,
        status: 'ongoing',
        manual_progress: null,
        weight: 1,
      },
      {
        id: 'a1',
        parent_id: 'a',
        position: 1,
        status: 'ongoing',
        manual_progress: null,
        weight: 1,
      },
      {
        id: 'a11',
        parent_id: 'a1',
        position: 1,
        status: 'ongoing',
        manual_progress: null,
        weight: 1,
      },
      {
        id: 'x',
        parent_id: 'gone',
        position: 1,
        status: 'ongoing',
        manual_progress: null,
        weight: 1,
      },
    ];
    const shape = planShape(rows, []);
    expect(partIds(shape, { parentId: null, depth: 1 })).toEqual(['b', 'a']);
    expect(partIds(shape, { parentId: null, depth: 2 })).toEqual(['b', 'a', 'a1']);
    expect(partIds(shape, { parentId: null, depth: null })).toEqual(['b', 'a', 'a1', 'a11']);
    expect(partIds(shape, { parentId: 'a', depth: 1 })).toEqual(['a1']);
    expect(partIds(shape, { parentId: 'a11', depth: 1 })).toEqual([]);
    expect(partIds(shape, { parentId: 'x', depth: 1 })).toBeUndefined();
    expect(partIds(shape, { parentId: 'gone', depth: 1 })).toBeUndefined();
  });
});
