import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { neutralise } from './export.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };
const INTERNAL = { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['RS', 'NATO'] };

describe('cell neutralisation', () => {
  it('turns would-be formulas into text and leaves other text alone', () => {
    expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralise('+381 11 123')).toBe("'+381 11 123");
    expect(neutralise('-5')).toBe("'-5");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('Plan 2.3')).toBe('Plan 2.3');
  });
});

/** A CSV file split into rows and fields (quoted fields may hold the separator and line breaks). */
function parseCsv(body: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = body.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

async function readXlsx(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe.each(testDatabases)('plan export on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  let trainingId: string;
  let internalId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    planId = (await t.inject({ method: 'GET', url: '/api/v1/plans' }))
      .json()
      .items.find((p: { code: string }) => p.code === 'IPAP-2019-2021').id;
    const chapter = (await t.inject({ method: 'GET', url: `/api/v1/plans/${planId}/items` })).json()
      .items[0];
    const mod = await t.db.kysely
      .selectFrom('organisations')
      .select('id')
      .where('abbreviation_en', '=', 'MoD')
      .executeTakeFirstOrThrow();
    const create = async (payload: Record<string, unknown>) => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/plan-items',
        headers: coordinator.headers,
        payload: { planId, parentId: chapter.id, ...payload },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    trainingId = await create({
      title: { en: '=cmd|calc', sr: 'Обука' },
      startOn: '2020-01-15',
      dueOn: '2020-Q1',
      status: 'ongoing',
      leadOrganisationId: mod.id,
      manualProgress: 22.2,
      label: PUBLIC,
    });
    internalId = await create({
      title: { en: 'Internal item' },
      dueOn: '2020-03-31',
      label: INTERNAL,
    });
    // Reports, oldest period first: an approved one superseded by a later approval, the latest
    // approved one, a submitted one in a later period (not approved: not exported), and an
    // approved one on the item only the coordinator may see.
    const period = async (title: string, startsOn: string, endsOn: string) => {
      const id = uuidv7();
      await t.db.kysely
        .insertInto('reporting_periods')
        .values({
          id,
          version: 1,
          plan_id: planId,
          kind: 'quarter',
          starts_on: startsOn,
          ends_on: endsOn,
          title,
          status: 'open',
          opened_by: null,
          opened_at: new Date().toISOString(),
          locked_at: null,
        })
        .execute();
      return id;
    };
    const report = (
      periodId: string,
      itemId: string,
      status: string,
      narrative: string,
      progress: number | null,
    ) =>
      t.db.kysely
        .insertInto('progress_reports')
        .values({
          id: uuidv7(),
          version: 1,
          period_id: periodId,
          plan_item_id: itemId,
          status,
          item_status: 'ongoing',
          progress,
          narrative,
          evidence: '[]',
          submitted_by: null,
          submitted_at: null,
          reviewed_by: null,
          reviewed_at: null,
          review_comment: null,
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
    const q4 = await period('Q4 2019', '2019-10-01', '2019-12-31');
    const q1 = await period('Q1 2020', '2020-01-01', '2020-03-31');
    const q2 = await period('Q2 2020', '2020-04-01', '2020-06-30');
    await report(q4, trainingId, 'approved', 'Superseded narrative', 10);
    await report(q1, trainingId, 'approved', 'Обука је одржана; "први" део', 22.2);
    await report(q2, trainingId, 'submitted', 'Narrative awaiting approval', 60);
    await report(q1, internalId, 'approved', 'Narrative of an internal item', 40);
  });
  afterAll(() => t.close());

  const get = (query: string, session: Session | null = coordinator) =>
    t.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/export?${query}`,
      headers: session?.headers,
    });

  it('exports English CSV with the banner of the highest label inside, a BOM, commas and neutralised cells', async () => {
    const res = await get('format=csv&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="IPAP-2019-2021-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const banner = 'Marking: NATO UNCLASSIFIED Releasable to NATO, RS';
    // The banner holds a comma, the English separator: quoted.
    expect(res.body.startsWith(`\uFEFF"${banner}"`)).toBe(true);
    expect(res.body.trimEnd().endsWith(`"${banner}"`)).toBe(true);
    const rows = parseCsv(res.body, ',');
    expect(rows[1]).toEqual([
      'Code',
      'Title (English)',
      'Title (Serbian)',
      'Status',
      'Start',
      'Due',
      'Lead organisation',
      'Progress %',
      'Progress rule',
      'Marking',
      'Reporting period',
      'Report: what was done',
      'Reported progress %',
    ]);
    const training = rows.find((r) => r[2] === 'Обука')!;
    expect(training.slice(1)).toEqual([
      "'=cmd|calc",
      'Обука',
      'Ongoing',
      '2020-01-15',
      'Q1 2020',
      'MoD',
      '22.2',
      'Entered by hand',
      'PUBLIC',
      'Q1 2020',
      'Обука је одржана; "први" део',
      '22.2',
    ]);
  });

  it('exports Serbian CSV with semicolons and decimal commas, so 22.2 is not read as a date', async () => {
    const res = await get('format=csv&lang=sr-Latn');
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('\uFEFFOznaka tajnosti: NATO UNCLASSIFIED Releasable to')).toBe(
      true,
    );
    const rows = parseCsv(res.body, ';');
    expect(rows[1]!.slice(0, 9)).toEqual([
      'Oznaka',
      'Naziv (engleski)',
      'Naziv (srpski)',
      'Status',
      'Početak',
      'Rok',
      'Nosilac',
      'Napredak %',
      'Način obračuna napretka',
    ]);
    const training = rows.find((r) => r[2] === 'Obuka')!;
    expect(training.slice(3)).toEqual([
      'U toku',
      '15.01.2020.',
      '1. kvartal 2020.',
      'MO',
      '22,2',
      'Ručni unos',
      'PUBLIC',
      '1. kvartal 2020.',
      'Obuka je održana; "prvi" deo',
      '22,2',
    ]);
    const internal = rows.find((r) => r[1] === 'Internal item')!;
    expect(internal[5]).toBe('31.03.2020.');
  });

  it('takes the language from the account when the request names none, and the request over it', async () => {
    const email = coordinator.email;
    const setLocale = (locale: string) =>
      t.db.kysely.updateTable('users').set({ locale }).where('email', '=', email).execute();
    try {
      await setLocale('sr-Cyrl');
      const saved = parseCsv((await get('format=csv')).body, ';');
      expect(saved[1]![0]).toBe('Ознака');
      expect(saved[1]![6]).toBe('Носилац');
      expect(saved.find((r) => r[2] === 'Обука')![3]).toBe('У току');
      const asked = parseCsv((await get('format=csv&lang=en')).body, ',');
      expect(asked[1]![0]).toBe('Code');
    } finally {
      await setLocale('en');
    }
    const anonymous = parseCsv((await get('format=csv', null)).body, ',');
    expect(anonymous[1]![0]).toBe('Code');
    expect((await get('format=csv&lang=de')).statusCode).toBe(400);
  });

  it('exports only what the reader may see, narratives included, and an anonymous export of public items says PUBLIC', async () => {
    const mine = await get('format=csv');
    expect(mine.body).toContain('Narrative of an internal item');
    const res = await get('format=csv', null);
    expect(res.body).not.toContain('Internal item');
    expect(res.body).not.toContain('Narrative of an internal item');
    expect(res.body).toContain('Обука је одржана');
    expect(res.headers['x-liaison-marking']).toBe('PUBLIC');
    for (const session of [coordinator, null]) {
      const body = (await get('format=csv', session)).body;
      expect(body).not.toContain('Superseded narrative');
      expect(body).not.toContain('Narrative awaiting approval');
    }
  });

  it('prints each row’s own marking with its releasability', async () => {
    const rows = parseCsv((await get('format=csv&lang=en')).body, ',');
    expect(rows.find((r) => r[1] === 'Internal item')![9]).toBe(
      'NATO UNCLASSIFIED Releasable to NATO, RS',
    );
    expect(rows.find((r) => r[2] === 'Обука')![9]).toBe('PUBLIC');
  });

  it('exports XLSX with typed cells: dates as dates, progress as numbers, formula-like text as plain strings', async () => {
    const res = await get('format=xlsx&lang=en');
    expect(res.statusCode).toBe(200);
    const sheet = await readXlsx(res.rawPayload);
    const row = (title: string) => {
      for (let r = 3; r < sheet.rowCount; r += 1)
        if (sheet.getRow(r).getCell(2).value === title) return sheet.getRow(r);
      throw new Error(`no row ${title}`);
    };
    const training = row('=cmd|calc');
    // A typed string cell: shown as written, never evaluated, no apostrophe.
    expect(training.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(training.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(training.getCell(5).value).toEqual(new Date(Date.UTC(2020, 0, 15)));
    expect(training.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(training.getCell(6).value).toBe('Q1 2020');
    expect(training.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(training.getCell(8).value).toBe(22.2);
    expect(training.getCell(12).value).toBe('Обука је одржана; "први" део');
    expect(training.getCell(13).value).toBe(22.2);
    const internal = row('Internal item');
    expect(internal.getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect(internal.getCell(6).value).toEqual(new Date(Date.UTC(2020, 2, 31)));
    expect(internal.getCell(10).value).toBe('NATO UNCLASSIFIED Releasable to NATO, RS');
  });

  it('prints XLSX landscape, fitted to the page width, with the heading row on every page', async () => {
    const sheet = await readXlsx((await get('format=xlsx')).rawPayload);
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    expect(sheet.getRow(2).getCell(1).value).toBe('Code');
  });

  it('writes Serbian XLSX headings, words and date formats in the reader’s script', async () => {
    const sheet = await readXlsx((await get('format=xlsx&lang=sr-Cyrl')).rawPayload);
    expect(sheet.getRow(1).getCell(1).value).toBe(
      'Ознака тајности: NATO UNCLASSIFIED Releasable to NATO, RS',
    );
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Ознака',
      'Назив (енглески)',
      'Назив (српски)',
      'Статус',
      'Почетак',
      'Рок',
      'Носилац',
      'Напредак %',
      'Начин обрачуна напретка',
      'Ознака тајности',
      'Извештајни период',
      'Извештај: шта је урађено',
      'Напредак по извештају %',
    ]);
    let training: ExcelJS.Row | undefined;
    for (let r = 3; r < sheet.rowCount; r += 1)
      if (sheet.getRow(r).getCell(3).value === 'Обука') training = sheet.getRow(r);
    expect(training!.getCell(4).value).toBe('У току');
    expect(training!.getCell(5).numFmt).toBe('dd.mm.yyyy.');
    expect(training!.getCell(6).value).toBe('1. квартал 2020.');
    expect(training!.getCell(7).value).toBe('МО');
    expect(training!.getCell(9).value).toBe('Ручни унос');
    expect(training!.getCell(11).value).toBe('1. квартал 2020.');
  });

  it('exports the filtered view as XLSX with the banner in header, footer and first row', async () => {
    const res = await get('format=xlsx&overdue=true', null);
    expect(res.statusCode).toBe(200);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet.getRow(1).getCell(1).value).toBe('Marking: PUBLIC');
    expect(sheet.headerFooter.oddHeader).toContain('PUBLIC');
    const titles = [];
    for (let row = 3; row < sheet.rowCount; row += 1)
      titles.push(sheet.getRow(row).getCell(2).value);
    expect(titles).toEqual(['=cmd|calc']);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('Marking: PUBLIC');
  });

  it('applies every filter of the tree-table: words in either script, due periods, labels', async () => {
    const titles = async (query: string) => {
      const res = await get(`format=csv&lang=en&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return parseCsv(res.body, ',')
        .slice(2, -1)
        .map((row) => row[1]);
    };
    expect(await titles('q=%D0%9E%D0%B1%D1%83%D0%BA%D0%B0')).toEqual(["'=cmd|calc"]);
    expect(await titles('q=obuka')).toEqual(["'=cmd|calc"]);
    expect(await titles('dueFrom=2020-Q1&dueTo=2020')).toEqual(["'=cmd|calc", 'Internal item']);
    expect(await titles('dueTo=2019')).toEqual([]);
    expect(await titles('label=NATO:NATO_UNCLASSIFIED')).toEqual(['Internal item']);
    expect(await titles('label=NATO:NATO_UNCLASSIFIED&q=calc')).toEqual([]);
    const bad = await get('dueTo=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('dueTo');
    // Seven exports, each in its own worker thread: more than the default 30 s on a busy machine.
  }, 120_000);
});
