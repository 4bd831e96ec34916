/**
 * The dry run of a plan import, as a pure function: every row of the file checked against the
 * plan as it stands with the rules the plan-item API applies (the same zod schemas, then the
 * service's checks: date order, known organisations and parent, code clash, depth, loops), and
 * for each row what would happen — create (with the code it will get), update (field: old → new)
 * or unchanged — and every error with the column it is in, named as the file names it ("column C
 * «Рок»"). The commit replays the resulting operations; nothing here touches a database. Reading
 * one row: import-read-row.ts; the shapes: import-types.ts.
 */
import { COLUMN_HEADINGS, foldName, type ImportColumn } from './import-headings.js';
import type { ImportTable } from './import-layout.js';
import {
  apiBody,
  checkDates,
  columnOfPath,
  createSchema,
  DEFAULTS,
  FIELD_COLUMN,
  organisationIndex,
  quoteOf,
  readRow,
  sameValue,
  show,
  updateSchema,
  type ReadRow,
} from './import-read-row.js';
import type {
  CreateOp,
  FieldChange,
  ImportCounts,
  ImportResult,
  ItemField,
  ItemValues,
  ParentRef,
  PlanSnapshot,
  RowOutcome,
  UpdateOp,
  ValidateOptions,
} from './import-types.js';
import { toLatin } from '../text/transliterate.js';

export type * from './import-types.js';

/** "column C «Рок»" — a column as the file names it — or the template's heading. */
export function columnLabel(table: ImportTable, column: ImportColumn): string {
  const h = table.headings?.find((x) => x.column === column);
  return h ? `column ${h.letter} «${h.text}»` : COLUMN_HEADINGS[column].en;
}

