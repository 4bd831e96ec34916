/**
 * The XLSX template of a plan import: an "Items" sheet with the marking banner (as exports carry
 * it), the column headings and one example row, and a "Lists" sheet with the values a cell may
 * take (statuses, organisations, funding sources, levels) that the Items columns offer as
 * drop-down lists.
 */
import { bannerFor } from '../../../core/labels/banner.js';
import { COLUMN_HEADINGS, IMPORT_COLUMNS } from '../../../core/plans/import-table.js';
import { FUNDING_LABELS } from '../../../core/plans/import-values.js';
import { PLAN_ITEM_STATUSES, PLAN_ITEM_STATUS_LABELS } from '../../../core/plans/status.js';
import { FUNDING_SOURCES } from '../../../core/schemas/plan.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database, PlanRow } from '../../db/schema.js';
import type { Kysely } from 'kysely';
import { levelsOf, organisationsFor, planStructure } from './repository.js';

/** Rows of the Items sheet that offer drop-down lists. */
const VALIDATED_ROWS = 1000;

const WIDTHS: Record<(typeof IMPORT_COLUMNS)[number], number> = {
  code: 10,
  parentCode: 12,
  level: 7,
  titleEn: 45,
  titleSr: 45,
  descriptionEn: 40,
  descriptionSr: 40,
  status: 20,
  startOn: 12,
  dueOn: 12,
  leadOrganisation: 22,
  partnerOrganisations: 28,
  weight: 8,
  budgetAmount: 14,
  budgetCurrency: 10,
  fundingSource: 22,
};

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The banner of the plan itself: what a file about it is marked with. */
async function bannerOf(db: Kysely<Database> | Trx, plan: PlanRow) {
  const level = await db
    .selectFrom('marking_levels')
    .select(['name_en', 'rank'])
    .where('policy_code', '=', plan.label_policy)
    .where('code', '=', plan.label_level)
    .executeTakeFirst();
  return bannerFor([
    {
      policy: plan.label_policy,
      level: plan.label_level,
      rank: level?.rank ?? plan.label_rank,
      releasableTo: JSON.parse(plan.label_releasable_to) as string[],
      levelName: level?.name_en ?? plan.label_level,
    },
  ]);
}

