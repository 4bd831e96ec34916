/**
 * Finding the table in a sheet as a ministry lays it out: a title row or two, a heading of one
 * row or of two (a merged group heading over "Носилац | Партнери"), chapter or objective banners
 * merged across the table ("ПОГЛАВЉЕ 2: …", "1.1 Циљ …"), the rows, and footnotes under them.
 * Each decision is kept so the dry run can list it ("Row 3: taken as the heading"). Pure.
 */
import { cellText, ImportFileError, tooManyRows } from './import-errors.js';
import {
  columnLetter,
  columnOfHeading,
  foldHeading,
  type HeadingMapping,
  type ImportColumn,
} from './import-headings.js';

/** A row of the file: its row number in the spreadsheet (1-based) and its cells as text. */
export interface SourceRow {
  row: number;
  cells: string[];
  /** XLSX: the horizontal merges on this row, as [first, last] 0-based column indexes. */
  merges?: [number, number][];
}

/** A column of the file as the dry run shows it: its letter, its heading, and what it feeds. */
export interface HeadingInfo {
  index: number;
  letter: string;
  /** The heading as written (both rows of a two-row heading, joined). */
  text: string;
  /** The folded heading: the key a remembered mapping uses. */
  key: string;
  column: ImportColumn | null;
  /** Known heading, the plan's remembered mapping, ignored by the mapping, or not understood. */
  source: 'recognised' | 'mapped' | 'ignored' | 'unknown';
}

export type LayoutDecisionKind = 'title' | 'heading' | 'banner' | 'footnote' | 'serial';

/** One thing the reader decided about the sheet's layout. */
export interface LayoutDecision {
  row: number;
  kind: LayoutDecisionKind;
  /** The last row of a two-row heading. */
  toRow?: number;
  /** A banner's code (given or numbered), or the column letter of running numbers. */
  code?: string;
  /** Whether a banner's code was numbered by the reader (the banner had none). */
  numbered?: boolean;
  /** A banner: 'chapter' (top level) or 'item' (below). */
  level?: 'chapter' | 'item';
  message: string;
}

export interface TableRow {
  row: number;
  values: Partial<Record<ImportColumn, string>>;
  /** A banner row: only its code and title are read; its other columns keep what the plan has. */
  banner?: boolean;
}

/** What a table yields once its heading row is found. */
export interface ImportTable {
  /** Column → index in `cells`; only the columns the file has. */
  columns: Partial<Record<ImportColumn, number>>;
  /** Headings that matched no import column (e.g. the export's "Progress %"): ignored. */
  ignoredHeadings: string[];
  rows: TableRow[];
  /** Every headed column of the file (absent for tables built by hand in tests). */
  headings?: HeadingInfo[];
  decisions?: LayoutDecision[];
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
/** "Marking: NATO UNCLASSIFIED …": the banner rows the export and the template carry. */
const isMarking = (cells: string[]) =>
  /^(marking|oznaka|ознака)\s*:/i.test((cells.find((c) => c.trim() !== '') ?? '').trim());
/** "* …", "¹ …", "1) …", "Напомена: …", "Извор: …": a note under the table. */
const FOOTNOTE =
  /^(\*|[\u00b9\u00b2\u00b3\u2070-\u2079]|\(?\d{1,2}\)\s|(napomena|напомена|note|nb|izvor|извор|source|fusnota|фуснота)\s*[:.])/iu;
/** A banner's code before its title: "ПОГЛАВЉЕ 2:", "Chapter II –", "1.1", "3." … */
const BANNER_CODE =
  /^(?:(?:poglavlje|поглавље|chapter|oblast|област|glava|глава|cilj|циљ|objective|tema|тема|deo|део|part)\s+)?(\d+(?:\.\d+)*|[IVX]{1,5})(?=[\s.:)–-])[.:)]?\s*(?:[–—:-]\s*)?/iu;
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i]!.toUpperCase()]!;
    const next = ROMAN[(text[i + 1] ?? '').toUpperCase()] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** The distinct non-empty values of a row, with the index of the first. */
