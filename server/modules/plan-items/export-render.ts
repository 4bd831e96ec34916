/**
 * Writes an export's rows as CSV or XLSX. Rows hold typed values: text, numbers and calendar
 * dates. XLSX keeps the types (a date is a date with a format, progress a number; text is a typed
 * string cell, which a spreadsheet never runs as a formula). CSV writes numbers and dates as the
 * reader's locale does — `22,2` and `;` between fields in Serbian, so 22.2 is not read as a date —
 * and prefixes formula-like text with an apostrophe, the only guard CSV has.
 */
import { Writable } from 'node:stream';
import type { ExportWords } from './export-text.js';

/** A calendar date: a day ('YYYY-MM-DD') or a month ('YYYY-MM'). */
export interface ExportDate {
  date: string;
}

export type ExportCell = string | number | ExportDate | null;

export interface ExportTable {
  banner: string;
  words: ExportWords;
  rows: ExportCell[][];
}

/** Columns holding long text: wrapped in XLSX. */
const WRAPPED = new Set([1, 2, 11]);
const WIDTHS = [10, 45, 45, 18, 12, 14, 22, 10, 18, 30, 16, 60, 10];

/** Prefixes text a spreadsheet would evaluate, so a CSV cell can never become a formula. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function isDate(cell: ExportCell): cell is ExportDate {
  return typeof cell === 'object' && cell !== null;
}

/** A day or month as the reader writes it: "20.03.2020." in Serbian, ISO in English. */
function writtenDate(value: string, serbian: boolean): string {
  if (!serbian) return value;
  const [year, month, day] = value.split('-');
  return day ? `${day}.${month}.${year}.` : `${month}.${year}.`;
}

function csvCell(cell: ExportCell, words: ExportWords): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell).replace('.', words.decimal);
  const text = isDate(cell) ? writtenDate(cell.date, words.serbian) : neutralise(cell);
  const special = words.separator === ';' ? /[";\n\r]/ : /[",\n\r]/;
  return special.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV: UTF-8 BOM, the banner first and last, fields and decimals as the reader's locale. */
export function toCsv({ banner, words, rows }: ExportTable): string {
  const marking = [words.markingLine(banner)];
  const lines = [marking, words.columns, ...rows, marking];
  const text = lines.map((line) => line.map((c) => csvCell(c, words)).join(words.separator));
  return `\uFEFF${text.join('\r\n')}\r\n`;
}

/** Excel date formats; the Serbian ones end in a full stop, as Serbian writes dates. */
function dateFormat(value: string, serbian: boolean): string {
  const day = value.length === 10;
  if (serbian) return day ? 'dd.mm.yyyy.' : 'mm.yyyy.';
  return day ? 'yyyy-mm-dd' : 'yyyy-mm';
}

function asDate(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day ?? 1));
}

/**
 * XLSX with the banner in the page header and footer and in the first and last rows; printed
 * landscape, columns fitted to the page width, the heading row repeated on every page. exceljs is
 * loaded on first use (it costs ~17 MiB) and writes through its streaming writer, so a big plan is
 * not held as a whole workbook in memory.
 */
export async function toXlsx({ banner, words, rows }: ExportTable): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const sheet = workbook.addWorksheet(words.serbian ? words.serbianText('Plan') : 'Plan', {
    headerFooter: { oddHeader: `&C${banner}`, oddFooter: `&C${banner}` },
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const bold = (values: string[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.commit();
  };
  const marking = words.markingLine(banner);
  bold([marking]);
  bold(words.columns);
  for (const values of rows) {
    const row = sheet.addRow(values.map((c) => (isDate(c) ? asDate(c.date) : c)));
    values.forEach((value, index) => {
      if (isDate(value)) row.getCell(index + 1).numFmt = dateFormat(value.date, words.serbian);
      else if (WRAPPED.has(index) && typeof value === 'string' && value.length > 40) {
        row.getCell(index + 1).alignment = { wrapText: true, vertical: 'top' };
      }
    });
    row.commit();
  }
  bold([marking]);
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
