import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueMessageKey } from '../errors.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';

/** Every error carries a message key and its parameters, so the web can say it in the reader's language. */
describe.each(testDatabases)('error message keys on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('names one validation problem by key, with its numbers and its field', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=5000' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('pageSize');
    expect(error.key).toBe('validation.too_big.number');
    expect(error.params).toMatchObject({ field: 'pageSize' });
    expect(typeof error.params.maximum).toBe('number');
    expect(error.details.issues[0]).toMatchObject({
      field: 'pageSize',
      key: 'validation.too_big.number',
      params: { maximum: error.params.maximum, field: 'pageSize' },
    });
  });

  it('gives formats, unknown fields and allowed values their own keys', async () => {
    const badId = await t.inject({ method: 'GET', url: '/api/v1/organisations/not-a-uuid' });
    expect(badId.json().error).toMatchObject({
      key: 'validation.invalid_format.uuid',
      params: { field: 'id' },
    });

    const unknown = await t.inject({ method: 'GET', url: '/api/v1/timeline-events?colour=red' });
    expect(unknown.json().error).toMatchObject({
      key: 'validation.unrecognized_keys',
      params: { keys: ['colour'] },
    });

    const badSort = await t.inject({ method: 'GET', url: '/api/v1/agreements?sort=colour' });
    const sortError = badSort.json().error;
    expect(sortError.key).toBe('validation.invalid_value');
    expect(sortError.params.field).toBe('sort');
    expect(Array.isArray(sortError.params.values)).toBe(true);
  });

  it('counts several problems and keys each one, never echoing the rejected input', async () => {
    const admin = await t.signIn('administrator');
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin.headers,
      payload: {
        kind: 'no-such-kind',
        side: 'other',
        nation: 'RS',
        name: { en: 'x'.repeat(5000) },
      },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    // The key would be validation_failed, the code itself, so it is left out; the count is not.
    expect(error.key).toBeUndefined();
    expect(error.params.count).toBe(error.details.issues.length);
    expect(error.details.issues.length).toBeGreaterThan(1);
    for (const issue of error.details.issues) {
      expect(issue.key).toMatch(/^validation\.[a-z_]+(\.[a-z]+)?$/);
      expect(issue.params.field).toBe(issue.field);
      expect(JSON.stringify(issue.params)).not.toContain('xxxxx');
    }
    expect(error.details.issues.map((i: { key: string }) => i.key)).toContain(
      'validation.too_big.string',
    );
  });

  it('leaves the key out where it would only repeat the code', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(res.json().error.key).toBeUndefined();
  });
});

describe('issueMessageKey', () => {
  it('calls a missing value required, whatever its type', () => {
    expect(
      issueMessageKey({
        keyword: 'invalid_type',
        message: 'Invalid input: expected string, received undefined',
        params: { expected: 'string' },
      }),
    ).toEqual({ key: 'validation.required', params: {} });
    expect(
      issueMessageKey({ keyword: 'too_small', params: { origin: 'string', minimum: 1 } }).key,
    ).toBe('validation.required');
  });

  it('lets a refinement name its own key and keeps the English sentence otherwise', () => {
    expect(
      issueMessageKey({
        keyword: 'custom',
        message: 'must be YYYY-MM-DD',
        params: { params: { key: 'due_date', example: '2026-Q3' } },
      }),
    ).toEqual({ key: 'validation.due_date', params: { example: '2026-Q3' } });
    expect(issueMessageKey({ keyword: 'custom', message: 'must be YYYY-MM-DD' })).toEqual({
      key: 'validation.custom',
      params: { detail: 'must be YYYY-MM-DD' },
    });
  });
});
