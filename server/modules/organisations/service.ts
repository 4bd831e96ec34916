/** Organisation use cases: each mutation is one transaction with its audit entry. */
import type { OrganisationCreate, OrganisationUpdate } from '../../../core/schemas/organisation.js';
import { authorize } from '../../access/policy.js';
import { hiddenOrganisations } from '../../access/references.js';
import type { ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { lockOrganisationTree } from '../../db/dialect.js';
import type { OrganisationRow } from '../../db/schema.js';
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
import { ORGANISATION } from './policy.js';
import { presentOrganisation } from './presenter.js';
import * as repo from './repository.js';
import { ancestorIds } from '../shared/tree.js';

const NOT_FOUND = 'The organisation';

/** The record as audited: the API shape without anyone's abilities. */
function snapshot(row: OrganisationRow) {
  return presentOrganisation(row, null);
}

/** What a write answers: the record as the writer reads it, a parent hidden from them withheld. */
async function saved(trx: Trx, row: OrganisationRow, ctx: ActionContext) {
  const hidden = await hiddenOrganisations(trx, ctx.actor, [row.parent_id]);
  return { row, body: presentOrganisation(row, ctx.actor, hidden) };
}

async function requireVisible(trx: Trx, ctx: ActionContext, id: string) {
  const row = await repo.findOrganisation(trx, ctx.actor, id);
  if (!row) throw errors.notFound(NOT_FOUND);
  return row;
}

async function checkParent(
  trx: Trx,
  ctx: ActionContext,
  id: string | null,
  parentId: string | null | undefined,
) {
  if (!parentId) return;
  if (parentId === id)
    throw errors.unprocessable('An organisation cannot be its own parent.', { field: 'parentId' });
  const parent = await repo.findOrganisation(trx, ctx.actor, parentId);
  if (!parent)
    throw errors.unprocessable('The parent organisation does not exist.', { field: 'parentId' });
  if (id && (await ancestorIds(trx, 'organisations', parentId)).includes(id)) {
    throw errors.unprocessable('That parent sits below this organisation; the tree would loop.', {
      field: 'parentId',
    });
  }
}

function textColumns(name: { en?: string | null; sr?: string | null }) {
  return { en: name.en ?? null, sr: name.sr ?? null };
}

export function organisationService({ db, audit }: Deps) {
  return {
    async create(ctx: ActionContext, input: OrganisationCreate) {
      authorize(ctx.actor, 'create', ORGANISATION);
      return db.write(async (trx) => {
        // A unit takes its turn with deletes and moves: never a live unit below a deleted parent.
        if (input.parentId) await lockOrganisationTree(trx, db.dialect);
        await checkParent(trx, ctx, null, input.parentId);
        const name = textColumns(input.name);
        const abbreviation = textColumns(input.abbreviation ?? {});
        const description = textColumns(input.description ?? {});
        const row = await repo.insertOrganisation(trx, {
          ...newRecordColumns(ctx),
          ...(await resolveLabel(trx, input.label, ctx.actor)),
          parent_id: input.parentId ?? null,
          kind: input.kind,
          side: input.side,
          nation: input.nation,
          name_en: name.en,
          name_sr: name.sr,
          abbreviation_en: abbreviation.en,
          abbreviation_sr: abbreviation.sr,
          description_en: description.en,
          description_sr: description.sr,
          website: input.website ?? null,
          seed_key: null,
          search_text: searchText(name, abbreviation, description),
        });
        if (!(await repo.findOrganisation(trx, ctx.actor, row.id))) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'organisation.create',
          entityType: ORGANISATION,
          entityId: row.id,
          after: snapshot(row),
        });
        return saved(trx, row, ctx);
      });
    },

    async update(
      ctx: ActionContext,
      id: string,
      expected: number | '*',
      input: OrganisationUpdate,
    ) {
      return db.write(async (trx) => {
        // A move checks the tree for loops; moves take turns so two crossing ones cannot both pass.
        if (input.parentId !== undefined) await lockOrganisationTree(trx, db.dialect);
        const before = await requireVisible(trx, ctx, id);
        authorize(ctx.actor, 'update', ORGANISATION, before);
        assertVersion(expected, before.version);
        if (input.parentId !== undefined) await checkParent(trx, ctx, id, input.parentId);
        const name = mergeText(text(before.name_en, before.name_sr), input.name);
        if (!name.en && !name.sr)
          throw errors.unprocessable('An organisation needs a name in at least one language.', {
            field: 'name',
          });
        const abbreviation = mergeText(
          text(before.abbreviation_en, before.abbreviation_sr),
          input.abbreviation,
        );
        const description = mergeText(
          text(before.description_en, before.description_sr),
          input.description,
        );
        const row = await repo.updateOrganisation(trx, id, before.version, {
          ...updateRecordColumns(ctx, before.version),
          ...(input.label ? await resolveLabel(trx, input.label, ctx.actor) : {}),
          parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
          kind: input.kind ?? before.kind,
          side: input.side ?? before.side,
          nation: input.nation ?? before.nation,
          name_en: name.en,
          name_sr: name.sr,
          abbreviation_en: abbreviation.en,
          abbreviation_sr: abbreviation.sr,
          description_en: description.en,
          description_sr: description.sr,
          website: input.website === undefined ? before.website : input.website,
          search_text: searchText(name, abbreviation, description),
        });
        if (!row) throw errors.stale(before.version + 1);
        if (!(await repo.findOrganisation(trx, ctx.actor, id))) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'organisation.update',
          entityType: ORGANISATION,
          entityId: id,
          before: snapshot(before),
          after: snapshot(row),
        });
        return saved(trx, row, ctx);
      });
    },

    /** Soft delete: the record disappears from every read and can be restored. */
    ...softDeletable(
      { db, audit },
      {
        table: 'organisations',
        entity: ORGANISATION,
        noun: 'organisation',
        // Deletes and restores take turns with units added below and with moves.
        lock: (trx) => lockOrganisationTree(trx, db.dialect),
        load: async (trx, ctx, id) => {
          const row = await repo.findOrganisation(trx, ctx.actor, id);
          return row && saved(trx, row, ctx);
        },
        beforeDelete: async (trx, id, ctx) => {
          if (await repo.hasVisibleChildren(trx, ctx.actor, id)) {
            throw errors.conflict(
              'This organisation still has units below it. Move or delete them first.',
            );
          }
        },
      },
    ),
  };
}
