/** The refusals of a plan-import file as a whole (it cannot be read, or it is larger than allowed). */

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

/**
 * Cell text as imported: trimmed; an apostrophe the export put before = + - @ (so a spreadsheet
 * would not run it) is taken off again. Nothing is ever evaluated.
 */
export function cellText(raw: string): string {
  const value = raw.replace(/^\uFEFF/, '').trim();
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
