/**
 * A ministry's own IPAP table — a title row, a two-row merged heading in Cyrillic, merged chapter
 * banners, running numbers, due dates as ministries write them, two institutions in one cell, an
 * unknown institution, a footnote — imports; a column mapped in the dry run is remembered for the
 * plan and applied to the next file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTreeNode } from '../../../core/schemas/plan.js';
import type { ImportJob } from '../../../core/schemas/plan-import.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { readXlsxRows } from './xlsx-stream.js';

/** The workbook, built as a ministry lays it out. `extra` adds a row above the footnote. */
async function ministryWorkbook(extra: (string | number)[] | null = null): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('ИПАП 2016');
  sheet.getCell('A1').value = 'АКЦИОНИ ПЛАН ЗА СПРОВОЂЕЊЕ ИПАП 2016.';
  sheet.mergeCells('A1:F1');
  sheet.getRow(2).values = ['Р.бр.', 'Активност', 'Институције', '', 'Рок¹', 'Очекивани резултат'];
  sheet.getRow(3).values = ['', '', 'Носилац', 'Партнери', '', ''];
  for (const range of ['A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3']) sheet.mergeCells(range);
  sheet.getCell('A4').value = 'ПОГЛАВЉЕ 1: ПОЛИТИЧКА ПИТАЊА';
  sheet.mergeCells('A4:F4');
  sheet.getRow(5).values = [
    1,
    'Израда стратегије',
    'МО',
    'МСП',
    'IV квартал 2016. године',
    'Стратегија усвојена',
  ];
  sheet.getRow(6).values = [2, 'Обука официра', 'МО, ВС', '', 'I–II квартал 2016.', ''];
  sheet.getCell('A7').value = 'Економска питања';
  sheet.mergeCells('A7:F7');
  sheet.getRow(8).values = [1, 'Буџетско планирање', 'МО', '', 'током 2016.', ''];
  sheet.getRow(9).values = [2, 'Набавка опреме', 'МО', '', 'до краја године', ''];
  if (extra) sheet.getRow(10).values = extra;
  sheet.getCell('A12').value = '¹ Рокови су оквирни.';
  sheet.mergeCells('A12:F12');
  return Buffer.from(await book.xlsx.writeBuffer());
}

function flatten(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe('an XLSX number keeps the decimals its format shows', () => {
  it('reads a code typed 1.10 in a "0.00" cell as 1.10, not 1.1', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Items');
    sheet.getRow(1).values = ['Code', 'Title (English)'];
    sheet.getCell('A2').value = 1.1;
    sheet.getCell('A2').numFmt = '0.00';
    sheet.getCell('A3').value = 1.1;
    const rows = await readXlsxRows(Buffer.from(await book.xlsx.writeBuffer()));
    expect(rows.map((r) => r.cells[0])).toEqual(['Code', '1.10', '1.1']);
  });
});

