/**
 * Hostile uploads through the API: a workbook that declares more than the caps, or lies about its
 * sizes, is refused with 413 at upload (no job) within seconds, and the server answers /health
 * meanwhile. The bombs are built here, in memory.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.message).toMatch(
      /^The workbook expands to more than 100 MB of data; split it/,
    );
    expect((await jobs()).length).toBe(before);
  });

  it('refuses a workbook that lies about its size with 413 within seconds, the server answering meanwhile', async () => {
    const sheet = await deflateRepeated(SHEET_HEAD + heading, row, 1_250_000, SHEET_TAIL);
    const before = (await jobs()).length;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    const [res, health] = await Promise.all([
      upload(xlsx(sheet, { declareSheet: 1024 * 1024 })),
      t.inject({ method: 'GET', url: '/api/v1/health' }),
    ]);
    loop.disable();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.message).toMatch(
      /unpacks to more than the 1,048,576 bytes it declares/,
    );
    expect(health.statusCode).toBe(200);
    expect(loop.max / 1e6).toBeLessThan(500);
    expect((await jobs()).length).toBe(before);
  });
});
