/**
 * Indicators and measurements of a plan item. They share the item's label (seen by those who see
 * the item) and its policy (changed by those who may change the item); every change is audited.
 */
import type { Kysely } from 'kysely';
import { progressToTarget } from '../../../core/plans/indicator.js';
import type {
  Indicator,
  IndicatorCreate,
  IndicatorUpdate,
  MeasurementCreate,
} from '../../../core/schemas/indicator.js';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { authorize } from '../../access/policy.js';
import type { Actor, ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { assertVersion } from '../../http/etag.js';
import type { Deps } from '../shared/deps.js';
import { PLAN_ITEM } from '../plan-items/policy.js';
import { findPlanItem } from '../plan-items/repository.js';

type Reader = Kysely<Database> | Trx;
type Point = { value: number | string | null; year?: number | null } | null | undefined;

/** Quantitative indicators take numbers only; says which field holds text. */
function checkKind(kind: string, fields: Record<string, unknown>) {
  if (kind !== 'quantitative') return;
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string') {
      throw errors.unprocessable(
        `This indicator is quantitative: ${field} must be a number, not text.`,
        { field },
      );
    }
  }
}

function split(point: Point) {
  const value = point?.value ?? null;
  return {
    number: typeof value === 'number' ? value : null,
    text: typeof value === 'string' ? value : null,
    year: point?.year ?? null,
  };
}

function baselineColumns(point: Point) {
  const p = split(point);
  return { baseline_value: p.number, baseline_text: p.text, baseline_year: p.year };
}

function targetColumns(point: Point) {
  const p = split(point);
  return { target_value: p.number, target_text: p.text, target_year: p.year };
}

