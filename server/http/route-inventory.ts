/**
 * The route inventory: every route the app registers, in exactly one class. The inventory test
 * (server/http/route-inventory.test.ts) compares this list with the app's real route table, so a
 * route added without a class — or a class left for a route that is gone — fails the suite.
 *
 * - `public` reads no labelled record: the web shell and API documentation, health, the marking
 *   vocabulary, and the caller's own session and account (sign-in, `/auth/me`, own tokens).
 * - `labelled-read` answers with labelled records or anything derived from them (lists, details,
 *   trees, as-of views, dashboards, history, exports, import reports, the audit log). Each one has
 *   a probe in the differential visibility test (server/access/read-routes.property.test.ts), which
 *   compares what it shows with the read rule of core/access/read-rule.ts.
 * - `admin` is for administrators and reads no labelled record: accounts, grants, the audit chain.
 * - `write` changes something. Each one whose path or body names another record has a probe in
 *   server/access/write-probes.test.ts: a hidden record and a random id must get the same answer.
 */

export const ROUTE_CLASSES = ['public', 'labelled-read', 'admin', 'write'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

/** 'METHOD /path' as Fastify registers it (with `:param` placeholders) → its class. */
export const ROUTE_INVENTORY: Readonly<Record<string, RouteClass>> = {
  // The web shell (a stand-in build in tests) and the API documentation.
  'GET /': 'public',
  'GET /index.html': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/v1/health': 'public',
  'GET /api/v1/health/ready': 'public',
  'GET /api/v1/marking-levels': 'public',

  // The caller's own session and account.
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': 'public',
  'GET /api/v1/auth/tokens': 'public',
  'POST /api/v1/auth/logout': 'write',
  'POST /api/v1/auth/logout-all': 'write',
  'POST /api/v1/auth/keepalive': 'write',
  'POST /api/v1/auth/password': 'write',
  'POST /api/v1/auth/locale': 'write',
  'POST /api/v1/auth/tokens': 'write',
  'DELETE /api/v1/auth/tokens/:id': 'write',
  'POST /api/v1/auth/totp/setup': 'write',
  'POST /api/v1/auth/totp/enable': 'write',
  'POST /api/v1/auth/totp/disable': 'write',

  // Reference records.
  'GET /api/v1/organisations': 'labelled-read',
  'GET /api/v1/organisations/:id': 'labelled-read',
  'POST /api/v1/organisations': 'write',
  'PATCH /api/v1/organisations/:id': 'write',
  'DELETE /api/v1/organisations/:id': 'write',
  'POST /api/v1/organisations/:id/restore': 'write',
  'GET /api/v1/persons': 'labelled-read',
  'GET /api/v1/persons/:id': 'labelled-read',
  'GET /api/v1/mechanisms': 'labelled-read',
  'GET /api/v1/mechanisms/:id': 'labelled-read',
  'GET /api/v1/agreements': 'labelled-read',
  'GET /api/v1/agreements/:id': 'labelled-read',
  'POST /api/v1/agreements': 'write',
  'PATCH /api/v1/agreements/:id': 'write',
  'DELETE /api/v1/agreements/:id': 'write',
  'POST /api/v1/agreements/:id/restore': 'write',
  'GET /api/v1/activities': 'labelled-read',
  'GET /api/v1/activities/:id': 'labelled-read',
  'GET /api/v1/timeline-events': 'labelled-read',
  'GET /api/v1/timeline-events/:id': 'labelled-read',
  'POST /api/v1/timeline-events': 'write',
  'PATCH /api/v1/timeline-events/:id': 'write',
  'DELETE /api/v1/timeline-events/:id': 'write',
  'POST /api/v1/timeline-events/:id/restore': 'write',

  // Plans and their items.
  'GET /api/v1/plans': 'labelled-read',
  'GET /api/v1/plans/:id': 'labelled-read',
  'GET /api/v1/plans/:id/items': 'labelled-read',
  'GET /api/v1/plans/:id/tree': 'labelled-read',
  'GET /api/v1/plans/:id/dashboard': 'labelled-read',
  'GET /api/v1/plans/:id/export': 'labelled-read',
  'POST /api/v1/plans': 'write',
  'PATCH /api/v1/plans/:id': 'write',
  'DELETE /api/v1/plans/:id': 'write',
  'POST /api/v1/plans/:id/restore': 'write',
  'GET /api/v1/plan-items/:id': 'labelled-read',
  'GET /api/v1/plan-items/:id/changes': 'labelled-read',
  'GET /api/v1/plan-items/responsible-candidates': 'labelled-read',
  'POST /api/v1/plan-items': 'write',
  'PATCH /api/v1/plan-items/:id': 'write',
  'DELETE /api/v1/plan-items/:id': 'write',
  'POST /api/v1/plan-items/:id/restore': 'write',

  // Imports.
  'GET /api/v1/plans/:id/import-template': 'labelled-read',
  'GET /api/v1/plans/:id/imports': 'labelled-read',
  'GET /api/v1/imports/:id': 'labelled-read',
  'POST /api/v1/plans/:id/imports': 'write',
  'POST /api/v1/plans/:id/imports/file': 'write',
  'POST /api/v1/imports/:id/commit': 'write',
  'GET /api/v1/plans/:id/import-mapping': 'labelled-read',
  'POST /api/v1/imports/:id/mapping': 'write',
  'POST /api/v1/imports/:id/organisations': 'write',

  // Indicators and measurements.
  'GET /api/v1/plan-items/:id/indicators': 'labelled-read',
  'POST /api/v1/plan-items/:id/indicators': 'write',
  'PATCH /api/v1/indicators/:id': 'write',
  'DELETE /api/v1/indicators/:id': 'write',
  'POST /api/v1/indicators/:id/measurements': 'write',

  // Reporting.
  'GET /api/v1/plans/:id/periods': 'labelled-read',
  'GET /api/v1/periods/:id/reports-due': 'labelled-read',
  'GET /api/v1/plan-items/:id/reports': 'labelled-read',
  'POST /api/v1/plans/:id/periods': 'write',
  'POST /api/v1/periods/:id/lock': 'write',
  'PUT /api/v1/periods/:id/items/:itemId/report': 'write',
  'POST /api/v1/reports/:id/submit': 'write',
  'POST /api/v1/reports/:id/return': 'write',
  'POST /api/v1/reports/:id/approve': 'write',

  // Comments.
  'GET /api/v1/plan-items/:id/comments': 'labelled-read',
  'GET /api/v1/comments/:id': 'labelled-read',
  'POST /api/v1/plan-items/:id/comments': 'write',
  'PATCH /api/v1/comments/:id': 'write',
  'DELETE /api/v1/comments/:id': 'write',
  'POST /api/v1/comments/:id/restore': 'write',

  // Accounts, grants and the audit log.
  'GET /api/v1/users': 'admin',
  'GET /api/v1/users/:id': 'admin',
  'GET /api/v1/users/:id/grants': 'admin',
  'POST /api/v1/users': 'write',
  'PATCH /api/v1/users/:id': 'write',
  'POST /api/v1/users/:id/reset-password': 'write',
  'POST /api/v1/users/:id/grants': 'write',
  'DELETE /api/v1/grants/:id': 'write',
  'GET /api/v1/audit-log': 'labelled-read',
  'GET /api/v1/audit-log/head': 'admin',
  'GET /api/v1/audit-log/verify': 'admin',
};

/** The routes of one class, as 'METHOD /path'. */
export function routesOfClass(routeClass: RouteClass): string[] {
  return Object.entries(ROUTE_INVENTORY)
    .filter(([, c]) => c === routeClass)
    .map(([key]) => key)
    .sort();
}

/** What a route inventory check finds: routes nobody classified and classes left for gone routes. */
export function compareWithInventory(registered: readonly string[]): {
  unclassified: string[];
  gone: string[];
} {
  const actual = new Set(registered);
  return {
    unclassified: registered.filter((key) => !(key in ROUTE_INVENTORY)).sort(),
    gone: Object.keys(ROUTE_INVENTORY)
      .filter((key) => !actual.has(key))
      .sort(),
  };
}
