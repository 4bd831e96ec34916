/**
 * Every TanStack Query key the web app uses, in one factory, so a change in one feature can
 * invalidate what another shows without either spelling the other's keys.
 *
 * Keys are hierarchical: `queryKeys.plans.tree(id)` is the prefix of every as-of and partial tree
 * of that plan, `queryKeys.planItems.all(id)` the prefix of everything read about one item, so
 * invalidating a prefix refreshes everything below it. The shapes are the ones the features used
 * before the factory existed, so files that still spell a key by hand keep matching.
 */

type Filters = object;

export const queryKeys = {
  auth: {
    me: () => ['auth', 'me'] as const,
  },
  markingLevels: () => ['marking-levels'] as const,

  plans: {
    all: () => ['plans'] as const,
    list: () => ['plans', 'list'] as const,
    detail: (id: string) => ['plans', 'detail', id] as const,
    /** The plan with its ETag, for the settings form. */
    versioned: (id: string) => ['plans', 'versioned', id] as const,
    /** The prefix every change to the plan's items invalidates; the as-of day follows it. */
    tree: (id: string, asOf?: string | null) =>
      asOf ? (['plans', 'tree', id, asOf] as const) : (['plans', 'tree', id] as const),
    treeWhole: (id: string, asOf?: string | null) =>
      [...queryKeys.plans.tree(id, asOf), 'whole'] as const,
    treePart: (id: string, parentId: string | null, asOf?: string | null) =>
      [...queryKeys.plans.tree(id, asOf), 'part', parentId] as const,
    ancestors: (planId: string, itemId: string) =>
      ['plans', 'tree', planId, 'ancestors', itemId] as const,
    dashboard: (id: string) => ['plans', 'dashboard', id] as const,
    imports: (id: string) => ['plans', 'imports', id] as const,
    import: (importId: string) => ['imports', importId] as const,
  },

  planItems: {
    all: () => ['plan-items'] as const,
    /** The prefix of everything read about one item (detail, indicators, reports, changes). */
    item: (id: string) => ['plan-items', id] as const,
    detail: (id: string) => ['plan-items', id, 'detail'] as const,
    versioned: (id: string) => ['plan-items', id, 'versioned'] as const,
    indicators: (id: string) => ['plan-items', id, 'indicators'] as const,
    reports: (id: string) => ['plan-items', id, 'reports'] as const,
    changes: (id: string) => ['plan-items', id, 'changes'] as const,
  },

  reporting: {
    periods: (planId: string) => ['reporting', 'periods', planId] as const,
    due: (periodId: string) => ['reporting', 'due', periodId] as const,
  },

  comments: {
    onItem: (itemId: string) => ['comments', 'plan_item', itemId] as const,
    onItemPage: (itemId: string, query: Filters) =>
      [...queryKeys.comments.onItem(itemId), query] as const,
  },

  agreements: {
    all: () => ['agreements'] as const,
    list: (filters: Filters) => ['agreements', 'list', filters] as const,
    detail: (id: string) => ['agreements', 'detail', id] as const,
  },
  timeline: {
    all: () => ['timeline-events'] as const,
    list: (filters: Filters) => ['timeline-events', 'list', filters] as const,
  },
  organisations: {
    all: () => ['organisations'] as const,
    list: () => ['organisations', 'list'] as const,
  },
  mechanisms: {
    all: () => ['mechanisms'] as const,
    list: () => ['mechanisms', 'list'] as const,
  },

  users: {
    all: () => ['users'] as const,
    list: (filters?: Filters) =>
      filters ? (['users', 'list', filters] as const) : (['users', 'list'] as const),
    options: () => ['users', 'options'] as const,
    detail: (id: string) => ['users', 'detail', id] as const,
    grants: (userId: string) => ['users', 'grants', userId] as const,
  },
  auditLog: {
    list: (query: Filters) => ['audit-log', 'list', query] as const,
  },
} as const;
