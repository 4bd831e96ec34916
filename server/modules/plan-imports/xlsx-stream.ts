/**
 * The rows of an XLSX workbook's import sheet, read as a stream with caps on everything: the ZIP's
 * declared sizes are checked first (zip-guard.ts), every part is inflated with its output counted,
 * and while the XML streams by, the row count, the length of each cell and of each shared string
 * and the number of columns are capped — the reading stops at the first cap passed, long before
 * the rest of the file is unpacked. Formula cells are read as their formula text and never
 * evaluated; date-formatted numbers become the day they show (YYYY-MM-DD), as Excel shows them.
 */
import { posix } from 'node:path';
import {
  ImportFileError,
  ImportLimitError,
  MAX_CELL_CHARS,
  tooManyRows,
  type SourceRow,
} from '../../../core/plans/import-table.js';
import { IMPORT_MAX_ROWS } from '../../../core/schemas/plan-import.js';
import { XmlStream, type XmlHandler } from './xml-stream.js';
import {
  DEFAULT_ZIP_LIMITS,
  inspectZip,
  readEntry,
  tooLarge,
  type ZipLimits,
} from './zip-guard.js';

export interface XlsxLimits extends ZipLimits {
  /** Most data rows (the reading stops a few rows past it: heading and banners come on top). */
  maxRows: number;
  /** Most characters in one cell or one shared string. */
  maxCell: number;
  /** Columns past this one are refused (a real import sheet uses about twenty). */
  maxColumns: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxRows: IMPORT_MAX_ROWS,
  maxCell: MAX_CELL_CHARS,
  maxColumns: 256,
};

/** Sheets the template adds for drop-down lists: never the one imported. */
const LIST_SHEET = /^(lists|liste|листе)$/i;

