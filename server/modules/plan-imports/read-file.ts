/**
 * An uploaded file → rows of text. CSV goes through the core reader; XLSX through exceljs (loaded
 * only when an XLSX arrives). Formula cells are read as their formula text and never evaluated.
 */
import { setImmediate } from 'node:timers/promises';
import {
  decodeUtf8,
  ImportFileError,
  csvRecords,
  readTable,
  type ImportTable,
  type SourceRow,
} from '../../../core/plans/import-table.js';
import { IMPORT_MAX_ROWS } from '../../../core/schemas/plan-import.js';

export type ImportFormat = 'csv' | 'xlsx';

/** XLSX files are ZIP archives: they start with "PK\x03\x04". */
export function formatOf(bytes: Uint8Array, fileName: string): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'xlsx';
  }
  if (/\.xlsx?$/i.test(fileName)) {
    throw new ImportFileError(
      'This file is not an XLSX workbook (an old .xls, or damaged). Save it as .xlsx or as CSV UTF-8 and upload it again.',
    );
  }
  return 'csv';
}

/** The text of one exceljs cell value, never evaluating anything. */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // Excel dates carry no zone; exceljs gives them as UTC midnight.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.formula === 'string') return `=${v.formula}`;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    }
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

async function xlsxRows(bytes: Uint8Array): Promise<SourceRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError(
      'The XLSX file could not be opened. Save it again from Excel or LibreOffice, or upload it as CSV UTF-8.',
    );
  }
  const sheet =
    workbook.worksheets.find((s) => !/^(lists|liste|листе)$/i.test(s.name)) ??
    workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('The workbook has no sheet.');
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A formula (its own or shared with a neighbour) is taken as its text, never its result.
      const formula = (cell as { formula?: string }).formula;
      cells[column - 1] = formula ? `=${formula}` : xlsxCellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** CSV records, a slice at a time: a 10,000-row file does not hold the event loop. */
async function csvRows(text: string): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for (const record of csvRecords(text)) {
    rows.push(record);
    if (rows.length % 500 === 0) await setImmediate();
    if (rows.length > IMPORT_MAX_ROWS + 20) break;
  }
  return rows;
}

/** Reads the upload into an import table (heading row found, banner rows skipped). */
export async function readImportFile(
  bytes: Uint8Array,
  format: ImportFormat,
): Promise<ImportTable> {
  const rows = format === 'xlsx' ? await xlsxRows(bytes) : await csvRows(decodeUtf8(bytes));
  return readTable(rows, IMPORT_MAX_ROWS);
}
