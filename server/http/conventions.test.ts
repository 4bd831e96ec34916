import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';

describe.each(testDatabases)('API conventions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('reports health with the database in use', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: kind });
  });

  it('publishes an OpenAPI 3.1 document that an independent validator accepts', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/organisations',
      '/api/v1/timeline-events/{id}',
      '/api/v1/agreements',
      '/api/v1/mechanisms',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    const result = await new Validator().validate(
      spec as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('serves the API reference page', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/api/v1/no-such-thing') },
    });
  });

  it('hands other paths to the web app so client-side routes load', async () => {
    const res = await t.inject({ method: 'GET', url: '/timeline?category=ipap' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Liaison');
  });

  it('answers a missing static file with 404 rather than the app shell', async () => {
    const res = await t.inject({ method: 'GET', url: '/assets/index-oldhash.js' });
    expect(res.statusCode).toBe(404);
  });

  it('rejects malformed ids, unknown filters and bad dates with a message naming the field', async () => {
    const badId = await t.inject({ method: 'GET', url: '/api/v1/organisations/not-a-uuid' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.code).toBe('validation_failed');
    expect(badId.json().error.message).toContain('id');

    const unknownFilter = await t.inject({
      method: 'GET',
      url: '/api/v1/timeline-events?colour=red',
    });
    expect(unknownFilter.statusCode).toBe(400);
    expect(unknownFilter.json().error.message).toContain('colour');

    const badDate = await t.inject({
      method: 'GET',
      url: '/api/v1/timeline-events?from=2015-02-30',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details.issues[0].field).toBe('from');

    const badSort = await t.inject({ method: 'GET', url: '/api/v1/agreements?sort=colour' });
    expect(badSort.statusCode).toBe(400);

    const hugePage = await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=5000' });
    expect(hugePage.statusCode).toBe(400);
    expect(hugePage.json().error.message).toContain('pageSize');
  });

  it('refuses oversize and non-JSON bodies with 413 and 415', async () => {
    const admin = await t.signIn('administrator');
    const big = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        kind: 'other',
        side: 'other',
        nation: 'RS',
        name: { en: 'x'.repeat(2 * 1024 * 1024) },
      }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');

    const text = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...admin.headers, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);

    const broken = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"kind":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('malformed_json');
  });

  it('tags list answers with a strong ETag and answers 304 when the client has them', async () => {
    const first = await t.inject({ method: 'GET', url: '/api/v1/marking-levels' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await t.inject({
      method: 'GET',
      url: '/api/v1/marking-levels',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('sends security headers and a strict content security policy', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});
