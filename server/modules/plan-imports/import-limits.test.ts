/**
 * Hostile uploads through the API: a workbook that declares more than the caps is refused with
 * 413 at upload (no job), one that lies about its sizes fails its job within seconds with a
 * message, and the server answers /health meanwhile. The bombs are built here, in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../core/schemas/plan-import.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { cell, deflateRepeated, SHEET_HEAD, SHEET_TAIL, xlsx } from './zip-fixtures.js';

const heading = `<row r="1">${cell('A1', 'Code')}${cell('B1', 'Parent code')}${cell('C1', 'Title (English)')}</row>`;
const row = `<row>${cell('B2', '1')}${cell('C2', 'Activity')}</row>`;

describe.each(testDatabases)('hostile import files on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    planId = (await t.inject({ method: 'GET', url: '/api/v1/plans' }))
      .json()
      .items.find((p: { code: string }) => p.code === 'IPAP-2015').id;
  });
  afterAll(() => t.close());

  const upload = (bytes: Buffer, fileName = 'bomb.xlsx') =>
    t.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/imports/file?fileName=${fileName}`,
      headers: {
        ...coordinator.headers,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: bytes,
    });
  const jobs = async () =>
    (
      await t.inject({
        method: 'GET',
        url: `/api/v1/plans/${planId}/imports`,
        headers: coordinator.headers,
      })
    ).json().items as ImportJob[];

  it('refuses a workbook that expands past the cap with 413 at once, and starts no job', async () => {
    const sheet = await deflateRepeated(SHEET_HEAD + heading, row, 1_000_000, SHEET_TAIL);
    const bomb = xlsx(sheet);
    const before = (await jobs()).length;
    const started = performance.now();
    const res = await upload(bomb);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.message).toMatch(
      /^The workbook expands to more than 100 MB of data; split it/,
    );
    expect((await jobs()).length).toBe(before);
  });

  it('fails the job of a workbook that lies about its size within seconds, and /health answers meanwhile', async () => {
    const sheet = await deflateRepeated(SHEET_HEAD + heading, row, 1_250_000, SHEET_TAIL);
    const res = await upload(xlsx(sheet, { declareSheet: 1024 * 1024 }));
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    const started = performance.now();
    let job: ImportJob;
    let slowestHealth = 0;
    for (;;) {
      const asked = performance.now();
      const health = await t.inject({ method: 'GET', url: '/api/v1/health' });
      slowestHealth = Math.max(slowestHealth, performance.now() - asked);
      expect(health.statusCode).toBe(200);
      job = (
        await t.inject({
          method: 'GET',
          url: `/api/v1/imports/${id}`,
          headers: coordinator.headers,
        })
      ).json() as ImportJob;
      if (job.status === 'failed' || job.status === 'validated') break;
      expect(performance.now() - started).toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job.status).toBe('failed');
    expect(job.failure).toMatch(/unpacks to more than the 1,048,576 bytes it declares/);
    expect(slowestHealth).toBeLessThan(500);
  });
});
