/**
 * The rows of an XLSX workbook's import sheet, read as a stream with caps on everything: the ZIP's
 * declared sizes are checked first (zip-guard.ts), every part is inflated with its output counted,
 * and while the XML streams by, the row count, the length of each cell and of each shared string
 * and the number of columns are capped — the reading stops at the first cap passed, long before
 * the rest of the file is unpacked. Formula cells are read as their formula text and never
 * evaluated; date-formatted numbers become the day they show (YYYY-MM-DD), as Excel shows them,
 * and numbers with a fixed number of decimals keep them (a code typed 1.10 in a "0.00" cell is
 * 1.10, not 1.1). Horizontal merges (banners across the table) are read after the rows.
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

/** Decimals a number format always shows ("0.00", "#,##0.0"), or null for any other format. */
function fixedDecimals(code: string): number | null {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '');
  const m = /^[#,0]*0(?:\.(0+))?$/.exec(bare.trim());
  return m ? (m[1]?.length ?? 0) : null;
}
/** Built-in number formats with fixed decimals: 2 "0.00", 4 "#,##0.00". */
const BUILTIN_DECIMALS = new Map([
  [1, 0],
  [2, 2],
  [3, 0],
  [4, 2],
]);

/** "B7" → [row 7, column 1 (0-based)]. */
function cellRef(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/i.exec(ref.replace(/\$/g, ''));
  return m ? [Number(m[2]), columnIndex(m[1]!)] : [0, -1];
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

  // Styles: which cell formats show a date, and which a fixed number of decimals.
  const dateStyles = new Set<number>();
  const decimalStyles = new Map<number, number>();
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
      const decimals = code !== undefined ? fixedDecimals(code) : BUILTIN_DECIMALS.get(id);
      if (decimals !== undefined && decimals !== null && decimals > 0) {
        decimalStyles.set(index, decimals);
      }
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
  const merges: [number, number, number, number][] = [];
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
        if (dateStyles.has(style)) return serialToDay(n, date1904);
        const decimals = decimalStyles.get(style);
        return decimals !== undefined && decimals <= 15 ? n.toFixed(decimals) : String(n);
      }
    }
  };
  await parse(
    sheetPath,
    {
      open(name, a) {
        switch (name) {
          case 'mergeCell': {
            const [from, to] = (a.ref ?? '').split(':');
            if (from && to && merges.length < 10_000) {
              const [r1, c1] = cellRef(from);
              const [r2, c2] = cellRef(to);
              if (c2 > c1 && c1 >= 0) merges.push([r1, r2, c1, c2]);
            }
            break;
          }
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
          case 'mergeCells':
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
  if (merges.length) {
    const byRow = new Map(rows.map((r) => [r.row, r]));
    for (const [r1, r2, c1, c2] of merges) {
      for (let r = r1; r <= r2 && r - r1 < 100; r++) {
        const row = byRow.get(r);
        if (row) (row.merges ??= []).push([c1, c2]);
      }
    }
  }
  return rows;
}

const broken = () =>
  new ImportFileError(
    'The XLSX file could not be opened. Save it again from Excel or LibreOffice, or upload it as CSV UTF-8.',
  );
