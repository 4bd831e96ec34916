/**
 * Reading untrusted import files: caps checked before the work (the ZIP directory), inflate output
 * counted (declared sizes are not trusted), rows, cells and shared strings capped while streaming,
 * and the parsing in a worker whose death (memory, time) becomes a message, not a crash. Every bomb
 * is built here, in memory; none is committed.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { ImportFileError, ImportLimitError } from '../../../core/plans/import-table.js';
import { loadConfig } from '../../config.js';
import {
  checkImportFile,
  DEFAULT_IMPORT_LIMITS,
  importLimitsOf,
  importWorkersRunning,
  MAX_IMPORT_WORKERS,
  parseImportFile,
  readImportFile,
} from './read-file.js';
import { readXlsxRows } from './xlsx-stream.js';
import { inspectZip } from './zip-guard.js';
import { cell, deflateRepeated, SHEET_HEAD, SHEET_TAIL, xlsx, zip } from './zip-fixtures.js';

const MB = 1024 * 1024;
const heading = `<row r="1">${cell('A1', 'Code')}${cell('B1', 'Parent code')}${cell('C1', 'Title (English)')}</row>`;
const row = (n: number) =>
  `<row r="${n}">${cell(`B${n}`, '1')}${cell(`C${n}`, `Activity ${n}`)}</row>`;

/** Runs `work`, returning its outcome and the longest event-loop stall meanwhile (ms). */
async function timed<T>(work: () => Promise<T>) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  const outcome = await work().then(
    (value) => ({ value, error: null as unknown }),
    (error: unknown) => ({ value: null, error }),
  );
  loop.disable();
  return { ...outcome, ms: performance.now() - started, stallMs: loop.max / 1e6 };
}

