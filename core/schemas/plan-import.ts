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
/** How a cell was read: `reading` names the rule (due: year, quarter_range, plan_year …; lead_split). */
const note = issue.extend({ reading: z.string(), from: z.string(), to: z.string() });

/** A field a column of the file may be mapped to in the dry run, or 'ignore'. */
export const importMappedField = z.enum([...IMPORT_COLUMNS, 'ignore']);
export type ImportMappedField = z.infer<typeof importMappedField>;

/** A column of the uploaded file: letter, heading as written, and the field it feeds. */
export const importHeadingOut = z.object({
  letter: z.string(),
  text: z.string(),
  /** The folded heading: the key a mapping is remembered under. */
  key: z.string(),
  column: column.nullable(),
  source: z.enum(['recognised', 'mapped', 'ignored', 'unknown']),
});

/** One decision about the sheet's layout ("Row 9: chapter banner → chapter 2"). */
export const importDecisionOut = z.object({
  row: z.number().int(),
  kind: z.enum(['title', 'heading', 'banner', 'footnote', 'serial']),
  toRow: z.number().int().optional(),
  code: z.string().optional(),
  numbered: z.boolean().optional(),
  level: z.enum(['chapter', 'item']).optional(),
  message: z.string(),
});
export type ImportDecision = z.infer<typeof importDecisionOut>;

/**
 * PUT /imports/:id/mapping — the importer's choice for headings the reader did not know (key: the
 * folded heading from `headings`), remembered for the plan; the job's dry run runs again with it.
 */
export const importMappingBody = z
  .object({
    mapping: z
      .record(z.string().trim().min(1).max(500), importMappedField)
      .refine((m) => Object.keys(m).length <= 256, 'at most 256 headings'),
  })
  .strict();

/** The plan's remembered mapping. */
export const importMappingOut = z.object({
  planId: z.string(),
  mapping: z.record(z.string(), importMappedField),
  updatedAt: z.string().nullable(),
});

/**
 * POST /imports/:id/organisations — create an institution a row names but the plan does not know,
 * then run the dry run again. Needs the right to create organisations.
 */
export const importOrganisationBody = z
  .object({
    name: z.string().trim().min(1, 'give the name').max(300),
    abbreviation: z.string().trim().max(50).nullable().optional(),
  })
  .strict();

export const importRowOut = z.object({
  row: z.number().int(),
  code: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  finalCode: z.string().nullable(),
  title: z.string().nullable(),
  changes: z.array(z.object({ column, from: z.string(), to: z.string() })),
  errors: z.array(issue),
  warnings: z.array(issue),
  notes: z.array(note).default([]),
  unknownOrganisations: z.array(z.string()).default([]),
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
  /** Every headed column of the file, with what it feeds (once the file was read). */
  headings: z.array(importHeadingOut),
  /** How the sheet's layout was read: heading rows, banners, footnotes. */
  decisions: z.array(importDecisionOut),
  /** Institutions rows name that the plan does not know (each offered to create). */
  unknownOrganisations: z.array(z.string()),
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
  items: z.array(
    importJobOut.omit({
      rows: true,
      rowsPage: true,
      ignoredHeadings: true,
      headings: true,
      decisions: true,
      unknownOrganisations: true,
    }),
  ),
});
