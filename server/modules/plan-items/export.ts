/**
 * Export of a plan's items (as the reader sees them, filtered) to CSV or XLSX. Every file carries
 * the banner of the highest label it contains; cells that a spreadsheet would run as a formula
 * (= + - @, tab, carriage return) are neutralised.
 */
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { bannerFor } from '../../../core/labels/banner.js';
import {
  EMPTY_PLAN_ITEM_FILTERS,
  matchesItemFilters,
  type PlanItemFilters,
} from '../../../core/plans/item-filters.js';
import { toLatin } from '../../../core/text/transliterate.js';
import type { RollupRule } from '../../../core/plans/rollup.js';
import type { PlanTreeNode } from '../../../core/schemas/plan.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { partnersOf, planItems } from './repository.js';
import { buildTree } from './tree.js';

/** The tree-table's filters (core/plans/item-filters.ts); what is left out does not filter. */
export type ExportFilters = Partial<PlanItemFilters>;

/** An item's searchable words, as the web reader may see them: English, Serbian in both scripts. */
function searchableText(n: PlanTreeNode): string {
  return [n.title.en, n.title.sr, n.title.sr ? toLatin(n.title.sr) : null]
    .filter(Boolean)
    .join(' ');
}

const COLUMNS = [
  'Code',
  'Title (English)',
  'Title (Serbian)',
  'Status',
  'Start',
  'Due',
  'Lead organisation',
  'Progress %',
  'Rule',
  'Marking',
];

/** Prefixes text a spreadsheet would evaluate, so a cell can never become a formula. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const safe = neutralise(value);
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** What a file prints for a lead organisation the reader may not see (neither name nor id). */
export const WITHHELD_ORGANISATION = 'an organisation you cannot see';

function flatten(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The rows and banner of an export, from the items the actor may read. */
export async function exportRows(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  filters: ExportFilters,
  today: string,
) {
  const levels = await db
    .selectFrom('plan_levels')
    .select('rollup_rule')
    .where('plan_id', '=', planId)
    .orderBy('depth')
    .execute();
  const items = await planItems(db, actor, planId);
  const partners = await partnersOf(
    db,
    items.map((i) => i.id),
  );
  const tree = buildTree(
    items,
    actor,
    partners,
    levels.map((l) => l.rollup_rule as RollupRule),
  );
  const organisationIds = [
    ...new Set(items.map((i) => i.lead_organisation_id).filter((x): x is string => Boolean(x))),
  ];
  // Only organisations the reader may see are named; another lead prints as a withheld one.
  const organisations = organisationIds.length
    ? await db
        .selectFrom('organisations as o')
        .select(['o.id', 'o.name_en', 'o.abbreviation_en'])
        .where('o.id', 'in', organisationIds)
        .where(visibleTo(actor, 'o'))
        .execute()
    : [];
  const levelNames = await db
    .selectFrom('marking_levels')
    .select(['policy_code', 'code', 'name_en'])
    .execute();
  const nameOf = (policy: string, level: string) =>
    levelNames.find((l) => l.policy_code === policy && l.code === level)?.name_en ?? level;
  // Filters left out (or sent as undefined) do not filter.
  const applied: PlanItemFilters = { ...EMPTY_PLAN_ITEM_FILTERS };
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) Object.assign(applied, { [key]: value });
  }
  const rows = flatten(tree).filter((n) => matchesItemFilters(n, applied, today, searchableText));
  const rank = new Map(items.map((i) => [i.id, i.label_rank]));
  const banner = bannerFor(
    rows.map((r) => ({
      policy: r.label.policy,
      level: r.label.level,
      rank: rank.get(r.id) ?? 0,
      releasableTo: r.label.releasableTo,
      levelName: nameOf(r.label.policy, r.label.level),
    })),
  );
  const leadOf = new Map(items.map((i) => [i.id, i.lead_organisation_id]));
  const lead = (itemId: string) => {
    const id = leadOf.get(itemId) ?? null;
    if (id === null) return '';
    const o = organisations.find((x) => x.id === id);
    return o ? (o.abbreviation_en ?? o.name_en ?? '') : WITHHELD_ORGANISATION;
  };
  const table = rows.map((r) => [
    r.code,
    r.title.en ?? '',
    r.title.sr ?? '',
    r.status,
    r.startOn ?? '',
    r.dueOn ?? '',
    lead(r.id),
    r.rollup.progress === null ? '' : String(r.rollup.progress),
    r.rollup.rule,
    nameOf(r.label.policy, r.label.level),
  ]);
  return { banner, table };
}