/** Built-in number formats that show a date or time. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** An Excel serial day as the calendar day it shows (as exceljs reads it). */
function serialToDay(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

/** "BC12" → 54 (0-based column index). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

const longText = (maxCell: number) =>
  new ImportLimitError(
    `The workbook holds a text of more than ${maxCell.toLocaleString('en')} characters (the most a spreadsheet cell may hold); shorten it or split the file.`,
  );

/** Reads the import sheet's rows. Throws ImportFileError / ImportLimitError with advice. */
export async function readXlsxRows(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<SourceRow[]> {
  const entries = new Map(
    inspectZip(bytes, limits).map((e) => [e.name.replace(/^\/+/, ''), e] as const),
  );
  /** What may still be inflated, whatever the parts declare. */
  let budget = limits.maxExpandedBytes;

  /** Streams one part through `handler`; `stop()` true ends the reading early. */
  async function parse(name: string, handler: XmlHandler, stop: () => boolean = () => false) {
    const entry = entries.get(name);
    if (!entry) return false;
    const decoder = new TextDecoder('utf-8');
    const xml = new XmlStream(handler);
    for await (const chunk of readEntry(bytes, entry, budget, limits.maxExpandedBytes)) {
      budget -= chunk.length;
      if (budget < 0) throw tooLarge(limits.maxExpandedBytes);
      xml.write(decoder.decode(chunk, { stream: true }));
      if (stop()) return true;
    }
    xml.write(decoder.decode());
    xml.end();
    return true;
  }

  /** Relationship id → part path, resolved against the part the relationships belong to. */
  async function relationships(of: string) {
    const dir = posix.dirname(of);
    const relsPath = posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(of)}.rels`);
    const rels: { id: string; type: string; target: string }[] = [];
    await parse(relsPath, {
      open(name, a) {
        if (name !== 'Relationship' || !a.Target || a.TargetMode === 'External') return;
        const target = a.Target.startsWith('/')
          ? a.Target.slice(1)
          : posix.normalize(posix.join(dir === '.' ? '' : dir, a.Target));
        rels.push({ id: a.Id ?? '', type: a.Type ?? '', target });
      },
      close() {},
      text() {},
    });
    return rels;
  }

  const root = await relationships('');
  const workbookPath =
    root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  const hasWorkbook = await parse(workbookPath, {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', rid: a.id ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close() {},
    text() {},
  });
  if (!hasWorkbook) throw broken();
  const rels = await relationships(workbookPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const chosen = sheets.find((s) => !LIST_SHEET.test(s.name)) ?? sheets[0];
  const sheetPath = chosen ? byId.get(chosen.rid)?.target : undefined;
  if (!sheetPath || !entries.has(sheetPath))
    throw new ImportFileError('The workbook has no sheet.');

  // Shared strings: each capped at maxCell characters; all of them at the part's counted size.
  const strings: string[] = [];
  const sharedPath =
    rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  {
    let inSi = false;
    let inT = false;
    let phonetic = 0;
    let current = '';
    await parse(sharedPath, {
      open(name) {
        if (name === 'si') {
          inSi = true;
          current = '';
        } else if (name === 'rPh') phonetic++;
        else if (name === 't' && inSi && phonetic === 0) inT = true;
      },
      close(name) {
        if (name === 't') inT = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          strings.push(current);
          inSi = false;
        }
      },
      text(text) {
        if (!inT) return;
        if (current.length + text.length > limits.maxCell) throw longText(limits.maxCell);
        current += text;
      },
    });
  }

  // Styles: which cell formats show a date.
  const dateStyles = new Set<number>();
  {
    const custom = new Map<number, string>();
    const xfFormats: number[] = [];
    let inCellXfs = false;
    const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target ?? 'xl/styles.xml';
    await parse(stylesPath, {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
    xfFormats.forEach((id, index) => {
      const code = custom.get(id);
      if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dateStyles.add(index);
    });
  }

  // The sheet, row by row.
  const rows: SourceRow[] = [];
  const sharedFormulas = new Map<string, string>();
  let rowNumber = 0;
  let cells: string[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let formula: string | null = null;
  let sharedIndex: string | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  let finished = false;
  const append = (text: string) => {
    if (capture === 'f') {
      formula = (formula ?? '') + text;
      if (formula.length > limits.maxCell) throw longText(limits.maxCell);
    } else {
      if (value.length + text.length > limits.maxCell) {
        throw new ImportLimitError(
          `Row ${rowNumber}, column ${column + 1} holds more than ${limits.maxCell.toLocaleString('en')} characters (the most a spreadsheet cell may hold); shorten it.`,
        );
      }
      value += text;
    }
  };
  const cellText = (): string => {
    if (formula !== null && formula !== '') return `=${formula}`;
    switch (type) {
      case 's':
        return strings[Number(value)] ?? '';
      case 'b':
        return value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
      case 'str':
      case 'inlineStr':
        return value;
      case 'd':
        return value.slice(0, 10);
      default: {
        if (value.trim() === '') return '';
        const n = Number(value);
        if (Number.isNaN(n)) return value;
        return dateStyles.has(style) ? serialToDay(n, date1904) : String(n);
      }
    }
  };
  await parse(
    sheetPath,
    {
      open(name, a) {
        switch (name) {
          case 'row':
            rowNumber = a.r ? Number(a.r) : rowNumber + 1;
            cells = [];
            column = -1;
            break;
          case 'c':
            column = a.r ? columnIndex(a.r) : column + 1;
            if (column >= limits.maxColumns) {
              throw new ImportLimitError(
                `Row ${rowNumber} uses more than ${limits.maxColumns} columns; keep only the import's columns in the sheet.`,
              );
            }
            type = a.t ?? 'n';
            style = Number(a.s ?? 0);
            value = '';
            formula = null;
            sharedIndex = null;
            break;
          case 'v':
            capture = 'v';
            break;
          case 'f':
            capture = 'f';
            formula = '';
            sharedIndex = a.t === 'shared' && a.si !== undefined ? a.si : null;
            break;
          case 'is':
            inInline = true;
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            if (inInline && phonetic === 0) capture = 't';
            break;
        }
      },
      close(name) {
        switch (name) {
          case 'v':
          case 't':
            capture = null;
            break;
          case 'f':
            capture = null;
            if (sharedIndex !== null) {
              if (formula) sharedFormulas.set(sharedIndex, formula);
              else formula = sharedFormulas.get(sharedIndex) ?? '';
            }
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c':
            if (column >= 0) cells[column] = cellText();
            break;
          case 'row':
            if (cells.some((c) => c !== undefined && c !== '')) {
              for (let i = 0; i < cells.length; i++) cells[i] ??= '';
              rows.push({ row: rowNumber, cells });
              // Heading and banner rows come on top of the data rows readTable counts.
              if (rows.length > limits.maxRows + 20) throw tooManyRows(limits.maxRows);
            }
            break;
          case 'sheetData':
            finished = true;
            break;
        }
      },
      text(text) {
        if (capture) append(text);
      },
    },
    () => finished,
  );
  return rows;
}

const broken = () =>
  new ImportFileError(
    'The XLSX file could not be opened. Save it again from Excel or LibreOffice, or upload it as CSV UTF-8.',
  );
