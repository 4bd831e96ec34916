import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { neutralise } from './export.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

describe('cell neutralisation', () => {
  it('turns would-be formulas into text and leaves other text alone', () => {
    expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralise('+381 11 123')).toBe("'+381 11 123");
    expect(neutralise('-5')).toBe("'-5");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('Plan 2.3')).toBe('Plan 2.3');
  });
});

describe.each(testDatabases)('plan export on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    planId = (await t.inject({ method: 'GET', url: '/api/v1/plans' }))
      .json()
      .items.find((p: { code: string }) => p.code === 'IPAP-2019-2021').id;
    const chapter = (await t.inject({ method: 'GET', url: `/api/v1/plans/${planId}/items` })).json()
      .items[0];
    await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: {
        planId,
        parentId: chapter.id,
        title: { en: '=cmd|calc', sr: 'Обука' },
        dueOn: '2020-Q1',
        status: 'ongoing',
        label: PUBLIC,
      },
    });
    await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: {
        planId,
        parentId: chapter.id,
        title: { en: 'Internal item' },
        label: { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['RS', 'NATO'] },
      },
    });
  });
  afterAll(() => t.close());

  it('exports CSV with the banner of the highest label inside, a BOM, semicolons and neutralised cells', async () => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/export?format=csv`,
      headers: coordinator.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="IPAP-2019-2021-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.body.startsWith('\uFEFFMarking: NATO UNCLASSIFIED Releasable to NATO, RS')).toBe(
      true,
    );
    expect(res.body.trimEnd().endsWith('Marking: NATO UNCLASSIFIED Releasable to NATO, RS')).toBe(
      true,
    );
    expect(res.body).toContain(";'=cmd|calc;");
    expect(res.body).toContain('Обука');
  });

  it('exports only what the reader may see, and an anonymous export of public items says PUBLIC', async () => {
    const res = await t.inject({ method: 'GET', url: `/api/v1/plans/${planId}/export?format=csv` });
    expect(res.body).not.toContain('Internal item');
    expect(res.headers['x-liaison-marking']).toBe('PUBLIC');
  });

  it('exports the filtered view as XLSX with the banner in header, footer and first row', async () => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/export?format=xlsx&overdue=true`,
      headers: coordinator.headers,
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Plan')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Marking: PUBLIC');
    expect(sheet.headerFooter.oddHeader).toContain('PUBLIC');
    const titles = [];
    for (let row = 3; row < sheet.rowCount; row += 1)
      titles.push(sheet.getRow(row).getCell(2).value);
    expect(titles).toEqual(["'=cmd|calc"]);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('Marking: PUBLIC');
  });

  it('applies every filter of the tree-table: words in either script, due periods, labels', async () => {
    const codes = async (query: string) => {
      const res = await t.inject({
        method: 'GET',
        url: `/api/v1/plans/${planId}/export?format=csv&${query}`,
        headers: coordinator.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.body
        .split('\n')
        .slice(2)
        .map((line) => line.split(';')[1])
        .filter((title) => title && !title.startsWith('Marking'));
    };
    expect(await codes('q=%D0%9E%D0%B1%D1%83%D0%BA%D0%B0')).toEqual(["'=cmd|calc"]);
    expect(await codes('q=obuka')).toEqual(["'=cmd|calc"]);
    expect(await codes('dueFrom=2020-Q1&dueTo=2020')).toEqual(["'=cmd|calc"]);
    expect(await codes('dueTo=2019')).toEqual([]);
    expect(await codes('label=NATO:NATO_UNCLASSIFIED')).toEqual(['Internal item']);
    expect(await codes('label=NATO:NATO_UNCLASSIFIED&q=calc')).toEqual([]);
    const bad = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/export?dueTo=2026-13`,
      headers: coordinator.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('dueTo');
  });
});
