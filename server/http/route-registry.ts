/**
 * The app's real route table, collected as routes are registered (an `onRoute` hook installed by
 * buildApp before any plugin), so the route inventory test compares the inventory with what the
 * server actually answers — not with a list someone remembered to update.
 */
import type { FastifyInstance, FastifySchema } from 'fastify';

export interface RegisteredRoute {
  /** 'METHOD /path', e.g. 'GET /api/v1/plans/:id'. */
  key: string;
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

const tables = new WeakMap<object, Map<string, RegisteredRoute>>();

/** Installs the hook; call it on the root instance before registering anything. */
export function collectRoutes(app: FastifyInstance): void {
  const table = new Map<string, RegisteredRoute>();
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const key = `${method} ${route.url}`;
      table.set(key, { key, method, url: route.url, schema: route.schema });
    }
  });
}

/**
 * Every route of an app built by buildApp, sorted by 'METHOD /path'. The HEAD route Fastify adds
 * for each GET is left out: it answers exactly what the GET answers, without the body.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const table = tables.get(app);
  if (!table) throw new Error('This app was not built by buildApp: no route table was collected');
  return [...table.values()]
    .filter((r) => r.method !== 'HEAD' || !table.has(`GET ${r.url}`))
    .sort((a, b) => a.key.localeCompare(b.key));
}
