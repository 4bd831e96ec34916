/**
 * An uploaded file → rows of text, never trusting the file. The parsing runs in a worker thread
 * with memory limits (`resourceLimits`) and a time limit, so a hostile or broken file can cost the
 * worker its life but never the server its memory or its event loop. Before any parsing, on upload,
 * an XLSX file's ZIP directory is checked against the caps and its parts inflated with their output
 * counted (checkImportFile: a bomb gets a 413 at once); inside the worker every part is inflated
 * with its output counted again and rows, cells and shared strings are capped while they stream
 * (xlsx-stream.ts). Formula cells are read as their
 * formula text and never evaluated.
 */
import { Worker } from 'node:worker_threads';
import {
  csvRecords,
  decodeUtf8,
  ImportFileError,
  ImportLimitError,
  readTable,
  tooManyRows,
  type HeadingMapping,
  type ImportTable,
  type SourceRow,
} from '../../../core/plans/import-table.js';
import { IMPORT_MAX_ROWS } from '../../../core/schemas/plan-import.js';
import type { Config } from '../../config.js';
import { DEFAULT_XLSX_LIMITS, readXlsxRows, type XlsxLimits } from './xlsx-stream.js';
import { inspectZip, readEntry } from './zip-guard.js';

export type ImportFormat = 'csv' | 'xlsx';

/** Caps on what one import file may cost. */
export interface ImportReadLimits extends XlsxLimits {
  /** Heap of the worker that reads the file (V8 old generation), in MB. */
  workerMemoryMb: number;
  /** The worker is stopped after this long. */
  timeoutMs: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportReadLimits = {
  ...DEFAULT_XLSX_LIMITS,
  workerMemoryMb: 256,
  timeoutMs: 60_000,
};

/** The caps the configuration sets (LIAISON_IMPORT_*), the rest at their defaults. */
export function importLimitsOf(config: Config): ImportReadLimits {
  return {
    ...DEFAULT_IMPORT_LIMITS,
    maxExpandedBytes: config.imports.maxExpandedMb * 1024 * 1024,
    workerMemoryMb: config.imports.workerMemoryMb,
    timeoutMs: config.imports.timeoutSeconds * 1000,
  };
}

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

/**
 * The checks made before any parsing, on upload: an XLSX whose ZIP directory declares more than the
 * caps is refused with ImportLimitError at once, and then every part is inflated with its output
 * counted and thrown away — zlib works on libuv's thread pool, the request thread only counts
 * 64 KB chunks — so a workbook that lies about its sizes is refused too, within a second or so. A
 * damaged archive passes here and fails in the dry run with its own message.
 */
export async function checkImportFile(
  bytes: Uint8Array,
  format: ImportFormat,
  limits: ImportReadLimits = DEFAULT_IMPORT_LIMITS,
): Promise<void> {
  if (format !== 'xlsx') return;
  try {
    let budget = limits.maxExpandedBytes;
    for (const entry of inspectZip(bytes, limits)) {
      for await (const chunk of readEntry(bytes, entry, budget, limits.maxExpandedBytes)) {
        budget -= chunk.length;
      }
    }
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
  }
}

function csvRows(text: string, limits: XlsxLimits): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const record of csvRecords(text, undefined, limits.maxCell)) {
    if (record.cells.length > limits.maxColumns) {
      throw new ImportLimitError(
        `Row ${record.row} has more than ${limits.maxColumns} columns; keep only the import's columns.`,
      );
    }
    rows.push(record);
    if (rows.length > limits.maxRows + 20) throw tooManyRows(limits.maxRows);
  }
  return rows;
}

/** Reads the file on the calling thread: only the import worker (and unit tests) call this. */
export async function parseImportFile(
  bytes: Uint8Array,
  format: ImportFormat,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
  mapping: HeadingMapping = {},
): Promise<ImportTable> {
  const rows =
    format === 'xlsx' ? await readXlsxRows(bytes, limits) : csvRows(decodeUtf8(bytes), limits);
  return readTable(rows, Math.min(limits.maxRows, IMPORT_MAX_ROWS), mapping);
}

