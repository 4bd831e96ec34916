/** Plan rows → API shapes. */
import type { ApprovalStep, Plan } from '../../../core/schemas/plan.js';
import { abilitiesFor } from '../../access/policy.js';
import { NOTHING_WITHHELD, shownId } from '../../access/references.js';
import type { Actor } from '../../audit/context.js';
import type { PlanApprovalStepRow, PlanRow } from '../../db/schema.js';
import { precisionDate, presentLabel, text } from '../shared/records.js';
import { PLAN } from './policy.js';

export function presentApprovalStep(row: PlanApprovalStepRow): ApprovalStep {
  return {
    position: row.position,
    kind: row.kind as ApprovalStep['kind'],
    label: text(row.label_en, row.label_sr),
    date: precisionDate(row.on_date, row.precision, row.end_date),
    reference: row.reference,
    note: text(row.note_en, row.note_sr),
  };
}

export function presentPlan(
  row: PlanRow,
  actor: Actor | null,
  levels: Plan['levels'],
  approvalSteps: PlanApprovalStepRow[] = [],
  /** Ids of records the reader may not see: a plan names no hidden mechanism. */
  hidden: ReadonlySet<string> = NOTHING_WITHHELD,
): Plan {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, PLAN, row),
    mechanismId: shownId(row.mechanism_id, hidden),
    code: row.code,
    title: text(row.title_en, row.title_sr),
    description: text(row.description_en, row.description_sr),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status as Plan['status'],
    sampleData: Boolean(row.sample_data),
    levels,
    approvalSteps: approvalSteps.map(presentApprovalStep),
    statusViaReports: Boolean(row.status_via_reports),
    reportingIncludesUnits: Boolean(row.reporting_includes_units),
  };
}
