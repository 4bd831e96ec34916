import { describe, expect, it } from 'vitest';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { periodBounds } from './due.js';
import {
  EMPTY_PLAN_FILTERS,
  descendantCount,
  dueWithin,
  exportHref,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  isPartial,
  itemsAtDepth,
  mergeParts,
  needsChildren,
  visibleRows,
  type PlanTreeFilters,
} from './tree.js';

const ORG_A = '0192d7a0-7c1e-7000-8000-00000000000a';
const ORG_B = '0192d7a0-7c1e-7000-8000-00000000000b';

function node(
  code: string,
  extra: Partial<PlanTreeNode> = {},
  children: PlanTreeNode[] = [],
): PlanTreeNode {
  return {
    id: `id-${code}`,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    label: {
      policy: 'NONE',
      level: 'PUBLIC',
      releasableTo: ['PUBLIC'],
      owner: 'RS',
      originatorId: null,
    },
    abilities: { update: true, delete: true },
    planId: 'plan',
    parentId: null,
    depth: code.split('.').length - 1,
    position: Number(code.split('.').pop()),
    code,
    title: { en: `Item ${code}`, sr: null },
    description: { en: null, sr: null },
    status: 'not_started',
    startOn: null,
    dueOn: null,
    leadOrganisationId: null,
    responsibleUser: null,
    partnerOrganisationIds: [],
    weight: 1,
    manualProgress: null,
    budget: null,
    sampleData: false,
    rollup: { progress: 0, rule: 'average', overridden: false, inputs: [] },
    childCount: children.length,
    children,
    ...extra,
  };
}

const filters = (patch: Partial<PlanTreeFilters>): PlanTreeFilters => ({
  ...EMPTY_PLAN_FILTERS,
  ...patch,
});

const tree = [
  node('1', {}, [
    node('1.1', { parentId: 'id-1', leadOrganisationId: ORG_A, dueOn: '2026-Q1' }),
    node('1.2', {
      parentId: 'id-1',
      leadOrganisationId: ORG_B,
      dueOn: '2026-09',
      label: {
        policy: 'NATO',
        level: 'NATO_UNCLASSIFIED',
        releasableTo: ['NATO', 'RS'],
        owner: 'RS',
        originatorId: null,
      },
    }),
  ]),
  node('2', { dueOn: 'continuous' }),
];
const codes = (f: PlanTreeFilters) =>
  visibleRows(tree, f, new Set(), '2026-06-01', (i) => i.title.en ?? '').map((r) => r.item.code);

describe('periodBounds', () => {
  it('reads years, quarters, months and days', () => {
    expect(periodBounds('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodBounds('2026-q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodBounds('2026-06-30')).toEqual({ from: '2026-06-30', to: '2026-06-30' });
  });
  it('refuses what is not a period', () => {
    for (const bad of ['', '26', '2026-Q5', '2026-13', '2026-02-30', 'soon'])
      expect(periodBounds(bad)).toBeNull();
  });
});

describe('plan tree filters', () => {
  it('filters by owner and keeps the parent as context', () => {
    expect(codes(filters({ owner: ORG_B }))).toEqual(['1', '1.2']);
  });
  it('filters by the due period; continuous and undated items never match', () => {
    expect(codes(filters({ dueTo: '2026-Q2' }))).toEqual(['1', '1.1']);
    expect(codes(filters({ dueFrom: '2026-Q2' }))).toEqual(['1', '1.2']);
    expect(dueWithin('continuous', '2026', '')).toBe(false);
    expect(dueWithin(null, '', '2030')).toBe(false);
    // A period that cannot be read limits nothing.
    expect(dueWithin(null, '2026-Q9', '')).toBe(true);
    expect(hasFilters(filters({ dueFrom: '2026-Q9' }))).toBe(false);
  });
  it('filters by label', () => {
    expect(codes(filters({ labels: ['NATO:NATO_UNCLASSIFIED'] }))).toEqual(['1', '1.2']);
  });
  it('keeps the filters in the address and reads them back', () => {
    const f = filters({
      status: ['ongoing', 'postponed'],
      overdue: true,
      q: 'signal units',
      owner: ORG_A,
      dueFrom: '2026-Q1',
      dueTo: '2026-12',
      labels: ['NATO:NATO_UNCLASSIFIED'],
    });
    const params = filtersToSearch(f, new URLSearchParams('item=abc'));
    expect(params.get('item')).toBe('abc');
    expect(filtersFromSearch(params)).toEqual(f);
    expect(filtersToSearch(EMPTY_PLAN_FILTERS, params).toString()).toBe('item=abc');
  });
  it('drops values from the address that cannot be right', () => {
    const f = filtersFromSearch(
      new URLSearchParams('status=ongoing,bogus&owner=not-a-uuid&label=lower:case&overdue=maybe'),
    );
    expect(f).toEqual(filters({ status: ['ongoing'] }));
  });
  it('exports exactly the filtered view: every filter goes to the server', () => {
    const f = filters({
      status: ['ongoing'],
      owner: ORG_A,
      overdue: true,
      dueFrom: '2026-Q1',
      dueTo: '2026',
      q: 'x',
      labels: ['NATO:NATO_UNCLASSIFIED'],
    });
    const href = new URL(exportHref('p1', 'csv', f), 'http://x');
    expect(href.pathname).toBe('/api/v1/plans/p1/export');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      format: 'csv',
      status: 'ongoing',
      leadOrganisationId: ORG_A,
      overdue: 'true',
      q: 'x',
      dueFrom: '2026-Q1',
      dueTo: '2026',
      label: 'NATO:NATO_UNCLASSIFIED',
    });
    // An unreadable period filters nothing on screen, so it is not sent either.
    expect(
      new URL(exportHref('p1', 'xlsx', filters({}), 'sr-Cyrl'), 'http://x').searchParams.get(
        'lang',
      ),
    ).toBe('sr-Cyrl');
    expect(new URL(exportHref('p1', 'csv', filters({ dueTo: '2026-13' })), 'http://x').search).toBe(
      '?format=csv',
    );
  });
});

