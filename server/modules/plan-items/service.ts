/** Plan-item use cases: create, change, move and reorder (codes follow), delete and restore. */
import type { Kysely } from 'kysely';
import { partialDateBounds } from '../../../core/dates/partial-date.js';
import { lastDayDue } from '../../../core/plans/due.js';
import type { PlanItemCreate, PlanItemUpdate } from '../../../core/schemas/plan.js';
import { authorize } from '../../access/policy.js';
import { PLAN_ITEM_GRANTS, planItemVisibleTo, visibleTo } from '../../access/visibility.js';
import type { Actor, ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { lockPlan } from '../../db/dialect.js';
import type { Database, PlanItemRow } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { assertVersion } from '../../http/etag.js';
import type { Deps } from '../shared/deps.js';
import { softDeletable } from '../shared/lifecycle.js';
import {
  mergeText,
  newRecordColumns,
  resolveLabel,
  searchText,
  text,
  updateRecordColumns,
} from '../shared/records.js';
import { deleteContents, restoreContents } from './containment.js';
import { mayOverrideStatus, PLAN_ITEM } from './policy.js';
import { presentPlanItem } from './presenter.js';
import { hiddenOrganisations } from '../../access/references.js';
import * as repo from './repository.js';
import { transientCode, type Renumbered } from './repository.js';
import { ancestorIds } from '../shared/tree.js';

/** The item as the actor sees it, or undefined. */
export async function loadPlanItem(db: Kysely<Database> | Trx, actor: Actor | null, id: string) {
  const found = await repo.findPlanItemWithPartners(db, actor, id);
  if (!found) return undefined;
  const { row, partners, hidden } = found;
  const people = await repo.responsibleNames(db, [row]);
  return { row, body: presentPlanItem(row, actor, partners, hidden, people) };
}

/**
 * The responsible person must be an active user of the lead organisation or of a unit below it
 * (until a persons directory exists): a 400 naming the field otherwise.
 */
async function checkResponsible(trx: Trx, lead: string | null, userId: string | null) {
  if (!userId) return;
  if (!lead) {
    throw errors.badRequest('Choose the lead organisation before naming a responsible person.', {
      field: 'responsibleUserId',
    });
  }
  const [found] = await repo.responsibleCandidates(trx, lead, { userId, limit: 1 });
  if (!found) {
    throw errors.badRequest(
      'The responsible person must be an active user of the lead organisation or of one of its units.',
      { field: 'responsibleUserId' },
    );
  }
}

/**
 * In a plan whose statuses come from approved reports, a status set by hand is refused to editors
 * (they report it) and allowed to coordinators and administrators with a reason. Returns the
 * reason when this change is such an override, else undefined.
 */
async function checkStatusChange(
  trx: Trx,
  actor: Actor,
  item: PlanItemRow,
  input: PlanItemUpdate,
): Promise<string | undefined> {
  if (input.status === undefined || input.status === item.status) return undefined;
  const plan = await trx
    .selectFrom('plans')
    .select('status_via_reports')
    .where('id', '=', item.plan_id)
    .executeTakeFirstOrThrow();
  if (Number(plan.status_via_reports) !== 1) return undefined;
  if (!mayOverrideStatus(actor)) {
    throw errors.conflict(
      'In this plan an item’s status changes through an approved report. Report the new status in the open reporting period; the coordinator approves it.',
      { field: 'status', reason: 'status_via_reports' },
    );
  }
  if (!input.statusOverrideReason) {
    throw errors.badRequest(
      'This plan takes statuses from approved reports. Give a reason to set the status by hand.',
      { field: 'statusOverrideReason' },
    );
  }
  return input.statusOverrideReason;
}

async function levelCount(trx: Trx, planId: string) {
  const row = await trx
    .selectFrom('plan_levels')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function checkDates(startOn: string | null, dueOn: string | null) {
  if (!startOn || !dueOn) return;
  const last = lastDayDue(dueOn);
  if (last !== null && last < partialDateBounds(startOn).from) {
    throw errors.unprocessable('The due date is before the start; move one of them.', {
      field: 'dueOn',
    });
  }
}

async function checkOrganisations(
  trx: Trx,
  actor: Actor | null,
  lead: string | null | undefined,
  partners: string[] | undefined,
) {
  const ids = [...(lead ? [lead] : []), ...(partners ?? [])];
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom('organisations as o')
    .select('o.id')
    .where('o.id', 'in', ids)
    .where(visibleTo(actor, 'o'))
    .execute();
  const known = new Set(found.map((f) => f.id));
  if (lead && !known.has(lead))
    throw errors.unprocessable('The lead organisation does not exist.', {
      field: 'leadOrganisationId',
    });
  if ((partners ?? []).some((p) => !known.has(p))) {
    throw errors.unprocessable('One of the partner organisations does not exist.', {
      field: 'partnerOrganisationIds',
    });
  }
}

/**
 * Height of the subtree below an item (0 for a leaf), over the live items the actor sees: a move
 * refused because of items the writer cannot see would tell the writer they exist (docs/SECURITY.md,
 * "Inference channels"). The item itself is visible, so each child needs only its own label.
 */
async function subtreeHeight(trx: Trx, actor: Actor | null, id: string): Promise<number> {
  const children = await trx
    .selectFrom('plan_items as c')
    .select('c.id')
    .where('c.parent_id', '=', id)
    .where(visibleTo(actor, 'c', PLAN_ITEM_GRANTS))
    .execute();
  let height = 0;
  for (const child of children)
    height = Math.max(height, 1 + (await subtreeHeight(trx, actor, child.id)));
  return height;
}

/**
 * Puts `item` at `position` (1-based) among the children of `parent`, renumbering them and their
 * subtrees (the item itself is versioned by its caller). Returns the rows that changed.
 */
async function place(
  trx: Trx,
  ctx: ActionContext,
  item: { id: string; plan_id: string },
  parent: Pick<PlanItemRow, 'id' | 'code' | 'depth'> | null,
  position: number | undefined,
): Promise<Renumbered[]> {
  const others = (await repo.siblings(trx, item.plan_id, parent?.id ?? null)).filter(
    (s) => s.id !== item.id,
  );
  const index = Math.min(Math.max((position ?? others.length + 1) - 1, 0), others.length);
  const order = [
    ...others.slice(0, index).map((s) => s.id),
    item.id,
    ...others.slice(index).map((s) => s.id),
  ];
  return repo.renumber(trx, {
    planId: item.plan_id,
    parentId: parent?.id ?? null,
    parentCode: parent?.code ?? null,
    parentDepth: parent ? parent.depth : -1,
    order,
    exclude: item.id,
    by: ctx.actor?.id ?? null,
  });
}

/** The live parent of an item (any reader: codes are facts of the plan), or null at the top. */
function parentRow(trx: Trx, parentId: string | null) {
  if (!parentId) return Promise.resolve(undefined);
  return trx
    .selectFrom('plan_items')
    .select(['id', 'code', 'depth', 'deleted_at'])
    .where('id', '=', parentId)
    .executeTakeFirst();
}

/** Closes ranks under an item's parent (after a delete or a move away). */
async function renumberChildrenOf(
  trx: Trx,
  ctx: ActionContext,
  planId: string,
  parentId: string | null,
) {
  const parent = await parentRow(trx, parentId);
  return repo.renumber(trx, {
    planId,
    parentId,
    parentCode: parent?.code ?? null,
    parentDepth: parent ? parent.depth : -1,
    by: ctx.actor?.id ?? null,
  });
}

/**
 * Takes the lock of the plan an item belongs to (see lockPlan). Read without the visibility
 * filter: the answer is only used to wait for the lock, never shown.
 */
async function lockPlanOfItem(trx: Trx, dialect: Deps['db']['dialect'], id: string) {
  const row = await trx
    .selectFrom('plan_items')
    .select('plan_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (row) await lockPlan(trx, dialect, row.plan_id);
}

export function planItemService({ db, audit }: Deps) {
  /** One audit entry per row whose code or position a renumbering changed (hidden ones too). */
  async function auditRenumbered(trx: Trx, ctx: ActionContext, changes: Renumbered[]) {
    await audit.recordMany(
      trx,
      ctx,
      changes.map((c) => ({
        action: 'plan_item.renumber',
        entityType: PLAN_ITEM,
        entityId: c.id,
        before: c.before,
        after: { ...c.after, version: c.version },
      })),
    );
  }

  async function requireVisible(trx: Trx, ctx: ActionContext, id: string) {
    const found = await loadPlanItem(trx, ctx.actor, id);
    if (!found) throw errors.notFound('The plan item');
    return found;
  }

  async function parentFor(
    trx: Trx,
    ctx: ActionContext,
    planId: string,
    parentId: string | null | undefined,
  ) {
    if (!parentId) return null;
    const parent = await repo.findPlanItem(trx, ctx.actor, parentId);
    if (!parent || parent.plan_id !== planId) {
      throw errors.unprocessable('The parent item does not exist in this plan.', {
        field: 'parentId',
      });
    }
    return parent;
  }

  return {
    async create(ctx: ActionContext, planId: string, input: PlanItemCreate) {
      authorize(ctx.actor, 'create', PLAN_ITEM);
      return db.write(async (trx) => {
        // Writers of one plan's items take turns: the next code is read and used under the lock
        // (lockPlan's row lock, taken by the visibility check itself on PostgreSQL: one round trip
        // less; SQLite's BEGIN IMMEDIATE already holds the write lock).
        const plan = await trx
          .selectFrom('plans as p')
          .select(['p.id'])
          .where('p.id', '=', planId)
          .where(visibleTo(ctx.actor, 'p'))
          .$if(db.dialect === 'postgres', (qb) => qb.forUpdate())
          .executeTakeFirst();
        if (!plan) throw errors.notFound('The plan');
        const parent = await parentFor(trx, ctx, planId, input.parentId);
        const depth = parent ? parent.depth + 1 : 0;
        const levels = await levelCount(trx, planId);
        if (depth >= levels) {
          throw errors.unprocessable(`This plan has ${levels} levels; an item cannot go deeper.`, {
            field: 'parentId',
          });
        }
        checkDates(input.startOn ?? null, input.dueOn ?? null);
        await checkOrganisations(
          trx,
          ctx.actor,
          input.leadOrganisationId,
          input.partnerOrganisationIds,
        );
        await checkResponsible(
          trx,
          input.leadOrganisationId ?? null,
          input.responsibleUserId ?? null,
        );
        const title = { en: input.title.en ?? null, sr: input.title.sr ?? null };
        const description = {
          en: input.description?.en ?? null,
          sr: input.description?.sr ?? null,
        };
        const cols = newRecordColumns(ctx);
        // A new item goes last among its siblings: its code follows from its position, and no
        // sibling needs renumbering (a full renumber made each create cost ~300 statements).
        const position = await repo.nextPosition(trx, planId, parent?.id ?? null);
        const code = parent ? `${parent.code}.${position}` : String(position);
        await trx
          .insertInto('plan_items')
          .values({
            ...cols,
            ...(await resolveLabel(trx, input.label, ctx.actor)),
            plan_id: planId,
            parent_id: parent?.id ?? null,
            depth,
            position,
            code,
            title_en: title.en,
            title_sr: title.sr,
            description_en: description.en,
            description_sr: description.sr,
            status: input.status ?? 'not_started',
            start_on: input.startOn ?? null,
            due_on: input.dueOn ?? null,
            lead_organisation_id: input.leadOrganisationId ?? null,
            responsible_user_id: input.responsibleUserId ?? null,
            weight: input.weight ?? 1,
            manual_progress: input.manualProgress ?? null,
            budget_amount: input.budget?.amount ?? null,
            budget_currency: input.budget?.currency ?? null,
            funding_source: input.budget?.fundingSource ?? null,
            search_text: searchText(title, description),
          })
          .execute();
        if (input.partnerOrganisationIds?.length)
          await repo.setPartners(trx, cols.id, input.partnerOrganisationIds);
        const created = await loadPlanItem(trx, ctx.actor, cols.id);
        if (!created) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'plan_item.create',
          entityType: PLAN_ITEM,
          entityId: cols.id,
          after: created.body,
        });
        return created;
      });
    },

    async update(ctx: ActionContext, id: string, expected: number | '*', input: PlanItemUpdate) {
      return db.write(async (trx) => {
        await lockPlanOfItem(trx, db.dialect, id);
        const before = await requireVisible(trx, ctx, id);
        const b = before.row;
        authorize(ctx.actor, 'update', PLAN_ITEM, b);
        assertVersion(expected, b.version);
        const overrideReason = await checkStatusChange(trx, ctx.actor, b, input);
        const moving = input.parentId !== undefined && input.parentId !== b.parent_id;
        const parent = moving
          ? await parentFor(trx, ctx, b.plan_id, input.parentId)
          : await parentFor(trx, ctx, b.plan_id, b.parent_id);
        if (moving && parent) {
          if (parent.id === id || (await ancestorIds(trx, 'plan_items', parent.id)).includes(id)) {
            throw errors.unprocessable('An item cannot move below itself; the plan would loop.', {
              field: 'parentId',
            });
          }
        }
        if (moving) {
          const levels = await levelCount(trx, b.plan_id);
          const newDepth = parent ? parent.depth + 1 : 0;
          if (newDepth + (await subtreeHeight(trx, ctx.actor, id)) >= levels) {
            throw errors.unprocessable(
              `This plan has ${levels} levels; the item and those below it would go deeper.`,
              { field: 'parentId' },
            );
          }
        }
        const startOn = input.startOn === undefined ? b.start_on : input.startOn;
        const dueOn = input.dueOn === undefined ? b.due_on : input.dueOn;
        checkDates(startOn, dueOn);
        await checkOrganisations(
          trx,
          ctx.actor,
          input.leadOrganisationId,
          input.partnerOrganisationIds,
        );
        const lead =
          input.leadOrganisationId === undefined
            ? b.lead_organisation_id
            : input.leadOrganisationId;
        const responsible =
          input.responsibleUserId === undefined ? b.responsible_user_id : input.responsibleUserId;
        if (input.leadOrganisationId !== undefined || input.responsibleUserId !== undefined)
          await checkResponsible(trx, lead, responsible);
        const title = mergeText(text(b.title_en, b.title_sr), input.title);
        if (!title.en && !title.sr)
          throw errors.unprocessable('An item needs a title in at least one language.', {
            field: 'title',
          });
        const description = mergeText(text(b.description_en, b.description_sr), input.description);
        const budget = input.budget === undefined ? undefined : input.budget;
        const done = await trx
          .updateTable('plan_items')
          .set({
            ...updateRecordColumns(ctx, b.version),
            ...(input.label ? await resolveLabel(trx, input.label, ctx.actor) : {}),
            parent_id: moving ? (parent?.id ?? null) : b.parent_id,
            // A moving item holds a place no live sibling can have until place() numbers it.
            ...(moving ? { position: 0, code: transientCode(id) } : {}),
            title_en: title.en,
            title_sr: title.sr,
            description_en: description.en,
            description_sr: description.sr,
            status: input.status ?? b.status,
            start_on: startOn,
            due_on: dueOn,
            lead_organisation_id: lead,
            responsible_user_id: responsible,
            weight: input.weight ?? b.weight,
            manual_progress:
              input.manualProgress === undefined ? b.manual_progress : input.manualProgress,
            budget_amount: budget === undefined ? b.budget_amount : (budget?.amount ?? null),
            budget_currency: budget === undefined ? b.budget_currency : (budget?.currency ?? null),
            funding_source:
              budget === undefined ? b.funding_source : (budget?.fundingSource ?? null),
            search_text: searchText(title, description),
          })
          .where('id', '=', id)
          .where('version', '=', b.version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale(b.version + 1);
        if (input.partnerOrganisationIds) {
          // Partners the writer may not see were never shown to them: they stay as they are.
          const current = (await repo.partnersOf(trx, [id])).get(id) ?? [];
          const kept = await hiddenOrganisations(trx, ctx.actor, current);
          await repo.setPartners(trx, id, [...input.partnerOrganisationIds, ...kept]);
        }
        const renumbered: Renumbered[] = [];
        if (moving || input.position !== undefined) {
          renumbered.push(
            ...(await place(trx, ctx, { id, plan_id: b.plan_id }, parent, input.position)),
          );
          if (moving) {
            renumbered.push(...(await renumberChildrenOf(trx, ctx, b.plan_id, b.parent_id)));
          }
        }
        const after = await loadPlanItem(trx, ctx.actor, id);
        if (!after) throw errors.unreadableLabel();
        // A status set by hand against the plan's rule is its own audited action, with the reason.
        await audit.record(trx, ctx, {
          action: moving
            ? 'plan_item.move'
            : overrideReason
              ? 'plan_item.status_override'
              : 'plan_item.update',
          entityType: PLAN_ITEM,
          entityId: id,
          before: before.body,
          after: overrideReason
            ? { ...after.body, statusOverrideReason: overrideReason }
            : after.body,
        });
        await auditRenumbered(
          trx,
          ctx,
          renumbered.filter((r) => r.id !== id),
        );
        return after;
      });
    },

    ...softDeletable(
      { db, audit },
      {
        table: 'plan_items',
        entity: PLAN_ITEM,
        noun: 'plan item',
        load: (trx, ctx, id) => loadPlanItem(trx, ctx.actor, id),
        // Every delete and restore of an item takes its plan's lock first.
        lock: (trx, id) => lockPlanOfItem(trx, db.dialect, id),
        // Containers: restorable only inside a live plan and under live parents the actor sees.
        deletedVisibleTo: (actor, alias) => planItemVisibleTo(actor, alias, { ownLabelOnly: true }),
        // Refused while the writer sees items below; what is hidden below goes along, and back.
        beforeDelete: (trx, id, ctx) => deleteContents(trx, ctx, audit, id),
        afterRestore: (trx, ctx, id) => restoreContents(trx, ctx, audit, id),
        // A restored item takes its old place again: its siblings make room before it is live,
        // so the unique indexes on live codes and positions never see two rows in one place.
        beforeRestore: async (trx, id, ctx) => {
          const item = await trx
            .selectFrom('plan_items')
            .select(['plan_id', 'parent_id', 'position'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          const parent = await parentRow(trx, item.parent_id);
          if (parent?.deleted_at) {
            throw errors.conflict('The item above this one is deleted; restore that one first.');
          }
          const changes = await place(
            trx,
            ctx,
            { id, plan_id: item.plan_id },
            parent ?? null,
            item.position,
          );
          await auditRenumbered(
            trx,
            ctx,
            changes.filter((c) => c.id !== id),
          );
        },
        // Siblings close ranks after a delete.
        afterChange: async (trx, id, ctx) => {
          const item = await trx
            .selectFrom('plan_items')
            .select(['plan_id', 'parent_id'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          await auditRenumbered(
            trx,
            ctx,
            (await renumberChildrenOf(trx, ctx, item.plan_id, item.parent_id)).filter(
              (c) => c.id !== id,
            ),
          );
        },
      },
    ),
  };
}