/** CSV for Serbian-locale Excel: UTF-8 BOM, semicolons, the banner first and last. */
export function toCsv(banner: string, table: string[][]): string {
  const lines = [[`Marking: ${banner}`], COLUMNS, ...table, [`Marking: ${banner}`]];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/**
 * XLSX with the banner in the page header and footer and in the first and last rows. exceljs is
 * loaded on first use (it costs ~17 MiB) and writes through its streaming writer, so a big plan is
 * not held as a whole workbook in memory.
 */
export async function toXlsx(banner: string, table: string[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const sheet = workbook.addWorksheet('Plan', {
    headerFooter: { oddHeader: `&C${banner}`, oddFooter: `&C${banner}` },
  });
  sheet.columns = [10, 50, 50, 20, 12, 12, 20, 10, 12, 20].map((width) => ({ width }));
  const bold = (values: string[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.commit();
  };
  bold([`Marking: ${banner}`]);
  bold(COLUMNS);
  for (const row of table) sheet.addRow(row.map(neutralise)).commit();
  bold([`Marking: ${banner}`]);
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportedFile {
  banner: string;
  body: Buffer;
}

/** The whole export on the calling thread: read, filter, render. */
export async function exportPlan(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  filters: ExportFilters,
  format: ExportFormat,
  today: string,
): Promise<ExportedFile> {
  const { banner, table } = await exportRows(db, actor, planId, filters, today);
  const body =
    format === 'csv' ? Buffer.from(toCsv(banner, table), 'utf8') : await toXlsx(banner, table);
  return { banner, body };
}

/** What the export worker is given (plain data: it crosses to another thread). */
export interface ExportJob {
  database: Config['database'];
  actor: Actor | null;
  planId: string;
  filters: ExportFilters;
  format: ExportFormat;
  today: string;
}

type WorkerAnswer = { ok: true; banner: string; body: Uint8Array } | { ok: false; error: string };

/**
 * The worker script: from source (tsx, tests) a small starter that loads export-worker.ts through
 * tsx; in production the compiled `export-worker.js` next to the server bundle.
 */
function workerScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./export-worker-source.mjs', import.meta.url)
    : new URL('./export-worker.js', import.meta.url);
}

/**
 * Runs the export in a worker thread with its own database connection, so reading the items,
 * building the tree and rendering the file never block the request thread (an XLSX of 1,000 items
 * blocked it ~95 ms; of 80,000 items, seconds). An in-memory SQLite database cannot be shared
 * with another thread: that case runs here.
 */
export function exportPlanOffThread(job: ExportJob, db: Kysely<Database>): Promise<ExportedFile> {
  if (job.database.kind === 'sqlite' && job.database.file === ':memory:') {
    return exportPlan(db, job.actor, job.planId, job.filters, job.format, job.today);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), { workerData: job });
    let settled = false;
    worker.once('message', (answer: WorkerAnswer) => {
      settled = true;
      if (answer.ok) {
        const body = Buffer.from(
          answer.body.buffer,
          answer.body.byteOffset,
          answer.body.byteLength,
        );
        resolve({ banner: answer.banner, body });
      } else reject(new Error(`The export failed: ${answer.error}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The export worker stopped (exit code ${code}).`));
    });
  });
}

/**
 * A header value in visible ASCII (Node refuses anything else): the banner's dash becomes a
 * hyphen, any other character is percent-encoded.
 */
export function markingHeader(banner: string): string {
  return banner.replaceAll('—', '-').replace(/[^\x20-\x7E]/g, (c) => encodeURIComponent(c));
}

/** Content-Disposition for a download whose name may hold any letters (RFC 6266 / RFC 8187). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
