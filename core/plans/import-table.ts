/**
 * Reading a plan-import file into plain rows of text: a small RFC 4180 CSV reader (UTF-8 with or
 * without BOM, `,` or `;` separator — Serbian Excel writes `;`), the column headings a person may
 * write (English, Serbian, the export's own), and the cell rules shared with XLSX: a formula is
 * read as its text and never evaluated, the apostrophe the export puts before = + - @ is dropped.
 * Pure: no I/O, runs on the server and in the browser.
 */

/** The columns of a plan import, in template order. */
export const IMPORT_COLUMNS = [
  'code',
  'parentCode',
  'level',
  'titleEn',
  'titleSr',
  'descriptionEn',
  'descriptionSr',
  'status',
  'startOn',
  'dueOn',
  'leadOrganisation',
  'partnerOrganisations',
  'weight',
  'budgetAmount',
  'budgetCurrency',
  'fundingSource',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Headings written in the template (English), the Serbian one, then other accepted spellings. */
export const COLUMN_HEADINGS: Record<ImportColumn, { en: string; sr: string; aliases: string[] }> =
  {
    code: { en: 'Code', sr: 'Šifra', aliases: ['kod', 'oznaka'] },
    parentCode: { en: 'Parent code', sr: 'Šifra nadređene', aliases: ['parent', 'nadređena'] },
    level: { en: 'Level', sr: 'Nivo', aliases: ['depth'] },
    titleEn: { en: 'Title (English)', sr: 'Naziv (engleski)', aliases: ['title en', 'title'] },
    titleSr: { en: 'Title (Serbian)', sr: 'Naziv (srpski)', aliases: ['title sr', 'naziv'] },
    descriptionEn: {
      en: 'Description (English)',
      sr: 'Opis (engleski)',
      aliases: ['description en', 'description'],
    },
    descriptionSr: { en: 'Description (Serbian)', sr: 'Opis (srpski)', aliases: ['opis'] },
    status: { en: 'Status', sr: 'Status', aliases: ['stanje'] },
    startOn: { en: 'Start', sr: 'Početak', aliases: ['start on', 'start date'] },
    dueOn: { en: 'Due', sr: 'Rok', aliases: ['due on', 'due date', 'deadline'] },
    leadOrganisation: {
      en: 'Lead organisation',
      sr: 'Nosilac',
      aliases: ['lead', 'lead organization', 'vodeća institucija'],
    },
    partnerOrganisations: {
      en: 'Partner organisations',
      sr: 'Partneri',
      aliases: ['partners', 'partner organizations', 'partnerske institucije'],
    },
    weight: { en: 'Weight', sr: 'Težina', aliases: ['ponder'] },
    budgetAmount: { en: 'Budget amount', sr: 'Iznos budžeta', aliases: ['budget', 'budžet'] },
    budgetCurrency: { en: 'Budget currency', sr: 'Valuta', aliases: ['currency'] },
    fundingSource: {
      en: 'Funding source',
      sr: 'Izvor finansiranja',
      aliases: ['funding', 'izvor'],
    },
  };

/** A row of the file: its row number in the spreadsheet (1-based) and its cells as text. */
export interface SourceRow {
  row: number;
  cells: string[];
}

/** What a table yields once its heading row is found. */
export interface ImportTable {
  /** Column → index in `cells`; only the columns the file has. */
  columns: Partial<Record<ImportColumn, number>>;
  /** Headings that matched no import column (e.g. the export's "Progress %"): ignored. */
  ignoredHeadings: string[];
  rows: { row: number; values: Partial<Record<ImportColumn, string>> }[];
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/**
 * A file refused because it is (or unpacks to) more than an import may read: too many bytes once
 * inflated, too many rows, a cell too long. The upload answers 413 when it is found up front.
 */
export class ImportLimitError extends ImportFileError {
  constructor(message: string) {
    super(message);
    this.name = 'ImportLimitError';
  }
}

/** Excel's own limit on the text of one cell; an import refuses longer cells. */
export const MAX_CELL_CHARS = 32_767;

/** The refusal of a file with more rows than an import takes. */
export function tooManyRows(maxRows: number): ImportLimitError {
  return new ImportLimitError(
    `The file has more than ${maxRows.toLocaleString('en')} rows; split it into smaller files.`,
  );
}

function cellTooLong(row: number, column: number, maxCell: number): ImportLimitError {
  return new ImportLimitError(
    `Row ${row}, column ${column} holds more than ${maxCell.toLocaleString('en')} characters (the most a spreadsheet cell may hold); shorten it.`,
  );
}

/** Lower case, no diacritics, single spaces, no punctuation: how headings and names are compared. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'dj')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

const HEADING_INDEX = (() => {
  const map = new Map<string, ImportColumn>();
  for (const column of IMPORT_COLUMNS) {
    const h = COLUMN_HEADINGS[column];
    for (const name of [column, h.en, h.sr, ...h.aliases]) map.set(foldName(name), column);
  }
  return map;
})();

/** The import column a heading names, if any. */
export function columnOfHeading(heading: string): ImportColumn | undefined {
  return HEADING_INDEX.get(foldName(heading));
}

/**
 * Cell text as imported: trimmed; an apostrophe the export put before = + - @ (so a spreadsheet
 * would not run it) is taken off again. Nothing is ever evaluated.
 */
export function cellText(raw: string): string {
  const value = raw.replace(/^\uFEFF/, '').trim();
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
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

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
/** "Marking: NATO UNCLASSIFIED …": the banner rows the export and the template carry. */
const isBanner = (cells: string[]) => /^(marking|oznaka|ознака)\s*:/i.test((cells[0] ?? '').trim());

/**
 * Finds the heading row (the first of the first 10 non-banner rows that names a title column or
 * the code column) and maps the rows below it. Banner rows and blank rows are skipped.
 */
export function readTable(rows: SourceRow[], maxRows = 50_000): ImportTable {
  let headingAt = -1;
  let columns: Partial<Record<ImportColumn, number>> = {};
  let ignoredHeadings: string[] = [];
  for (let i = 0; i < Math.min(rows.length, 10) && headingAt < 0; i++) {
    const cells = rows[i]!.cells;
    if (isBanner(cells) || isBlank(cells)) continue;
    const found: Partial<Record<ImportColumn, number>> = {};
    const ignored: string[] = [];
    cells.forEach((heading, index) => {
      const column = columnOfHeading(cellText(heading));
      if (column && found[column] === undefined) found[column] = index;
      else if (cellText(heading) !== '') ignored.push(cellText(heading));
    });
    if (found.titleEn !== undefined || found.titleSr !== undefined || found.code !== undefined) {
      headingAt = i;
      columns = found;
      ignoredHeadings = ignored;
    }
  }
  if (headingAt < 0) {
    throw new ImportFileError(
      'No heading row was found. The first row (after the marking) must name the columns, e.g. "Code", "Parent code", "Title (English)" — download the template to see them.',
    );
  }
  const out: ImportTable['rows'] = [];
  for (const source of rows.slice(headingAt + 1)) {
    if (isBlank(source.cells) || isBanner(source.cells)) continue;
    const values: Partial<Record<ImportColumn, string>> = {};
    for (const [column, index] of Object.entries(columns) as [ImportColumn, number][]) {
      values[column] = cellText(source.cells[index] ?? '');
    }
    out.push({ row: source.row, values });
    if (out.length > maxRows) throw tooManyRows(maxRows);
  }
  return { columns, ignoredHeadings, rows: out };
}
