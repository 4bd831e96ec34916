/**
 * The shapes of a plan import's dry run: the plan as it was found (snapshot), what each row of
 * the file would do (outcomes) and the checked operations the commit replays. Pure types.
 */
import type { ImportColumn } from './import-headings.js';

/** The fields of an item an import can set. */
export interface ItemValues {
  titleEn: string | null;
  titleSr: string | null;
  descriptionEn: string | null;
  descriptionSr: string | null;
  status: string;
  startOn: string | null;
  dueOn: string | null;
  leadOrganisationId: string | null;
  partnerOrganisationIds: string[];
  weight: number;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  fundingSource: string | null;
}
export type ItemField = keyof ItemValues;

export interface SnapshotItem {
  id: string;
  code: string;
  parentId: string | null;
  depth: number;
  version: number;
  /** May the importing person read it (labels) … */
  visible: boolean;
  /** … and change it (policy)? */
  canUpdate: boolean;
  values: ItemValues;
}

export interface SnapshotOrganisation {
  id: string;
  /** Abbreviations and names (both languages) by which a cell may name it. */
  names: string[];
  /** How the report shows it. */
  display: string;
}

/** The plan as the dry run (or the commit) found it. */
export interface PlanSnapshot {
  levels: { depth: number; nameEn: string; nameSr: string }[];
  /** Every live item of the plan (codes are facts of the plan, whoever may read the item). */
  items: SnapshotItem[];
  organisations: SnapshotOrganisation[];
  /** The year "by the end of the year" means in a due cell: the plan's (its period's start). */
  year?: number | null;
}

export interface RowIssue {
  /** The column the problem is in; null when it concerns the row as a whole. */
  column: ImportColumn | null;
  message: string;
}

/** How a cell was read when the file did not write it as stored ("IV квартал 2016." → 2016-Q4). */
export interface RowNote extends RowIssue {
  /** The reading rule (for a translated note): e.g. 'quarter_range', 'lead_split'. */
  reading: string;
  /** What the cell said. */
  from: string;
  /** What was read from it. */
  to: string;
}

export interface FieldChange {
  column: ImportColumn;
  from: string;
  to: string;
}

export interface RowOutcome {
  row: number;
  code: string | null;
  action: 'create' | 'update' | 'unchanged' | 'error';
  /** The code a created item will get ("2.3.4"), or the updated item's code. */
  finalCode: string | null;
  title: string | null;
  changes: FieldChange[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** How cells were read (due dates as the ministry wrote them, several institutions in one cell). */
  notes: RowNote[];
  /** Institutions the row names that the plan's organisations do not know (offered to create). */
  unknownOrganisations: string[];
}

export type ParentRef = { itemId: string } | { row: number } | null;

export interface CreateOp {
  row: number;
  parent: ParentRef;
  depth: number;
  code: string;
  values: ItemValues;
}

export interface UpdateOp {
  row: number;
  itemId: string;
  version: number;
  /** Only the fields that change. */
  patch: Partial<ItemValues>;
}

export interface ImportCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  errors: number;
  warnings: number;
}

export interface ImportResult {
  outcomes: RowOutcome[];
  creates: CreateOp[];
  updates: UpdateOp[];
  counts: ImportCounts;
}

export interface ValidateOptions {
  /** Called every `chunk` rows so a caller can yield to its event loop and report progress. */
  pause?: (done: number, total: number) => Promise<void>;
  chunk?: number;
}