/** Indicators of the given items, with measurements, for a reader who may see those items. */
export async function indicatorsOf(
  db: Reader,
  itemIds: string[],
): Promise<Map<string, Indicator[]>> {
  const map = new Map<string, Indicator[]>();
  if (itemIds.length === 0) return map;
  const rows = await db
    .selectFrom('indicators')
    .selectAll()
    .where('plan_item_id', 'in', itemIds)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const measurements = rows.length
    ? await db
        .selectFrom('measurements')
        .selectAll()
        .where(
          'indicator_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('measured_on')
        .orderBy('created_at')
        .execute()
    : [];
  for (const r of rows) {
    const own = measurements.filter((m) => m.indicator_id === r.id);
    const latest = own.at(-1);
    const indicator: Indicator = {
      id: r.id,
      version: r.version,
      planItemId: r.plan_item_id,
      kind: r.kind as Indicator['kind'],
      name: { en: r.name_en, sr: r.name_sr },
      unit: r.unit,
      baseline: { value: r.baseline_value ?? r.baseline_text, year: r.baseline_year },
      target: { value: r.target_value ?? r.target_text, year: r.target_year },
      sourceOfVerification: r.source_of_verification,
      measurements: own.map((m) => ({
        id: m.id,
        measuredOn: m.measured_on,
        value: m.value ?? m.value_text,
        note: m.note,
        createdAt: m.created_at,
      })),
      progressToTarget:
        r.kind === 'quantitative'
          ? progressToTarget(r.baseline_value, r.target_value, latest?.value ?? null)
          : null,
    };
    map.set(r.plan_item_id, [...(map.get(r.plan_item_id) ?? []), indicator]);
  }
  return map;
}

export function indicatorService({ db, audit }: Deps) {
  /** The plan item behind an indicator, if the actor may see it and change it. */
  async function itemForChange(trx: Trx, actor: Actor | null, planItemId: string) {
    const item = await findPlanItem(trx, actor, planItemId);
    if (!item) throw errors.notFound('The plan item');
    authorize(actor, 'update', PLAN_ITEM, item);
    return item;
  }

  async function indicatorForChange(trx: Trx, actor: Actor | null, id: string) {
    const row = await trx
      .selectFrom('indicators')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw errors.notFound('The indicator');
    const item = await findPlanItem(trx, actor, row.plan_item_id);
    if (!item) throw errors.notFound('The indicator');
    authorize(actor, 'update', PLAN_ITEM, item);
    return row;
  }

  async function load(trx: Trx, indicatorId: string, planItemId: string) {
    const found = (await indicatorsOf(trx, [planItemId]))
      .get(planItemId)
      ?.find((i) => i.id === indicatorId);
    if (!found) throw errors.notFound('The indicator');
    return found;
  }

  return {
    async create(ctx: ActionContext, planItemId: string, input: IndicatorCreate) {
      return db.write(async (trx) => {
        await itemForChange(trx, ctx.actor, planItemId);
        checkKind(input.kind, {
          'baseline.value': input.baseline?.value,
          'target.value': input.target?.value,
        });
        const count = await trx
          .selectFrom('indicators')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('plan_item_id', '=', planItemId)
          .executeTakeFirstOrThrow();
        const now = new Date().toISOString();
        const id = uuidv7();
        await trx
          .insertInto('indicators')
          .values({
            id,
            version: 1,
            plan_item_id: planItemId,
            position: Number(count.n) + 1,
            kind: input.kind,
            name_en: input.name.en ?? null,
            name_sr: input.name.sr ?? null,
            unit: input.unit ?? null,
            ...baselineColumns(input.baseline),
            ...targetColumns(input.target),
            source_of_verification: input.sourceOfVerification ?? null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .execute();
        const created = await load(trx, id, planItemId);
        await audit.record(trx, ctx, {
          action: 'indicator.create',
          entityType: 'indicator',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async update(ctx: ActionContext, id: string, expected: number | '*', input: IndicatorUpdate) {
      return db.write(async (trx) => {
        const row = await indicatorForChange(trx, ctx.actor, id);
        assertVersion(expected, row.version);
        const before = await load(trx, id, row.plan_item_id);
        const kind = input.kind ?? row.kind;
        checkKind(kind, {
          'baseline.value':
            input.baseline === undefined ? row.baseline_text : input.baseline?.value,
          'target.value': input.target === undefined ? row.target_text : input.target?.value,
        });
        await trx
          .updateTable('indicators')
          .set({
            version: row.version + 1,
            updated_at: new Date().toISOString(),
            kind,
            name_en: input.name ? (input.name.en ?? null) : row.name_en,
            name_sr: input.name ? (input.name.sr ?? null) : row.name_sr,
            unit: input.unit === undefined ? row.unit : input.unit,
            ...(input.baseline === undefined ? {} : baselineColumns(input.baseline)),
            ...(input.target === undefined ? {} : targetColumns(input.target)),
            source_of_verification:
              input.sourceOfVerification === undefined
                ? row.source_of_verification
                : input.sourceOfVerification,
          })
          .where('id', '=', id)
          // Compare-and-set: of two changes made from the same version, one wins, one gets 412.
          .where('version', '=', row.version)
          .executeTakeFirst()
          .then((done) => {
            if (Number(done.numUpdatedRows) !== 1) throw errors.stale(row.version + 1);
          });
        const after = await load(trx, id, row.plan_item_id);
        await audit.record(trx, ctx, {
          action: 'indicator.update',
          entityType: 'indicator',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async remove(ctx: ActionContext, id: string, expected: number | '*') {
      await db.write(async (trx) => {
        const row = await indicatorForChange(trx, ctx.actor, id);
        assertVersion(expected, row.version);
        const before = await load(trx, id, row.plan_item_id);
        await trx
          .updateTable('indicators')
          .set({ deleted_at: new Date().toISOString(), version: row.version + 1 })
          .where('id', '=', id)
          .where('version', '=', row.version)
          .executeTakeFirst()
          .then((done) => {
            if (Number(done.numUpdatedRows) !== 1) throw errors.stale(row.version + 1);
          });
        await audit.record(trx, ctx, {
          action: 'indicator.delete',
          entityType: 'indicator',
          entityId: id,
          before,
        });
      });
    },

    async measure(ctx: ActionContext, indicatorId: string, input: MeasurementCreate) {
      return db.write(async (trx) => {
        const row = await indicatorForChange(trx, ctx.actor, indicatorId);
        checkKind(row.kind, { value: input.value });
        const id = uuidv7();
        await trx
          .insertInto('measurements')
          .values({
            id,
            indicator_id: indicatorId,
            measured_on: input.measuredOn,
            value: typeof input.value === 'number' ? input.value : null,
            value_text: typeof input.value === 'string' ? input.value : null,
            note: input.note ?? null,
            created_at: new Date().toISOString(),
            created_by: ctx.actor?.id ?? null,
          })
          .execute();
        const after = await load(trx, indicatorId, row.plan_item_id);
        await audit.record(trx, ctx, {
          action: 'indicator.measure',
          entityType: 'indicator',
          entityId: indicatorId,
          after: { measurementId: id, ...input },
        });
        return after;
      });
    },
  };
}
