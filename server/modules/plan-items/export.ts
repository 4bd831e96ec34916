/**
 * Export of a plan's items (as the reader sees them, filtered) to CSV or XLSX, in the reader's
 * language. Every file carries the banner of the highest label it contains, and every row its own
 * marking with releasability; each item carries the latest approved report on it.
 */
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { bannerFor, type BannerLabel } from '../../../core/labels/banner.js';
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
import { toCsv, toXlsx, type ExportCell, type ExportTable } from './export-render.js';
import {
  exportLanguage,
  exportWords,
  type ExportLanguage,
  type ExportWords,
} from './export-text.js';
import { partnersOf, planItems } from './repository.js';
import { buildTree } from './tree.js';

export { neutralise } from './export-render.js';

/** The tree-table's filters (core/plans/item-filters.ts); what is left out does not filter. */
export type ExportFilters = Partial<PlanItemFilters>;

/** An item's searchable words, as the web reader may see them: English, Serbian in both scripts. */
function searchableText(n: PlanTreeNode): string {
  return [n.title.en, n.title.sr, n.title.sr ? toLatin(n.title.sr) : null]
    .filter(Boolean)
    .join(' ');
}

/** What a file prints for a lead organisation the reader may not see (neither name nor id). */
export const WITHHELD_ORGANISATION = exportWords('en').withheld;

function flatten(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** A start or due date as a typed cell: a day or a month is a date; a quarter or "continuous", words. */
function dateCell(value: string | null, words: ExportWords): ExportCell {
  if (value === null) return null;
  return /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? { date: value } : words.due(value);
}

/**
 * The latest approved report on each of the given items (by its period's end). Reports are read
 * for the plan and kept only for items the reader's visible tree holds: a report is seen through
 * its item, so a hidden item's report never reaches the file.
 */
async function latestApprovedReports(db: Kysely<Database>, planId: string, itemIds: Set<string>) {
  const reports = await db
    .selectFrom('progress_reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .select([
      'r.plan_item_id',
      'r.narrative',
      'r.progress',
      'p.kind',
      'p.title',
      'p.starts_on',
      'p.ends_on',
    ])
    .where('p.plan_id', '=', planId)
    .where('r.status', '=', 'approved')
    .orderBy('p.ends_on')
    .orderBy('p.starts_on')
    .orderBy('r.id')
    .execute();
  const latest = new Map<string, (typeof reports)[number]>();
  for (const report of reports) {
    if (itemIds.has(report.plan_item_id)) latest.set(report.plan_item_id, report);
  }
  return latest;
}

/** The export's language: asked for, else the account's saved locale, else English. */
async function languageFor(
  db: Kysely<Database>,
  actor: Actor | null,
  requested: ExportLanguage | null | undefined,
): Promise<ExportLanguage> {
  if (requested || !actor) return exportLanguage(requested, null);
  const user = await db
    .selectFrom('users')
    .select('locale')
    .where('id', '=', actor.id)
    .executeTakeFirst();
  return exportLanguage(null, user?.locale);
}

/** The rows and banner of an export, from the items the actor may read, in the reader's words. */
export async function exportRows(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  filters: ExportFilters,
  today: string,
  language?: ExportLanguage | null,
): Promise<ExportTable> {
  const words = exportWords(await languageFor(db, actor, language));
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
        .select(['o.id', 'o.name_en', 'o.name_sr', 'o.abbreviation_en', 'o.abbreviation_sr'])
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
  const labelOf = (r: PlanTreeNode): BannerLabel => ({
    policy: r.label.policy,
    level: r.label.level,
    rank: rank.get(r.id) ?? 0,
    releasableTo: r.label.releasableTo,
    levelName: nameOf(r.label.policy, r.label.level),
  });
  const banner = bannerFor(rows.map(labelOf));
  const reports = await latestApprovedReports(db, planId, new Set(rows.map((r) => r.id)));
  // An organisation by the name the reader reads: Serbian (in the export's script) in a Serbian
  // export, English otherwise, each falling back to the other.
  const organisationName = new Map(
    organisations.map((o) => {
      const sr = o.abbreviation_sr ?? o.name_sr;
      const en = o.abbreviation_en ?? o.name_en;
      const name = words.serbian
        ? sr
          ? words.serbianText(sr)
          : (en ?? '')
        : (en ?? (sr ? words.serbianText(sr) : ''));
      return [o.id, name];
    }),
  );
  const leadOf = new Map(items.map((i) => [i.id, i.lead_organisation_id]));
  const lead = (itemId: string) => {
    const id = leadOf.get(itemId) ?? null;
    if (id === null) return null;
    return organisationName.get(id) ?? words.withheld;
  };
  const table = rows.map((r): ExportCell[] => {
    const report = reports.get(r.id);
    return [
      r.code,
      r.title.en ?? null,
      r.title.sr ? words.serbianText(r.title.sr) : null,
      words.status(r.status),
      dateCell(r.startOn, words),
      dateCell(r.dueOn, words),
      lead(r.id),
      r.rollup.progress,
      words.rule(r.rollup.rule),
      // The row's own marking, releasability included, as the banner prints a label.
      bannerFor([labelOf(r)]),
      report ? words.period(report.kind, report.starts_on, report.ends_on, report.title) : null,
      report?.narrative ? words.freeText(report.narrative) : null,
      report?.progress ?? null,
    ];
  });
  return { banner, words, rows: table };
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
  language?: ExportLanguage | null,
): Promise<ExportedFile> {
  const table = await exportRows(db, actor, planId, filters, today, language);
  const body = format === 'csv' ? Buffer.from(toCsv(table), 'utf8') : await toXlsx(table);
  return { banner: table.banner, body };
}

/** What the export worker is given (plain data: it crosses to another thread). */
export interface ExportJob {
  database: Config['database'];
  actor: Actor | null;
  planId: string;
  filters: ExportFilters;
  format: ExportFormat;
  today: string;
  /** The reader's language when asked for; otherwise the account's saved locale decides. */
  language?: ExportLanguage | null;
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
    return exportPlan(db, job.actor, job.planId, job.filters, job.format, job.today, job.language);
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