describe('reading an XLSX import as a stream', () => {
  it('reads what exceljs writes as exceljs itself read it: text, numbers, dates, formulas', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Lists').getCell('A1').value = 'not this sheet';
    const sheet = book.addWorksheet('Items');
    sheet.getCell('A1').value = 'Marking: NATO UNCLASSIFIED';
    sheet.getRow(2).values = ['Code', 'Parent code', 'Title (English)', 'Start', 'Weight', 'Due'];
    sheet.getRow(3).values = [
      '1.1',
      '1',
      'Plain & <tagged> "text"',
      new Date(Date.UTC(2026, 2, 15)),
    ];
    sheet.getCell('E3').value = 2.5;
    sheet.getCell('F3').value = { formula: 'TODAY()', result: 46000 } as never;
    sheet.getCell('C4').value = {
      richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text' }],
    } as never;
    sheet.getCell('E4').value = true;
    sheet.getCell('A5').value = 'Ćirilica ћирилица';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const rows = await readXlsxRows(bytes);
    expect(rows).toEqual([
      { row: 1, cells: ['Marking: NATO UNCLASSIFIED'] },
      { row: 2, cells: ['Code', 'Parent code', 'Title (English)', 'Start', 'Weight', 'Due'] },
      {
        row: 3,
        cells: ['1.1', '1', 'Plain & <tagged> "text"', '2026-03-15', '2.5', '=TODAY()'],
      },
      { row: 4, cells: ['', '', 'Rich text', '', 'TRUE'] },
      { row: 5, cells: ['Ćirilica ћирилица'] },
    ]);
    const table = await readImportFile(bytes, 'xlsx');
    // Row 5 holds words alone in the first column: a chapter banner (import-layout.ts).
    expect(table.rows.map((r) => r.values.titleEn)).toEqual([
      'Plain & <tagged> "text"',
      'Rich text',
      'Ćirilica ћирилица',
    ]);
    expect(table.rows[2]).toMatchObject({ banner: true, values: { code: '1' } });
  });

  it('takes a shared formula as the formula text, never its result', async () => {
    const sheet =
      SHEET_HEAD +
      heading +
      `<row r="2"><c r="C2"><f t="shared" ref="C2:C3" si="0">A2&amp;"x"</f><v>1x</v></c></row>` +
      `<row r="3"><c r="C3"><f t="shared" si="0"/><v>2x</v></c></row>` +
      SHEET_TAIL;
    const table = await parseImportFile(xlsx(Buffer.from(sheet)), 'xlsx');
    expect(table.rows.map((r) => r.values.titleEn)).toEqual(['=A2&"x"', '=A2&"x"']);
  });

  it('refuses a workbook that declares more than the cap, before inflating anything', async () => {
    // 120 MB of sheet XML packed into ~0.5 MB: the bomb the review built, a little smaller.
    const sheet = await deflateRepeated(SHEET_HEAD + heading, row(2), 1_000_000, SHEET_TAIL);
    expect(sheet.size).toBeGreaterThan(100 * MB);
    const bomb = xlsx(sheet);
    expect(bomb.length).toBeLessThan(2 * MB);
    const started = performance.now();
    await expect(checkImportFile(bomb, 'xlsx')).rejects.toThrow(ImportLimitError);
    await expect(checkImportFile(bomb, 'xlsx')).rejects.toThrow(/expands to more than 100 MB/);
    expect(performance.now() - started).toBeLessThan(500);
    // The worker refuses it the same way, without reading the sheet.
    const read = await timed(() => readImportFile(bomb, 'xlsx'));
    expect(read.error).toBeInstanceOf(ImportLimitError);
    expect(read.ms).toBeLessThan(5_000);
  });

  it('refuses parts packed far more than a spreadsheet is, and archives of too many parts', async () => {
    const sheet = await deflateRepeated(SHEET_HEAD, 'a', 20 * MB, SHEET_TAIL);
    expect(() => inspectZip(xlsx(sheet))).toThrow(/unpacks to \d+ times its size/);
    const many = zip(
      Array.from({ length: 2_001 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.from('<a/>') })),
    );
    expect(() => inspectZip(many)).toThrow(/more than 2,000 parts/);
    await expect(checkImportFile(many, 'xlsx')).rejects.toThrow(ImportLimitError);
  });

  it('stops a part that inflates past what it declares (declared sizes are not trusted)', async () => {
    // 150 MB of XML that says it is 1 MB: the directory passes, the counted inflate does not —
    // on upload (zlib on the thread pool, the request thread only counting) and in the worker.
    const sheet = await deflateRepeated(SHEET_HEAD + heading, row(2), 1_250_000, SHEET_TAIL);
    const liar = xlsx(sheet, { declareSheet: MB });
    expect(() => inspectZip(liar)).not.toThrow();
    const checked = await timed(() => checkImportFile(liar, 'xlsx'));
    expect(checked.error).toBeInstanceOf(ImportLimitError);
    expect((checked.error as Error).message).toMatch(/more than the 1,048,576 bytes it declares/);
    expect(checked.ms).toBeLessThan(5_000);
    expect(checked.stallMs).toBeLessThan(500);
    const read = await timed(() => readImportFile(liar, 'xlsx'));
    expect(read.error).toBeInstanceOf(ImportLimitError);
    expect((read.error as Error).message).toMatch(/more than the 1,048,576 bytes it declares/);
    expect(read.ms).toBeLessThan(5_000);
    // The request thread kept turning while the worker read.
    expect(read.stallMs).toBeLessThan(500);
  });

  it('stops at the first shared string longer than a cell may be, without reading the rest', async () => {
    // One 60 MB shared string (well packed: the ratio cap is lifted to reach the streaming cap).
    const shared = await deflateRepeated(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
      'abcdefghij',
      6 * MB,
      '</t></si></sst>',
    );
    const bytes = xlsx(Buffer.from(SHEET_HEAD + heading + SHEET_TAIL), { shared });
    const started = performance.now();
    await expect(readXlsxRows(bytes, { ...DEFAULT_IMPORT_LIMITS, maxRatio: 1e9 })).rejects.toThrow(
      /a text of more than 32,767 characters/,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops at the row cap without reading past it', async () => {
    // Rows past the cap, then XML so broken that reading on would fail with another message.
    const sheet =
      SHEET_HEAD +
      heading +
      Array.from({ length: 1_100 }, (_, i) => row(i + 2)).join('') +
      '<row r="99999"><c r="A1"><<<' +
      SHEET_TAIL;
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxRows: 1_000 };
    await expect(parseImportFile(xlsx(Buffer.from(sheet)), 'xlsx', limits)).rejects.toThrow(
      /more than 1,000 rows/,
    );
  });

  it('caps the length of a cell and the number of columns', async () => {
    const long =
      SHEET_HEAD + heading + `<row r="2">${cell('C2', 'x'.repeat(40_000))}</row>` + SHEET_TAIL;
    await expect(parseImportFile(xlsx(Buffer.from(long)), 'xlsx')).rejects.toThrow(
      /Row 2, column 3 holds more than 32,767 characters/,
    );
    const wide = SHEET_HEAD + heading + `<row r="2">${cell('XFD2', 'far')}</row>` + SHEET_TAIL;
    await expect(parseImportFile(xlsx(Buffer.from(wide)), 'xlsx')).rejects.toThrow(
      /more than 256 columns/,
    );
  });

  it('refuses XML with a DOCTYPE (no entity expansion)', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' +
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    await expect(parseImportFile(xlsx(Buffer.from(laughs)), 'xlsx')).rejects.toThrow(
      /declares its own XML entities/,
    );
  });

  it('says a damaged archive could not be opened', async () => {
    await expect(
      readImportFile(Buffer.from('PK\u0003\u0004 not really a zip'), 'xlsx'),
    ).rejects.toThrow(/could not be opened/);
  });
});

