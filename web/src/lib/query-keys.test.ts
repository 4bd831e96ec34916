import { hashKey, partialMatchKey, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '@/lib/query-keys.js';

const PLAN = 'plan-1';
const ITEM = 'item-1';

describe('queryKeys', () => {
  it('keeps the key shapes the features used before, so hand-written keys still match', () => {
    expect(queryKeys.plans.detail(PLAN)).toEqual(['plans', 'detail', PLAN]);
    expect(queryKeys.plans.tree(PLAN)).toEqual(['plans', 'tree', PLAN]);
    expect(queryKeys.plans.tree(PLAN, '2026-01-31')).toEqual(['plans', 'tree', PLAN, '2026-01-31']);
    expect(queryKeys.planItems.indicators(ITEM)).toEqual(['plan-items', ITEM, 'indicators']);
    expect(queryKeys.comments.onItem(ITEM)).toEqual(['comments', 'plan_item', ITEM]);
    expect(queryKeys.auth.me()).toEqual(['auth', 'me']);
  });

  it('makes the plan tree key the prefix of every whole, partial and as-of tree of that plan', () => {
    const prefix = queryKeys.plans.tree(PLAN);
    for (const key of [
      queryKeys.plans.tree(PLAN, '2026-03-31'),
      queryKeys.plans.treeWhole(PLAN),
      queryKeys.plans.treeWhole(PLAN, '2026-03-31'),
      queryKeys.plans.treePart(PLAN, ITEM),
      queryKeys.plans.treePart(PLAN, null, '2026-03-31'),
      queryKeys.plans.ancestors(PLAN, ITEM),
    ])
      expect(partialMatchKey(key, prefix)).toBe(true);
    expect(partialMatchKey(queryKeys.plans.tree('other-plan'), prefix)).toBe(false);
    expect(partialMatchKey(queryKeys.plans.detail(PLAN), prefix)).toBe(false);
  });

  it("makes an item's key the prefix of everything read about it, and of nothing about another item", () => {
    const prefix = queryKeys.planItems.item(ITEM);
    for (const read of ['detail', 'versioned', 'indicators', 'reports', 'changes'] as const)
      expect(partialMatchKey(queryKeys.planItems[read](ITEM), prefix)).toBe(true);
    expect(partialMatchKey(queryKeys.planItems.detail('item-2'), prefix)).toBe(false);
    expect(partialMatchKey(prefix, queryKeys.planItems.all())).toBe(true);
  });

  it('gives different records and different reads different keys', () => {
    const keys = [
      queryKeys.plans.list(),
      queryKeys.plans.detail(PLAN),
      queryKeys.plans.versioned(PLAN),
      queryKeys.plans.tree(PLAN),
      queryKeys.plans.treeWhole(PLAN),
      queryKeys.plans.dashboard(PLAN),
      queryKeys.plans.imports(PLAN),
      queryKeys.plans.import(PLAN),
      queryKeys.planItems.detail(ITEM),
      queryKeys.planItems.versioned(ITEM),
      queryKeys.planItems.indicators(ITEM),
      queryKeys.planItems.reports(ITEM),
      queryKeys.planItems.changes(ITEM),
      queryKeys.reporting.periods(PLAN),
      queryKeys.reporting.due(PLAN),
      queryKeys.comments.onItem(ITEM),
      queryKeys.agreements.detail(ITEM),
      queryKeys.agreements.list({}),
      queryKeys.timeline.list({}),
      queryKeys.organisations.list(),
      queryKeys.mechanisms.list(),
      queryKeys.users.list(),
      queryKeys.users.options(),
      queryKeys.users.detail(ITEM),
      queryKeys.users.grants(ITEM),
      queryKeys.auditLog.list({}),
      queryKeys.markingLevels(),
      queryKeys.auth.me(),
    ];
    expect(new Set(keys.map((key) => hashKey(key))).size).toBe(keys.length);
  });

  it('hashes filter objects by value, whatever order their fields were written in', () => {
    expect(hashKey(queryKeys.agreements.list({ kind: 'sofa', q: 'x' }))).toBe(
      hashKey(queryKeys.agreements.list({ q: 'x', kind: 'sofa' })),
    );
  });

  it('refreshes an item page and leaves other items alone when the item prefix is invalidated', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.planItems.indicators(ITEM), { items: [] });
    client.setQueryData(queryKeys.planItems.indicators('item-2'), { items: [] });
    await client.invalidateQueries({ queryKey: queryKeys.planItems.item(ITEM) });
    expect(client.getQueryState(queryKeys.planItems.indicators(ITEM))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.planItems.indicators('item-2'))?.isInvalidated).toBe(
      false,
    );
  });
});
