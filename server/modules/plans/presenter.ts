/** Plan and plan-item rows → API shapes. */
import type { Plan } from '../../../core/schemas/plan.js';
import { abilitiesFor } from '../../access/policy.js';
import type { Actor } from '../../audit/context.js';
import type { PlanRow } from '../../db/schema.js';
import { presentLabel, text } from '../shared/records.js';

export function presentPlan(row: PlanRow, actor: Actor | null, levels: Plan['levels']): Plan {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, 'plan', row),
    mechanismId: row.mechanism_id,
    code: row.code,
    title: text(row.title_en, row.title_sr),
    description: text(row.description_en, row.description_sr),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status as Plan['status'],
    sampleData: Boolean(row.sample_data),
    levels,
  };
}