function onlyValue(cells: string[]): { index: number; text: string } | null {
  let found: { index: number; text: string } | null = null;
  for (const [index, raw] of cells.entries()) {
    const text = cellText(raw);
    if (text === '') continue;
    if (found && found.text !== text) return null;
    found ??= { index, text };
  }
  return found;
}

interface Heading {
  headings: HeadingInfo[];
  columns: Partial<Record<ImportColumn, number>>;
  score: number;
}

function recognise(texts: string[][], mapping: HeadingMapping): Heading {
  const headings: HeadingInfo[] = [];
  const columns: Partial<Record<ImportColumn, number>> = {};
  const width = Math.max(...texts.map((t) => t.length));
  for (let index = 0; index < width; index++) {
    // The lower row's own heading first (under a merged group heading), then the upper, then both.
    const parts = texts.map((t) => cellText(t[index] ?? '')).filter((t) => t !== '');
    if (parts.length === 0) continue;
    const candidates = [...[...parts].reverse(), ...(parts.length > 1 ? [parts.join(' ')] : [])];
    let chosen: HeadingInfo | null = null;
    for (const text of candidates) {
      const key = foldHeading(text);
      const mapped = mapping[key];
      if (mapped) {
        chosen = {
          index,
          letter: columnLetter(index),
          text,
          key,
          column: mapped === 'ignore' ? null : mapped,
          source: mapped === 'ignore' ? 'ignored' : 'mapped',
        };
        break;
      }
      const column = columnOfHeading(text);
      if (column) {
        chosen = { index, letter: columnLetter(index), text, key, column, source: 'recognised' };
        break;
      }
    }
    const text = parts.join(' ');
    chosen ??= {
      index,
      letter: columnLetter(index),
      text,
      key: foldHeading(text),
      column: null,
      source: 'unknown',
    };
    if (chosen.column && columns[chosen.column] !== undefined) {
      chosen = { ...chosen, column: null, source: 'unknown' };
    }
    if (chosen.column) columns[chosen.column] = index;
    headings.push(chosen);
  }
  return { headings, columns, score: Object.keys(columns).length };
}

const namesTitle = (h: Heading) =>
  h.columns.titleEn !== undefined ||
  h.columns.titleSr !== undefined ||
  h.columns.code !== undefined;

/**
 * Finds the heading among the first 20 rows: the row — or two adjacent rows read together — that
 * names the most import columns (a title or the code among them). Two rows are taken only when
 * they name more columns than the upper row alone.
 */
function findHeading(rows: SourceRow[], mapping: HeadingMapping) {
  let best: { at: number; depth: 1 | 2; heading: Heading } | null = null;
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const cells = rows[i]!.cells;
    if (isMarking(cells) || isBlank(cells)) continue;
    const single = recognise([cells], mapping);
    let pick: { depth: 1 | 2; heading: Heading } = { depth: 1, heading: single };
    const below = rows[i + 1];
    if (below && below.row === rows[i]!.row + 1 && !isMarking(below.cells)) {
      const double = recognise([cells, below.cells], mapping);
      if (double.score > single.score) pick = { depth: 2, heading: double };
    }
    if (!namesTitle(pick.heading)) continue;
    if (!best || pick.heading.score > best.heading.score) best = { at: i, ...pick };
  }
  return best;
}

/**
 * Finds the heading row (or two), then maps the rows below it: marking and blank rows skipped,
 * banners taken as chapter or objective rows, footnotes ignored, every decision listed.
 * `mapping` is the plan's remembered choices for headings the reader does not know.
 */
