/** Plan imports: the upload, the job that checks and commits it, and its report. */
import { z } from 'zod';
import { IMPORT_COLUMNS } from '../plans/import-table.js';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const IMPORT_STATUSES = [
  'queued',
  'validating',
  'validated',
  'failed',
  'committing',
  'committed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Largest file accepted (bytes). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Most rows one file may hold. */
export const IMPORT_MAX_ROWS = 50_000;

/** The upload as JSON (what the web app sends): the file's bytes in base64. */
export const importUpload = z
  .object({
    fileName: z.string().trim().min(1, 'give the file name').max(255),
    content: z
      .string()
      .min(1, 'the file is empty')
      .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4, 'the file is larger than 20 MB')
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be the file encoded in base64'),
  })
  .strict();

/** Query of a raw upload (body: the file itself as text/csv, XLSX or octet-stream). */
export const importUploadQuery = z
  .object({ fileName: z.string().trim().min(1).max(255).optional() })
  .strict();

const column = z.enum(IMPORT_COLUMNS);
const issue = z.object({ column: column.nullable(), message: z.string() });

export const importRowOut = z.object({
  row: z.number().int(),
  code: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  finalCode: z.string().nullable(),
  title: z.string().nullable(),
  changes: z.array(z.object({ column, from: z.string(), to: z.string() })),
  errors: z.array(issue),
  warnings: z.array(issue),
});
export type ImportRow = z.infer<typeof importRowOut>;

export const importCountsOut = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});

export const importJobOut = z.object({
  id: z.string(),
  planId: z.string(),
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  status: z.enum(IMPORT_STATUSES),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Why the job failed (a file that cannot be read, a plan that changed meanwhile). */
  failure: z.string().nullable(),
  /** Known once the dry run is done. */
  counts: importCountsOut.nullable(),
  /** Headings of the file that are not import columns (ignored). */
  ignoredHeadings: z.array(z.string()),
  /** One page of the report, rows with errors first, then changes, then the rest. */
  rows: z.array(importRowOut),
  rowsPage: z.object({
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportJob = z.infer<typeof importJobOut>;

export const importJobQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
    only: z.enum(['all', 'errors', 'changes']).default('all'),
  })
  .strict();

/** GET /plans/:id/imports — may the reader import into this plan, and their recent imports. */
export const planImportsOut = z.object({
  abilities: z.object({ import: z.boolean() }),
  items: z.array(importJobOut.omit({ rows: true, rowsPage: true, ignoredHeadings: true })),
});