describe('the configured caps', () => {
  it('come from LIAISON_IMPORT_* with safe defaults, and nonsense is refused', () => {
    const defaults = importLimitsOf(loadConfig({ NODE_ENV: 'test' }));
    expect(defaults).toMatchObject({
      maxExpandedBytes: 100 * MB,
      workerMemoryMb: 256,
      timeoutMs: 60_000,
      maxRows: 50_000,
      maxCell: 32_767,
    });
    const set = importLimitsOf(
      loadConfig({
        LIAISON_IMPORT_MAX_EXPANDED_MB: '20',
        LIAISON_IMPORT_WORKER_MEMORY_MB: '128',
        LIAISON_IMPORT_TIMEOUT_SECONDS: '5',
      }),
    );
    expect(set).toMatchObject({ maxExpandedBytes: 20 * MB, workerMemoryMb: 128, timeoutMs: 5_000 });
    expect(() => loadConfig({ LIAISON_IMPORT_WORKER_MEMORY_MB: '8' })).toThrow(
      /LIAISON_IMPORT_WORKER_MEMORY_MB/,
    );
    expect(loadConfig({ LIAISON_SHUTDOWN_GRACE_SECONDS: '3' }).shutdownGraceSeconds).toBe(3);
  });
});

describe('reading a CSV import', () => {
  it('caps the length of a field and the rows', async () => {
    const csv = `Code;Title (English)\n;${'y'.repeat(33_000)}\n`;
    await expect(parseImportFile(Buffer.from(csv), 'csv')).rejects.toThrow(ImportLimitError);
    const rows = ['Code;Title (English)', ...Array.from({ length: 1_050 }, (_, i) => `;Row ${i}`)];
    await expect(
      parseImportFile(Buffer.from(rows.join('\n')), 'csv', {
        ...DEFAULT_IMPORT_LIMITS,
        maxRows: 1_000,
      }),
    ).rejects.toThrow(/more than 1,000 rows/);
  });
});

describe('the import worker', () => {
  it('turns running out of memory into a message, and the process lives on', async () => {
    // 400,000 rows in a worker allowed 16 MB of heap.
    const csv = ['Code;Title (English)', ...Array.from({ length: 400_000 }, (_, i) => `;Row ${i}`)];
    const read = await timed(() =>
      readImportFile(Buffer.from(csv.join('\n')), 'csv', {
        ...DEFAULT_IMPORT_LIMITS,
        maxRows: 1_000_000,
        workerMemoryMb: 16,
      }),
    );
    expect(read.error).toBeInstanceOf(ImportFileError);
    expect((read.error as Error).message).toMatch(
      /could not be read: reading it needs more memory than an import may use/,
    );
  });

  it('reads at most two files at once; the others wait their turn', async () => {
    const csv = Buffer.from(
      ['Code;Title (English)', ...Array.from({ length: 20_000 }, (_, i) => `;Row ${i}`)].join('\n'),
    );
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, importWorkersRunning())), 1);
    const tables = await Promise.all([1, 2, 3, 4, 5].map(() => readImportFile(csv, 'csv')));
    clearInterval(watch);
    expect(tables.map((t) => t.rows.length)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000]);
    expect(most).toBe(MAX_IMPORT_WORKERS);
    expect(MAX_IMPORT_WORKERS).toBe(2);
    expect(importWorkersRunning()).toBe(0);
  });

  it('stops a worker that takes longer than allowed', async () => {
    const rows = ['Code;Title (English)', ...Array.from({ length: 20_000 }, (_, i) => `;Row ${i}`)];
    await expect(
      readImportFile(Buffer.from(rows.join('\n')), 'csv', {
        ...DEFAULT_IMPORT_LIMITS,
        timeoutMs: 5,
      }),
    ).rejects.toThrow(/took more than 0 seconds to read/);
  });
});