/** Runs the dry run over a read table against the plan as it stands. */
export async function validateImport(
  table: ImportTable,
  snapshot: PlanSnapshot,
  options: ValidateOptions = {},
): Promise<ImportResult> {
  const chunk = options.chunk ?? 500;
  const total = table.rows.length;
  const has = (c: ImportColumn) => table.columns[c] !== undefined;
  const findOrganisation = organisationIndex(snapshot.organisations);
  const levels = snapshot.levels.length;
  const levelNames = snapshot.levels.map((l) => `${l.nameEn}`).join(' → ');
  const orgDisplay = new Map(snapshot.organisations.map((o) => [o.id, o.display]));
  // A code names an item only if the importer may see it: a hidden item is answered exactly as a
  // missing one (as a parent, or as the item a row would change), so the dry run never tells that
  // it exists. Hidden items still count when new codes are given (codes are facts of the plan).
  const byCode = new Map(snapshot.items.filter((i) => i.visible).map((i) => [i.code, i]));
  const byId = new Map(snapshot.items.map((i) => [i.id, i]));

  // 1. Read every row on its own.
  const read: ReadRow[] = [];
  for (const [index, source] of table.rows.entries()) {
    read.push(readRow(source, has, findOrganisation, snapshot.year ?? null));
    if (options.pause && (index + 1) % chunk === 0) await options.pause(index + 1, total * 2);
  }

  // 2. Codes: duplicates in the file; which rows update and which create.
  const firstRowOfCode = new Map<string, ReadRow>();
  for (const r of read) {
    if (!r.code) continue;
    const first = firstRowOfCode.get(r.code);
    if (first) {
      r.errors.push({
        column: 'code',
        message: `Code ${r.code} is also on row ${first.row}; each item may appear once.`,
      });
    } else firstRowOfCode.set(r.code, r);
  }
  const isCreate = (r: ReadRow) => !r.code || !byCode.has(r.code);
  const newRowByCode = new Map<string, ReadRow>();
  for (const [code, r] of firstRowOfCode) if (isCreate(r)) newRowByCode.set(code, r);

  if (options.pause) await options.pause(Math.round(total * 1.05), total * 2);
  // 3. Parents of new rows: an item of the plan or another new row of the file.
  const parentOf = new Map<ReadRow, ParentRef>();
  for (const r of read) {
    if (!isCreate(r)) continue;
    const parentCode =
      r.parentCode ?? (r.code?.includes('.') ? r.code.replace(/\.[^.]*$/, '') : null);
    if (!parentCode) {
      parentOf.set(r, null);
      continue;
    }
    const existing = byCode.get(parentCode);
    const inFile = newRowByCode.get(parentCode);
    if (existing) parentOf.set(r, { itemId: existing.id });
    else if (inFile && inFile !== r) parentOf.set(r, { row: inFile.row });
    else {
      r.errors.push({
        column: r.parentCode ? 'parentCode' : 'code',
        message:
          inFile === r
            ? `Row ${r.row} cannot be its own parent.`
            : `Parent code ${parentCode} is neither in the plan nor a new row of this file.`,
      });
    }
  }
  const rowByNumber = new Map(read.map((r) => [r.row, r]));

  if (options.pause) await options.pause(Math.round(total * 1.1), total * 2);
  // 4. Depth of new rows (following parents up through the file), loops and the plan's levels.
  const depthOf = new Map<ReadRow, number | null>();
  const depth = (r: ReadRow, seen: Set<ReadRow>): number | null => {
    if (depthOf.has(r)) return depthOf.get(r)!;
    if (seen.has(r)) return null;
    seen.add(r);
    const parent = parentOf.get(r);
    let d: number | null;
    if (parent === undefined) d = null;
    else if (parent === null) d = 0;
    else if ('itemId' in parent) d = byId.get(parent.itemId)!.depth + 1;
    else {
      const above = depth(rowByNumber.get(parent.row)!, seen);
      d = above === null ? null : above + 1;
    }
    depthOf.set(r, d);
    return d;
  };
  for (const r of read) {
    if (!isCreate(r) || !parentOf.has(r)) continue;
    const d = depth(r, new Set());
    if (d === null) {
      // Either the rows loop, or a row above has no parent to hang from.
      const chain: number[] = [r.row];
      let at = parentOf.get(r);
      let loops = false;
      while (at && 'row' in at && chain.length < 10_000) {
        if (at.row === r.row) {
          loops = true;
          break;
        }
        chain.push(at.row);
        at = parentOf.get(rowByNumber.get(at.row)!);
      }
      const parent = parentOf.get(r) as { row: number };
      r.errors.push({
        column: 'parentCode',
        message: loops
          ? `Rows refer to each other as parents in a loop (rows ${[...chain, r.row].join(' → ')}); an item cannot be below itself.`
          : `Its parent (row ${parent.row}) has errors; fix that row first.`,
      });
      continue;
    }
    if (d >= levels) {
      r.errors.push({
        column: 'parentCode',
        message: `This plan has ${levels} levels (${levelNames}); this row would be on level ${d + 1}. Choose a parent higher up.`,
      });
    }
    if (r.level !== null) {
      const named = snapshot.levels.findIndex(
        (l) =>
          foldName(l.nameEn) === foldName(r.level!) ||
          foldName(l.nameSr) === foldName(toLatin(r.level!)),
      );
      const given = /^\d+$/.test(r.level) ? Number(r.level) - 1 : named;
      if (given < 0) {
        r.errors.push({
          column: 'level',
          message: `"${show(r.level)}" is not a level of this plan; write 1–${levels} or a level name (${levelNames}).`,
        });
      } else if (given !== d) {
        r.errors.push({
          column: 'level',
          message: `The level says ${given + 1} but under its parent the item is on level ${d + 1}.`,
        });
      }
    }
  }
  if (options.pause) await options.pause(Math.round(total * 1.18), total * 2);

  if (options.pause) await options.pause(Math.round(total * 1.19), total * 2);
  // 5. Codes of new items: after the existing children of their parent, in file order.
  const childCount = new Map<string, number>();
  for (const item of snapshot.items) {
    const key = item.parentId ?? '';
    childCount.set(key, (childCount.get(key) ?? 0) + 1);
  }
  const codeOfRow = new Map<number, string>();
  const creating = read
    .filter((r) => isCreate(r) && depthOf.get(r) !== undefined && depthOf.get(r) !== null)
    .sort((a, b) => depthOf.get(a)! - depthOf.get(b)!);
  for (const r of creating) {
    const parent = parentOf.get(r)!;
    const key = parent === null ? '' : 'itemId' in parent ? parent.itemId : `row:${parent.row}`;
    const parentCode =
      parent === null
        ? null
        : 'itemId' in parent
          ? byId.get(parent.itemId)!.code
          : codeOfRow.get(parent.row);
    const position = (childCount.get(key) ?? 0) + 1;
    childCount.set(key, position);
    const code = parentCode ? `${parentCode}.${position}` : String(position);
    codeOfRow.set(r.row, code);
    if (r.code && r.code !== code) {
      r.warnings.push({
        column: 'code',
        message: `The new item will be numbered ${code}, not ${r.code}: a new item goes after the ones already under its parent.`,
      });
    }
  }

  // 6. Compare with the plan, run the API's schema and the service's checks.
  const outcomes: RowOutcome[] = [];
  const creates: CreateOp[] = [];
  const updates: UpdateOp[] = [];
  const failed = new Set<number>();
  for (const [index, r] of read.entries()) {
    const existing = r.code ? byCode.get(r.code) : undefined;
    const current = existing?.values ?? null;
    if (existing) {
      if (!existing.canUpdate) {
        r.errors.push({ column: 'code', message: `You may not change item ${existing.code}.` });
      }
      const parentCode = existing.parentId ? byId.get(existing.parentId)?.code : null;
      if (r.parentCode !== null && r.parentCode !== (parentCode ?? null)) {
        r.errors.push({
          column: 'parentCode',
          message: `Item ${existing.code} is under ${parentCode ?? 'the top level'}; an import does not move items. Move it in the plan, or write ${parentCode ?? 'nothing'} here.`,
        });
      }
      if (r.level !== null && /^\d+$/.test(r.level) && Number(r.level) !== existing.depth + 1) {
        r.errors.push({
          column: 'level',
          message: `Item ${existing.code} is on level ${existing.depth + 1}, not ${r.level}.`,
        });
      }
    }
    const schema = existing ? updateSchema : createSchema;
    const parsed = schema.safeParse(apiBody(r.values, current));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOfPath(issue.path);
        if (column && r.errors.some((e) => e.column === column)) continue;
        r.errors.push({
          column: column ?? 'titleEn',
          message:
            column === null
              ? issue.message
              : `${columnLabel(table, column)}: ${issue.message}${quoteOf(table.rows[index]!.values[column])}.`,
        });
      }
    }
    const merged: ItemValues = { ...DEFAULTS, ...(current ?? {}) };
    for (const [k, value] of Object.entries(r.values) as [ItemField, never][]) {
      if (value !== undefined) merged[k] = value;
    }
    if (
      existing &&
      !merged.titleEn &&
      !merged.titleSr &&
      !r.errors.some((e) => e.column === 'titleEn')
    ) {
      r.errors.push({
        column: 'titleEn',
        message: 'An item needs a title in at least one language.',
      });
    }
    checkDates(merged, r.errors);
    let action: RowOutcome['action'];
    const changes: FieldChange[] = [];
    if (r.errors.length > 0) {
      action = 'error';
      failed.add(r.row);
    } else if (existing) {
      const patch: Partial<ItemValues> = {};
      for (const field of Object.keys(r.values) as ItemField[]) {
        const next = merged[field];
        const before = existing.values[field];
        if (sameValue(before, next)) continue;
        (patch as Record<string, unknown>)[field] = next;
        const display = (value: unknown) =>
          field === 'leadOrganisationId'
            ? show(value ? (orgDisplay.get(value as string) ?? value) : '')
            : field === 'partnerOrganisationIds'
              ? show((value as string[]).map((id) => orgDisplay.get(id) ?? id))
              : show(value);
        changes.push({ column: FIELD_COLUMN[field], from: display(before), to: display(next) });
      }
      action = changes.length ? 'update' : 'unchanged';
      if (changes.length)
        updates.push({ row: r.row, itemId: existing.id, version: existing.version, patch });
    } else {
      action = 'create';
      creates.push({
        row: r.row,
        parent: parentOf.get(r) ?? null,
        depth: depthOf.get(r)!,
        code: codeOfRow.get(r.row)!,
        values: merged,
      });
    }
    outcomes.push({
      row: r.row,
      code: r.code,
      action,
      finalCode: existing ? existing.code : (codeOfRow.get(r.row) ?? null),
      title: merged.titleEn ?? merged.titleSr ?? null,
      changes,
      errors: r.errors,
      warnings: r.warnings,
      notes: r.notes,
      unknownOrganisations: r.unknownOrganisations,
    });
    if (options.pause && (index + 1) % chunk === 0) {
      await options.pause(total + Math.round((index + 1) * 0.8), total * 2);
    }
  }
  // A new row under a refused new row is refused too (parents come first in `creating`).
  const outcomeOf = new Map(outcomes.map((o) => [o.row, o]));
  for (const r of creating) {
    const parent = parentOf.get(r);
    const o = outcomeOf.get(r.row)!;
    if (o.action !== 'create' || !parent || !('row' in parent) || !failed.has(parent.row)) continue;
    o.action = 'error';
    o.errors.push({
      column: 'parentCode',
      message: `Its parent (row ${parent.row}) has errors; fix that row first.`,
    });
    failed.add(o.row);
  }
  const ok = failed.size === 0;
  const counts: ImportCounts = {
    rows: outcomes.length,
    create: outcomes.filter((o) => o.action === 'create').length,
    update: outcomes.filter((o) => o.action === 'update').length,
    unchanged: outcomes.filter((o) => o.action === 'unchanged').length,
    errors: outcomes.filter((o) => o.action === 'error').length,
    warnings: outcomes.filter((o) => o.warnings.length > 0).length,
  };
  return {
    outcomes,
    creates: ok ? creates.filter((c) => !failed.has(c.row)) : [],
    updates: ok ? updates : [],
    counts,
  };
}