describe('tree helpers', () => {
  it('finds the items of a level and counts what is below', () => {
    expect(itemsAtDepth(tree, 1).map((i) => i.code)).toEqual(['1.1', '1.2']);
    expect(descendantCount(tree[0]!)).toBe(2);
    expect(descendantCount(tree[1]!)).toBe(0);
  });
});

describe('a plan loaded a part at a time', () => {
  // The top level only: chapter 1 has two children not loaded yet, chapter 2 none at all.
  const top = [node('1', { childCount: 2 }), node('2')];
  const part1 = [
    node('1.1', { parentId: 'id-1', childCount: 1 }),
    node('1.2', { parentId: 'id-1', status: 'ongoing' }),
  ];
  const part11 = [node('1.1.1', { parentId: 'id-1.1', status: 'implemented' })];

  it('knows which rows still have children to load', () => {
    expect(needsChildren(top[0]!)).toBe(true);
    expect(needsChildren(top[1]!)).toBe(false);
    expect(isPartial(top)).toBe(true);
    expect(isPartial(tree)).toBe(false);
    // An older server sends no childCount: what it sends is the whole tree.
    const { childCount: _dropped, ...old } = node('3', {}, [node('3.1')]);
    expect(needsChildren(old as PlanTreeNode)).toBe(false);
  });

  it('shows an expander on an unloaded row and nothing below it until its part arrives', () => {
    const rows = visibleRows(top, EMPTY_PLAN_FILTERS, new Set(['id-1']), '2026-06-01', () => '');
    expect(rows.map((r) => [r.item.code, r.hasChildren, r.unloaded])).toEqual([
      ['1', true, true],
      ['2', false, false],
    ]);
  });

  it('hangs loaded parts under their parents, deeper parts under loaded ones', () => {
    const parts = new Map([
      ['id-1', part1],
      ['id-1.1', part11],
    ]);
    const merged = mergeParts(top, parts);
    expect(isPartial(merged)).toBe(false);
    const rows = visibleRows(
      merged,
      EMPTY_PLAN_FILTERS,
      new Set(['id-1', 'id-1.1']),
      '2026-06-01',
      () => '',
    );
    expect(rows.map((r) => [r.item.code, r.depth, r.hasChildren, r.unloaded])).toEqual([
      ['1', 0, true, false],
      ['1.1', 1, true, false],
      ['1.1.1', 2, false, false],
      ['1.2', 1, false, false],
      ['2', 0, false, false],
    ]);
    // Only part of the way down: 1.1 still waits for its children.
    const halfway = mergeParts(top, new Map([['id-1', part1]]));
    expect(isPartial(halfway)).toBe(true);
    expect(needsChildren(halfway[0]!.children[0]!)).toBe(true);
    // The inputs are left alone: nothing merged, the same tree back.
    expect(mergeParts(top, new Map())).toBe(top);
  });

  it('takes a part that answered with fewer children as the count now', () => {
    const merged = mergeParts(top, new Map([['id-1', [part1[1]!]]]));
    expect(merged[0]!.childCount).toBe(1);
    expect(merged[0]!.children.map((c) => c.code)).toEqual(['1.2']);
    // A row gone since (its part answered 404, taken as no children) has nothing to open.
    const gone = mergeParts(top, new Map([['id-1', []]]));
    expect(gone[0]!.childCount).toBe(0);
    expect(needsChildren(gone[0]!)).toBe(false);
  });

  it('opens everything that matches when filtering, with no row waiting to load', () => {
    const rows = visibleRows(
      mergeParts(top, new Map([['id-1', part1]])),
      { ...EMPTY_PLAN_FILTERS, status: ['ongoing'] },
      new Set(),
      '2026-06-01',
      () => '',
    );
    expect(rows.map((r) => [r.item.code, r.context, r.unloaded])).toEqual([
      ['1', true, false],
      ['1.2', false, false],
    ]);
  });
});