export async function buildTemplate(
  db: Kysely<Database>,
  actor: Actor | null,
  plan: PlanRow,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const [levels, organisations, structure, banner] = await Promise.all([
    levelsOf(db, plan.id),
    organisationsFor(db, actor),
    planStructure(db, plan.id),
    bannerOf(db, plan),
  ]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Liaison';
  const items = workbook.addWorksheet('Items', { views: [{ state: 'frozen', ySplit: 2 }] });
  const lists = workbook.addWorksheet('Lists');
  for (const sheet of [items, lists]) {
    sheet.headerFooter.oddHeader = `&C${banner}`;
    sheet.headerFooter.oddFooter = `&C${banner}`;
  }

  // Lists: one block of columns per vocabulary.
  const nameCount = new Map<string, number>();
  for (const o of organisations) {
    if (o.abbreviation) nameCount.set(o.abbreviation, (nameCount.get(o.abbreviation) ?? 0) + 1);
  }
  const orgName = (o: (typeof organisations)[number]) =>
    o.abbreviation && nameCount.get(o.abbreviation) === 1
      ? o.abbreviation
      : (o.nameEn ?? o.nameSr ?? o.id);
  lists.addRow([
    'Status',
    'Status (English)',
    'Status (Serbian)',
    '',
    'Organisation (write this)',
    'Organisation (English)',
    'Organisation (Serbian)',
    '',
    'Funding source',
    'Funding source (English)',
    '',
    'Level',
    'Level (English)',
    'Level (Serbian)',
  ]).font = { bold: true };
  const height = Math.max(
    PLAN_ITEM_STATUSES.length,
    organisations.length,
    FUNDING_SOURCES.length,
    levels.length,
  );
  for (let i = 0; i < height; i++) {
    const status = PLAN_ITEM_STATUSES[i];
    const org = organisations[i];
    const funding = FUNDING_SOURCES[i];
    const level = levels[i];
    lists.addRow([
      status ?? '',
      status ? PLAN_ITEM_STATUS_LABELS[status].en : '',
      status ? PLAN_ITEM_STATUS_LABELS[status].sr : '',
      '',
      org ? orgName(org) : '',
      org?.nameEn ?? '',
      org?.nameSr ?? '',
      '',
      funding ?? '',
      funding ? FUNDING_LABELS[funding].en : '',
      '',
      level ? level.depth + 1 : '',
      level?.name_en ?? '',
      level?.name_sr ?? '',
    ]);
  }
  lists.columns.forEach(
    (c, i) => (c.width = [14, 24, 24, 2, 22, 50, 50, 2, 18, 24, 2, 7, 22, 22][i]),
  );

  // Items: banner, headings, one example row.
  items.addRow([`Marking: ${banner}`]).font = { bold: true };
  const headingRow = items.addRow(IMPORT_COLUMNS.map((c) => COLUMN_HEADINGS[c].en));
  headingRow.font = { bold: true };
  headingRow.eachCell((cell, n) => {
    cell.note = `${COLUMN_HEADINGS[IMPORT_COLUMNS[n - 1]!].sr}`;
  });
  const top = structure.rows
    .filter((r) => r.depth === 0)
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const parent = levels.length > 1 ? top[0] : undefined;
  const siblings = structure.rows.filter((r) => r.parent_id === (parent?.id ?? null)).length;
  const code = parent ? `${parent.code}.${siblings + 1}` : String(top.length + 1);
  const example: Record<(typeof IMPORT_COLUMNS)[number], string | number> = {
    code,
    parentCode: parent?.code ?? '',
    level: parent ? parent.depth + 2 : 1,
    titleEn: 'Example: joint training course on interoperability (delete this row)',
    titleSr: 'Primer: zajednički kurs o interoperabilnosti (obrišite ovaj red)',
    descriptionEn: '',
    descriptionSr: '',
    status: PLAN_ITEM_STATUS_LABELS.ongoing.en,
    startOn: '2026-01',
    dueOn: '2026-Q4',
    leadOrganisation: organisations[0] ? orgName(organisations[0]) : '',
    partnerOrganisations: organisations[1] ? orgName(organisations[1]) : '',
    weight: 1,
    budgetAmount: 10000,
    budgetCurrency: 'EUR',
    fundingSource: 'national_budget',
  };
  items.addRow(IMPORT_COLUMNS.map((c) => example[c]));
  items.columns.forEach((c, i) => (c.width = WIDTHS[IMPORT_COLUMNS[i]!]));
  // Codes stay as typed ("1.10" is not the number 1.1); dates may be real spreadsheet dates.
  for (const c of ['code', 'parentCode'] as const) {
    items.getColumn(IMPORT_COLUMNS.indexOf(c) + 1).numFmt = '@';
  }

  const list = (column: (typeof IMPORT_COLUMNS)[number], range: string, prompt: string) => {
    const letter = columnLetter(IMPORT_COLUMNS.indexOf(column));
    for (let r = 3; r <= VALIDATED_ROWS + 2; r++) {
      items.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: false,
        showInputMessage: true,
        promptTitle: COLUMN_HEADINGS[column].en,
        prompt,
      };
    }
  };
  const last = (n: number) => Math.max(n + 1, 2);
  list(
    'status',
    `Lists!$B$2:$B$${last(PLAN_ITEM_STATUSES.length)}`,
    'Choose a status (or type its code or Serbian name).',
  );
  if (organisations.length) {
    list(
      'leadOrganisation',
      `Lists!$E$2:$E$${last(organisations.length)}`,
      'Choose the lead organisation.',
    );
  }
  list(
    'fundingSource',
    `Lists!$I$2:$I$${last(FUNDING_SOURCES.length)}`,
    'Choose a funding source.',
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
