/**
 * Reading a plan-import file into plain rows of text: a small RFC 4180 CSV reader (UTF-8 with or
 * without BOM, `,` or `;` separator — Serbian Excel writes `;`), the column headings a person may
 * write (English, Serbian, the export's own), and the cell rules shared with XLSX: a formula is
 * read as its text and never evaluated, the apostrophe the export puts before = + - @ is dropped.
 * Pure: no I/O, runs on the server and in the browser. Headings: import-headings.ts; finding the
 * table in a sheet: import-layout.ts.
 */
import { ImportFileError, ImportLimitError } from './import-errors.js';
import type { SourceRow } from './import-layout.js';

export {
  COLUMN_HEADINGS,
  IMPORT_COLUMNS,
  columnLetter,
  columnOfHeading,
  foldHeading,
  foldName,
  type HeadingMapping,
  type ImportColumn,
  type MappedField,
} from './import-headings.js';
export {
  readTable,
  type HeadingInfo,
  type ImportTable,
  type LayoutDecision,
  type SourceRow,
  type TableRow,
} from './import-layout.js';
export {
  cellText,
  ImportFileError,
  ImportLimitError,
  MAX_CELL_CHARS,
  tooManyRows,
} from './import-errors.js';

function cellTooLong(row: number, column: number, maxCell: number): ImportLimitError {
  return new ImportLimitError(
    `Row ${row}, column ${column} holds more than ${maxCell.toLocaleString('en')} characters (the most a spreadsheet cell may hold); shorten it.`,
  );
}

/** Decodes file bytes as UTF-8 (BOM or not); other encodings are refused with advice. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError(
      'The file is not UTF-8 text. In Excel choose "Save as" → "CSV UTF-8", or upload the XLSX file.',
    );
  }
}

/** The separator of a CSV text: a `sep=` line wins, otherwise the more frequent of `;` and `,`. */
export function detectSeparator(text: string): ';' | ',' {
  const sep = /^\uFEFF?sep=([;,])\r?\n/i.exec(text);
  if (sep) return sep[1] as ';' | ',';
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 10; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === '\n') lines++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : commas > 0 ? ',' : ';';
}

/**
 * RFC 4180 records: quoted fields may hold the separator, quotes ("" for one) and line breaks;
 * CRLF, LF and CR all end a record. Returns the records with their 1-based line number.
 */
export function parseCsv(input: string, separator?: ';' | ','): SourceRow[] {
  return [...csvRecords(input, separator)];
}

/**
 * The records of a CSV text one by one, so a caller can pause between slices of a large file. A
 * field longer than `maxCell` characters stops the reading with an ImportLimitError.
 */
export function* csvRecords(
  input: string,
  separator?: ';' | ',',
  maxCell = Number.POSITIVE_INFINITY,
): Generator<SourceRow> {
  let text = input.replace(/^\uFEFF/, '');
  const sep = separator ?? detectSeparator(text);
  let firstRow = 1;
  if (/^sep=[;,]\r?\n/i.test(text)) {
    text = text.replace(/^sep=[;,]\r?\n/i, '');
    firstRow = 2;
  }
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = firstRow;
  let rowStart = firstRow;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      field += ch;
      if (field.length > maxCell) throw cellTooLong(rowStart, cells.length + 1, maxCell);
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      i++;
      continue;
    }
    if (ch === sep) {
      cells.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      cells.push(field);
      field = '';
      yield { row: rowStart, cells };
      cells = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowStart = line;
      continue;
    }
    field += ch;
    if (field.length > maxCell) throw cellTooLong(rowStart, cells.length + 1, maxCell);
    i++;
  }
  if (quoted) {
    throw new ImportFileError(
      `A quoted cell that starts on line ${rowStart} is never closed: check the quotes (") in that line.`,
    );
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    yield { row: rowStart, cells };
  }
}
