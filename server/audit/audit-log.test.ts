import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { verifyAuditChain } from './audit-log.js';

describe.each(testDatabases)('the audit hash chain on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const admin = await t.signIn('administrator');
    for (let i = 0; i < 3; i += 1) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers: admin.headers,
        payload: { kind: 'other', side: 'other', nation: 'RS', name: { en: `Audited ${i}` } },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  // Each test tampers inside a transaction it rolls back, so the chain is whole again afterwards.
  async function tampered(...changes: string[]) {
    const rollback = new Error('rollback');
    let result: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await t.db
      .write(async (trx) => {
        for (const change of changes) await sql.raw(change).execute(trx);
        result = await verifyAuditChain(trx as never);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    return result!;
  }

  it('is intact after normal use and names its head', async () => {
    const result = await verifyAuditChain(t.db.kysely);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(5);
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects an edited entry', async () => {
    const result = await tampered(
      `update audit_log set action = 'organisation.read' where seq = 3`,
    );
    expect(result).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'content altered' } });
  });

  it('detects a deleted entry', async () => {
    const result = await tampered('delete from audit_log where seq = 2');
    expect(result).toMatchObject({ ok: false, firstBad: { seq: 2, reason: 'entry missing' } });
  });

  it('detects reordered entries', async () => {
    const result = await tampered(
      'update audit_log set seq = 1002 where seq = 2',
      'update audit_log set seq = 2 where seq = 3',
      'update audit_log set seq = 3 where seq = 1002',
    );
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(2);
  });
});
