/**
 * Export of a plan's items (as the reader sees them, filtered) to CSV or XLSX. Every file carries
 * the banner of the highest label it contains; cells that a spreadsheet would run as a formula
 * (= + - @, tab, carriage return) are neutralised.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { bannerFor } from '../../../core/labels/banner.js';
import { isOverdue } from '../../../core/plans/due.js';
import type { RollupRule } from '../../../core/plans/rollup.js';
import type { PlanTreeNode } from '../../../core/schemas/plan.js';
import type { Actor } from '../../audit/context.js';
import type { Database } from '../../db/schema.js';
import { partnersOf, planItems } from './repository.js';
import { buildTree } from './tree.js';

export interface ExportFilters {
  status?: string[];
  leadOrganisationId?: string;
  overdue?: boolean;
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
  const organisations = organisationIds.length
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name_en', 'abbreviation_en'])
        .where('id', 'in', organisationIds)
        .execute()
    : [];
  const levelNames = await db
    .selectFrom('marking_levels')
    .select(['policy_code', 'code', 'name_en'])
    .execute();
  const nameOf = (policy: string, level: string) =>
    levelNames.find((l) => l.policy_code === policy && l.code === level)?.name_en ?? level;
  const rows = flatten(tree).filter(
    (n) =>
      (!filters.status?.length || filters.status.includes(n.status)) &&
      (!filters.leadOrganisationId || n.leadOrganisationId === filters.leadOrganisationId) &&
      (!filters.overdue ||
        (n.dueOn !== null &&
          isOverdue(n.dueOn, n.status === 'implemented' || n.status === 'cancelled', today))),
  );
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
  const org = (id: string | null) => organisations.find((o) => o.id === id);
  const table = rows.map((r) => [
    r.code,
    r.title.en ?? '',
    r.title.sr ?? '',
    r.status,
    r.startOn ?? '',
    r.dueOn ?? '',
    org(r.leadOrganisationId)?.abbreviation_en ?? org(r.leadOrganisationId)?.name_en ?? '',
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

/** XLSX with the banner in the page header and footer and in the first and last rows. */
export async function toXlsx(banner: string, table: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  sheet.headerFooter.oddHeader = `&C${banner}`;
  sheet.headerFooter.oddFooter = `&C${banner}`;
  sheet.addRow([`Marking: ${banner}`]).font = { bold: true };
  sheet.addRow(COLUMNS).font = { bold: true };
  for (const row of table) sheet.addRow(row.map(neutralise));
  sheet.addRow([`Marking: ${banner}`]).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = [10, 50, 50, 20, 12, 12, 20, 10, 12, 20][i] ?? 15));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