export function readTable(
  rows: SourceRow[],
  maxRows = 50_000,
  mapping: HeadingMapping = {},
): ImportTable {
  const found = findHeading(rows, mapping);
  if (!found) {
    throw new ImportFileError(
      'No heading row was found. The first row (after the marking) must name the columns, e.g. "Code", "Parent code", "Title (English)" — download the template to see them.',
    );
  }
  const decisions: LayoutDecision[] = [];
  for (const source of rows.slice(0, found.at)) {
    if (isBlank(source.cells) || isMarking(source.cells)) continue;
    decisions.push({
      row: source.row,
      kind: 'title',
      message: `Row ${source.row}: above the heading (a title), ignored`,
    });
  }
  const headRow = rows[found.at]!.row;
  decisions.push(
    found.depth === 2
      ? {
          row: headRow,
          toRow: headRow + 1,
          kind: 'heading',
          message: `Rows ${headRow}–${headRow + 1}: taken as the heading (two rows)`,
        }
      : { row: headRow, kind: 'heading', message: `Row ${headRow}: taken as the heading` },
  );
  const { columns, headings } = found.heading;
  const titleColumn: ImportColumn | null =
    columns.titleSr !== undefined ? 'titleSr' : columns.titleEn !== undefined ? 'titleEn' : null;
  const out: TableRow[] = [];
  let banner: { code: string; depth: number } | null = null;
  let topLevel = 0;
  let serialNoted = false;
  for (const source of rows.slice(found.at + found.depth)) {
    if (isBlank(source.cells) || isMarking(source.cells)) continue;
    const only = onlyValue(source.cells);
    if (only && FOOTNOTE.test(only.text)) {
      decisions.push({
        row: source.row,
        kind: 'footnote',
        message: `Row ${source.row}: footnote, ignored`,
      });
      continue;
    }
    const merged = (source.merges ?? []).some(([a, b]) => a <= only!.index && b > a);
    // A banner: one text across the row — merged (XLSX), or (CSV) in the table's first column,
    // where it is words, not a code or a number.
    const firstColumn = Math.min(...headings.map((h) => h.index));
    const bannerLike =
      only !== null &&
      titleColumn !== null &&
      (merged ||
        (only.index === firstColumn &&
          only.index !== columns[titleColumn] &&
          !/^[\d.,\s]+$/.test(only.text) &&
          (only.text.match(/\p{L}/gu) ?? []).length >= 3));
    if (only && bannerLike) {
      const match = BANNER_CODE.exec(only.text);
      const given = match?.[1];
      const code = given
        ? /^[IVX]+$/i.test(given)
          ? String(romanValue(given))
          : given
        : String(topLevel + 1);
      const depth = code.split('.').length - 1;
      if (depth === 0) topLevel = Number(code);
      const title = (match ? only.text.slice(match[0].length) : only.text).trim() || only.text;
      banner = { code, depth };
      out.push({ row: source.row, banner: true, values: { code, [titleColumn]: title } });
      decisions.push({
        row: source.row,
        kind: 'banner',
        code,
        numbered: !given,
        level: depth === 0 ? 'chapter' : 'item',
        message: `Row ${source.row}: ${depth === 0 ? `chapter banner → chapter ${code}` : `banner → item ${code}`}${given ? '' : ' (numbered in order)'}`,
      });
      continue;
    }
    const values: Partial<Record<ImportColumn, string>> = {};
    for (const [column, index] of Object.entries(columns) as [ImportColumn, number][]) {
      values[column] = cellText(source.cells[index] ?? '');
    }
    if (banner && !values.parentCode) {
      const code = values.code ?? '';
      if (code === '' || !code.startsWith(`${banner.code}.`)) {
        // Under a banner, a code that is not the banner's own numbering is a running number.
        if (code !== '' && !serialNoted && columns.code !== undefined) {
          serialNoted = true;
          const h = headings.find((x) => x.index === columns.code)!;
          decisions.push({
            row: source.row,
            kind: 'serial',
            code: h.letter,
            message: `Column ${h.letter} «${h.text}» holds running numbers, not codes: rows are numbered under their banner`,
          });
        }
        values.code = '';
        values.parentCode = banner.code;
      }
    }
    out.push({ row: source.row, values });
    if (out.length > maxRows) throw tooManyRows(maxRows);
  }
  return {
    columns,
    ignoredHeadings: headings.filter((h) => h.column === null).map((h) => h.text),
    rows: out,
    headings,
    decisions,
  };
}
