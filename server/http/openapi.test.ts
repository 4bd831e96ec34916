/**
 * The OpenAPI document is good enough to generate a client from: openapi-typescript turns the live
 * /api/v1/openapi.json into types, a small client written against them is type-checked (If-Match
 * is a typed, required header parameter), and the very same code then runs against the real app
 * through openapi-fetch: a conditional update answers 200, the same update with the stale ETag 412.
 */
import fs from 'node:fs';
import path from 'node:path';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';
import { operationIdOf } from './openapi.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The client under test: typed by the generated `paths`, run against the real app. */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { paths } from './api.js';

export async function conditionalUpdate(
  fetchImpl: (request: Request) => Promise<Response>,
  headers: Record<string, string>,
  id: string,
) {
  const client = createClient<paths>({ baseUrl: 'http://liaison.test', fetch: fetchImpl, headers });
  const read = await client.GET('/api/v1/organisations/{id}', { params: { path: { id } } });
  const etag: string = read.response.headers.get('etag') ?? '';
  const renamed = read.data ? read.data.name.en : null;
  const first = await client.PATCH('/api/v1/organisations/{id}', {
    params: { path: { id }, header: { 'if-match': etag } },
    body: { name: { en: 'Renamed by a generated client' } },
  });
  const second = await client.PATCH('/api/v1/organisations/{id}', {
    params: { path: { id }, header: { 'if-match': etag } },
    body: { name: { en: 'Renamed over a newer version' } },
  });
  return {
    before: renamed,
    first: first.response.status,
    firstName: first.data?.name.en ?? null,
    second: second.response.status,
    secondCode: second.error ? second.error.error.code : null,
  };
}
`;

/** Without If-Match the call must not type-check: the header is required. */
const WITHOUT_IF_MATCH = `
import createClient from 'openapi-fetch';
import type { paths } from './api.js';

const client = createClient<paths>({ baseUrl: 'http://liaison.test' });
export const call = client.PATCH('/api/v1/organisations/{id}', {
  params: { path: { id: 'x' } },
  body: { name: { en: 'No precondition' } },
});
`;

/** Type errors of each file, from one program over all of them. */
function typeErrors(dir: string, files: string[]): Record<string, string[]> {
  const program = ts.createProgram(
    files.map((f) => path.join(dir, f)),
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    },
  );
  return Object.fromEntries(
    files.map((f) => [
      f,
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(path.join(dir, f)))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}

describe('operationIds', () => {
  it('are derived from method and path', () => {
    expect(operationIdOf('PATCH', '/api/v1/plan-items/:id')).toBe('patchPlanItemsById');
    expect(operationIdOf('POST', '/api/v1/reports/:id/approve')).toBe('postReportsByIdApprove');
    expect(operationIdOf('PUT', '/api/v1/periods/:id/items/:itemId/report')).toBe(
      'putPeriodsByIdItemsByItemIdReport',
    );
  });
});

describe.each(testDatabases)('a client generated from the OpenAPI document on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let spec: {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { securitySchemes: Record<string, unknown> };
  };
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
    spec = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    // Inside the repository (under node_modules/.cache), so 'openapi-fetch' resolves as usual.
    const cache = path.join(ROOT, 'node_modules', '.cache');
    fs.mkdirSync(cache, { recursive: true });
    dir = fs.mkdtempSync(path.join(cache, 'openapi-client-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('declares If-Match, the bearer scheme, operationIds, ETag, 304, 429 and file media types', () => {
    const operations = Object.values(spec.paths).flatMap((p) => Object.values(p));
    const ids = operations.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(spec.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });

    const approve = spec.paths['/api/v1/reports/{id}/approve']!.post!;
    expect(approve.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'if-match', required: true }),
    );
    expect(Object.keys(approve.responses as object)).toEqual(
      expect.arrayContaining(['412', '428', '429']),
    );
    const revokeGrant = spec.paths['/api/v1/grants/{id}']!.delete!;
    expect(revokeGrant.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'if-match', required: true }),
    );

    const read = spec.paths['/api/v1/organisations/{id}']!.get!.responses as Record<
      string,
      { headers?: Record<string, unknown> }
    >;
    expect(read['200']!.headers).toHaveProperty('ETag');
    expect(read).toHaveProperty('304');

    const exported = spec.paths['/api/v1/plans/{id}/export']!.get!.responses as Record<
      string,
      { content: Record<string, unknown> }
    >;
    expect(Object.keys(exported['200']!.content)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    // Credential routes take the cookie session only.
    expect(spec.paths['/api/v1/auth/tokens']!.post!.security).toEqual([{ session: [] }]);
    expect(spec.paths['/api/v1/users/{id}']!.patch!.security).toEqual([{ session: [] }]);
  });

  it('makes a conditional update through its typed If-Match parameter: 200, then 412', async () => {
    const types = astToString(await openapiTS(spec as never));
    fs.writeFileSync(path.join(dir, 'api.ts'), types);
    fs.writeFileSync(path.join(dir, 'client.ts'), CLIENT);
    fs.writeFileSync(path.join(dir, 'without-if-match.ts'), WITHOUT_IF_MATCH);

    const errors = typeErrors(dir, ['client.ts', 'without-if-match.ts']);
    expect(errors['client.ts']).toEqual([]);
    // Leaving If-Match out is a type error that names the missing header parameter.
    expect(errors['without-if-match.ts']!.join('\n')).toMatch(/Property 'header' is missing/);

    // The type-checked client, compiled and run against the real app (through inject).
    const js = ts.transpileModule(CLIENT, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const file = path.join(dir, 'client.mjs');
    fs.writeFileSync(file, js);
    const { conditionalUpdate } = (await import(file)) as {
      conditionalUpdate: (
        fetchImpl: (request: Request) => Promise<Response>,
        headers: Record<string, string>,
        id: string,
      ) => Promise<Record<string, unknown>>;
    };

    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin.headers,
      payload: {
        kind: 'other',
        side: 'other',
        nation: deployment.nation,
        name: { en: 'Generated-client test' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);

    const viaInject = async (request: Request): Promise<Response> => {
      const url = new URL(request.url);
      const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
      const res = await t.inject({
        method: request.method as 'PATCH',
        url: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        ...(body ? { payload: body } : {}),
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined)
          headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
      }
      const empty = res.statusCode === 204 || res.statusCode === 304;
      return new Response(empty ? null : new Uint8Array(res.rawPayload), {
        status: res.statusCode,
        headers,
      });
    };

    const outcome = await conditionalUpdate(viaInject, admin.headers, created.json().id);
    expect(outcome).toEqual({
      before: 'Generated-client test',
      first: 200,
      firstName: 'Renamed by a generated client',
      second: 412,
      secondCode: 'precondition_failed',
    });
    // openapi-fetch itself is what the snippet used.
    expect(typeof createClient).toBe('function');
  });
});