describe.each(testDatabases)('a ministry table imported on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  let secondPlanId: string;

  const newPlan = async (code: string) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: coordinator.headers,
      payload: {
        code,
        title: { en: 'IPAP 2016', sr: 'ИПАП 2016' },
        template: 'ipap',
        periodStart: '2016-01-01',
        periodEnd: '2016-12-31',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    planId = await newPlan(`MIN-${kind}-1`);
    secondPlanId = await newPlan(`MIN-${kind}-2`);
  });
  afterAll(() => t.close());

  const settle = async (id: string): Promise<ImportJob> => {
    for (let i = 0; i < 4000; i++) {
      const res = await t.inject({
        method: 'GET',
        url: `/api/v1/imports/${id}?pageSize=500`,
        headers: coordinator.headers,
      });
      const body = res.json() as ImportJob;
      if (['validated', 'failed', 'committed'].includes(body.status)) return body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the import job never finished');
  };
  const dryRun = async (bytes: Buffer, id = planId) => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${id}/imports`,
      headers: coordinator.headers,
      payload: { fileName: 'ipap-2016.xlsx', content: bytes.toString('base64') },
    });
    expect(res.statusCode, res.body).toBe(202);
    return settle(res.json().id);
  };
  const post = (url: string, payload: object) =>
    t.inject({
      method: 'POST',
      url,
      headers: { ...coordinator.headers, 'if-match': '*' },
      payload,
    });
  const rowOf = (job: ImportJob, row: number) => job.rows.find((r) => r.row === row)!;

  it('reads the layout, lists each decision, and says how each due date was read', async () => {
    // A plan of its own: the other tests map column F of their plans (tests run in random order).
    const job = await dryRun(await ministryWorkbook(), await newPlan(`MIN-${kind}-3`));
    expect(job.status, job.failure ?? '').toBe('validated');
    expect(job.decisions.map((d) => d.message)).toEqual([
      'Row 1: above the heading (a title), ignored',
      'Rows 2–3: taken as the heading (two rows)',
      'Row 4: chapter banner → chapter 1',
      'Column A «Р.бр.» holds running numbers, not codes: rows are numbered under their banner',
      'Row 7: chapter banner → chapter 2 (numbered in order)',
      'Row 12: footnote, ignored',
    ]);
    expect(job.headings.map((h) => [h.letter, h.column])).toEqual([
      ['A', 'code'],
      ['B', 'titleSr'],
      ['C', 'leadOrganisation'],
      ['D', 'partnerOrganisations'],
      ['E', 'dueOn'],
      ['F', null],
    ]);
    expect(job.counts).toMatchObject({ create: 6, errors: 0 });
    expect(rowOf(job, 5).notes[0]!.to).toBe('2016-Q4');
    expect(rowOf(job, 6).notes.map((n) => [n.reading, n.to])).toEqual([
      ['quarter_range', '2016-Q2'],
      ['lead_split', 'МО | ВС'],
    ]);
    expect(rowOf(job, 6).warnings[0]!.message).toMatch(/МО is taken as the lead, ВС as partners/);
    expect(rowOf(job, 9).notes[0]!.reading).toBe('plan_year');
    expect(rowOf(job, 8).finalCode).toBe('2.1');
  });

  it('remembers a column mapped in the dry run for the plan and applies it to the next file', async () => {
    const first = await dryRun(await ministryWorkbook());
    const expected = first.headings.find((h) => h.letter === 'F')!;
    expect(expected.source).toBe('unknown');
    const mapped = await post(`/api/v1/imports/${first.id}/mapping`, {
      mapping: { [expected.key]: 'descriptionSr' },
    });
    expect(mapped.statusCode, mapped.body).toBe(202);
    const again = await settle(first.id);
    expect(again.headings.find((h) => h.letter === 'F')).toMatchObject({
      column: 'descriptionSr',
      source: 'mapped',
    });
    expect(again.counts).toMatchObject({ create: 6, errors: 0 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'plan_import.mapping')
      .execute();
    expect(audit.map((a) => a.entity_id)).toContain(planId);
    // A heading the file does not have is refused; another plan does not inherit the mapping.
    const wrong = await post(`/api/v1/imports/${first.id}/mapping`, {
      mapping: { 'no such heading': 'status' },
    });
    expect(wrong.statusCode).toBe(400);
    const elsewhere = await dryRun(await ministryWorkbook(), secondPlanId);
    expect(elsewhere.headings.find((h) => h.letter === 'F')!.source).toBe('unknown');

    // The next file of this plan is read with the mapping, and its commit writes everything.
    const next = await dryRun(await ministryWorkbook());
    expect(next.headings.find((h) => h.letter === 'F')!.source).toBe('mapped');
    const commit = await post(`/api/v1/imports/${next.id}/commit`, {});
    expect(commit.statusCode, commit.body).toBe(202);
    expect((await settle(next.id)).status).toBe('committed');
    const tree = flatten(
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/plans/${planId}/tree`,
          headers: coordinator.headers,
        })
      ).json().items as PlanTreeNode[],
    );
    expect(tree.map((n) => [n.code, n.title.sr, n.dueOn])).toEqual([
      ['1', 'ПОЛИТИЧКА ПИТАЊА', null],
      ['1.1', 'Израда стратегије', '2016-Q4'],
      ['1.2', 'Обука официра', '2016-Q2'],
      ['2', 'Економска питања', null],
      ['2.1', 'Буџетско планирање', '2016-Q4'],
      ['2.2', 'Набавка опреме', '2016-Q4'],
    ]);
    const strategy = tree.find((n) => n.code === '1.1')!;
    expect(strategy.description.sr).toBe('Стратегија усвојена');
    const training = tree.find((n) => n.code === '1.2')!;
    expect(training.partnerOrganisationIds).toHaveLength(1);
    // Four dry runs and a commit: room for a busy machine.
  }, 120_000);

  it('offers an unknown institution for creation, creates it (audited) and checks the file again', async () => {
    const job = await dryRun(
      await ministryWorkbook([3, 'Сарадња', 'Канцеларија за сарадњу XY', '', '2016', '']),
      secondPlanId,
    );
    expect(job.unknownOrganisations).toEqual(['Канцеларија за сарадњу XY']);
    expect(rowOf(job, 10).errors[0]!.message).toMatch(/^No organisation is called/);
    const made = await post(`/api/v1/imports/${job.id}/organisations`, {
      name: 'Канцеларија за сарадњу XY',
    });
    expect(made.statusCode, made.body).toBe(202);
    const again = await settle(job.id);
    expect(again.counts).toMatchObject({ errors: 0 });
    expect(again.unknownOrganisations).toEqual([]);
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'organisation.create')
      .execute();
    expect(entries.length).toBeGreaterThan(0);
    // Only names the file holds: this is not a second way to create any organisation.
    const refused = await post(`/api/v1/imports/${job.id}/organisations`, { name: 'Anything' });
    expect(refused.statusCode).toBe(400);
  });
});
