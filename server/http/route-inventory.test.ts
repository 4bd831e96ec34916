/**
 * Every route the app registers is classified exactly once in server/http/route-inventory.ts, and
 * every classified route still exists. The route table is the app's own (collected by an onRoute
 * hook in buildApp), so nothing here lists routes by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { compareWithInventory, ROUTE_CLASSES, ROUTE_INVENTORY } from './route-inventory.js';
import { registeredRoutes } from './route-registry.js';

function explain(unclassified: string[], gone: string[]): string {
  const lines: string[] = [];
  if (unclassified.length) {
    lines.push(
      'These routes are not classified. Add each to ROUTE_INVENTORY in server/http/route-inventory.ts',
      "as 'public', 'labelled-read', 'admin' or 'write' (see the comment at the top of that file);",
      'a labelled-read route also needs a probe in server/access/read-routes.property.test.ts and a',
      'write route that names a record in its path or body a probe in server/access/write-probes.test.ts:',
      ...unclassified.map((key) => `  '${key}': '<class>',`),
    );
  }
  if (gone.length) {
    lines.push(
      'These routes are classified in server/http/route-inventory.ts but the app no longer has them;',
      'remove them from ROUTE_INVENTORY:',
      ...gone.map((key) => `  '${key}'`),
    );
  }
  return lines.join('\n');
}

describe.each(testDatabases)('the route inventory, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
  });
  afterAll(() => t.close());

  it('classifies every route the app registers, and only those', () => {
    const keys = registeredRoutes(t.app).map((r) => r.key);
    // The API is there: the table is the real one, not an empty set that would pass trivially.
    expect(keys).toContain('GET /api/v1/plans/:id/tree');
    expect(keys.length).toBeGreaterThan(80);
    const { unclassified, gone } = compareWithInventory(keys);
    expect(explain(unclassified, gone)).toBe('');
  });

  it('gives every route one of the four classes', () => {
    for (const [key, routeClass] of Object.entries(ROUTE_INVENTORY)) {
      expect({ key, ok: ROUTE_CLASSES.includes(routeClass) }).toEqual({ key, ok: true });
    }
  });

  it('notices a route added without a class, and one classified but gone', () => {
    const keys = Object.keys(ROUTE_INVENTORY);
    const withNew = [...keys, 'GET /api/v1/secret-things'];
    const withoutOne = keys.filter((k) => k !== 'GET /api/v1/health');
    expect(compareWithInventory(withNew)).toEqual({
      unclassified: ['GET /api/v1/secret-things'],
      gone: [],
    });
    expect(compareWithInventory(withoutOne)).toEqual({
      unclassified: [],
      gone: ['GET /api/v1/health'],
    });
    expect(explain(['GET /api/v1/secret-things'], [])).toContain(
      "'GET /api/v1/secret-things': '<class>',",
    );
  });

  it('classifies every mutation as a write: a GET is never one, and POST/PATCH/PUT/DELETE are', () => {
    for (const [key, routeClass] of Object.entries(ROUTE_INVENTORY)) {
      const method = key.split(' ')[0];
      // Signing in creates a session but reads no labelled record and is open to everyone.
      if (key === 'POST /api/v1/auth/login') continue;
      expect({ key, write: routeClass === 'write' }).toEqual({ key, write: method !== 'GET' });
    }
  });
});