/** What the import worker is given. */
export interface WorkerJob {
  bytes: Uint8Array;
  format: ImportFormat;
  limits: XlsxLimits;
  /** The plan's remembered choices for headings the reader does not know. */
  mapping: HeadingMapping;
  /** Rows per message back. */
  batch: number;
}

export type WorkerMessage =
  | { kind: 'rows'; rows: ImportTable['rows'] }
  | {
      kind: 'done';
      columns: ImportTable['columns'];
      ignoredHeadings: string[];
      headings: ImportTable['headings'];
      decisions: ImportTable['decisions'];
    }
  | { kind: 'failed'; message: string; known: boolean; limit: boolean };

/**
 * The worker script: from source (tsx, tests) a small starter that loads import-worker.ts through
 * tsx; in production the compiled `import-worker.js` next to the server bundle.
 */
function workerScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./import-worker-source.mjs', import.meta.url)
    : new URL('./import-worker.js', import.meta.url);
}

/**
 * At most this many files are read at once (each worker may take its full heap); more uploads
 * wait their turn, so a burst of them cannot add up to more memory than the machine has.
 */
export const MAX_IMPORT_WORKERS = 2;
let activeWorkers = 0;
const waitingForWorker: (() => void)[] = [];

/** How many import workers run now (for tests and metrics). */
export const importWorkersRunning = () => activeWorkers;

async function workerSlot(): Promise<() => void> {
  if (activeWorkers < MAX_IMPORT_WORKERS) activeWorkers++;
  else await new Promise<void>((resolve) => waitingForWorker.push(resolve)); // handed over
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waitingForWorker.shift();
    if (next) next();
    else activeWorkers--;
  };
}

const unreadable = (why: string) =>
  new ImportFileError(
    `The file could not be read: ${why} Split it into smaller files, or save it as CSV UTF-8 and upload that.`,
  );

/**
 * Reads the upload into an import table (heading row found, banner rows skipped) in a worker
 * thread with memory and time limits. Whatever happens to the worker — a cap passed, out of
 * memory, too slow, a crash — the promise rejects with an ImportFileError whose message a person
 * can act on; the process is never at risk. At most MAX_IMPORT_WORKERS run at once.
 */
export async function readImportFile(
  bytes: Uint8Array,
  format: ImportFormat,
  limits: ImportReadLimits = DEFAULT_IMPORT_LIMITS,
  mapping: HeadingMapping = {},
): Promise<ImportTable> {
  const release = await workerSlot();
  try {
    return await readInWorker(bytes, format, limits, mapping);
  } finally {
    release();
  }
}

function readInWorker(
  bytes: Uint8Array,
  format: ImportFormat,
  limits: ImportReadLimits,
  mapping: HeadingMapping,
): Promise<ImportTable> {
  const { workerMemoryMb, timeoutMs, ...caps } = limits;
  const job: WorkerJob = { bytes, format, limits: caps, mapping, batch: 2_000 };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), {
      workerData: job,
      resourceLimits: {
        maxOldGenerationSizeMb: workerMemoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.min(64, Math.floor(workerMemoryMb / 8))),
        codeRangeSizeMb: 64,
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    const rows: ImportTable['rows'] = [];
    let settled = false;
    const settle = (error: Error | null, table?: ImportTable) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(table!);
    };
    const timer = setTimeout(
      () =>
        settle(
          new ImportLimitError(
            `The file took more than ${Math.round(timeoutMs / 1000)} seconds to read; split it into smaller files, or save it as CSV UTF-8.`,
          ),
        ),
      timeoutMs,
    );
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'rows') {
        for (const row of message.rows) rows.push(row);
      } else if (message.kind === 'done') {
        settle(null, {
          columns: message.columns,
          ignoredHeadings: message.ignoredHeadings,
          headings: message.headings,
          decisions: message.decisions,
          rows,
        });
      } else if (message.limit) {
        settle(new ImportLimitError(message.message));
      } else if (message.known) {
        settle(new ImportFileError(message.message));
      } else {
        settle(unreadable('it is damaged or not a spreadsheet.'));
      }
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? unreadable('reading it needs more memory than an import may use.')
          : unreadable('it is damaged or not a spreadsheet.'),
      );
    });
    worker.once('exit', (code) => {
      settle(unreadable(`the reader stopped (exit code ${code}).`));
    });
  });
}
