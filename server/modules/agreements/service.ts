/** Agreement use cases: each mutation is one transaction with its audit entry. */
import type { Kysely } from 'kysely';
import type { AgreementCreate, AgreementUpdate } from '../../../core/schemas/agreement.js';
import { authorize } from '../../access/policy.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor, ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { AgreementRow, Database } from '../../db/schema.js';
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
import { replaceSources, sourcesFor } from '../shared/sources.js';
import { AGREEMENT } from './policy.js';
import { presentAgreementDetail } from './presenter.js';
import * as repo from './repository.js';

type PrecisionDate = NonNullable<AgreementCreate['signedOn']>;

/** The agreement as the API shows it (with sources and relations), or undefined. */
export async function loadAgreement(db: Kysely<Database> | Trx, actor: Actor | null, id: string) {
  const row = await repo.findAgreement(db, actor, id);
  if (!row) return undefined;
  const [sources, relations] = await Promise.all([
    sourcesFor(db, AGREEMENT, [id]),
    repo.relationsOf(db, actor, id),
  ]);
  return { row, body: presentAgreementDetail(row, actor, sources.get(id) ?? [], relations) };
}

function dateCols(d: PrecisionDate | null | undefined) {
  return d ? { on: d.date, precision: d.precision } : { on: null, precision: null };
}

/** Columns for every text and date field, merging a partial update into the stored row. */
function fieldColumns(input: AgreementUpdate, before?: AgreementRow) {
  const merged = (
    field: 'title' | 'short_title' | 'parties' | 'signed_at' | 'description' | 'conflict_note',
    change: AgreementUpdate['title'],
  ) =>
    mergeText(
      before ? text(before[`${field}_en`], before[`${field}_sr`]) : text(null, null),
      change,
    );
  const title = merged('title', input.title);
  if (!title.en && !title.sr)
    throw errors.unprocessable('An agreement needs a title in at least one language.', {
      field: 'title',
    });
  const shortTitle = merged('short_title', input.shortTitle);
  const parties = merged('parties', input.parties);
  const signedAt = merged('signed_at', input.signedAt);
  const description = merged('description', input.description);
  const conflictNote = merged('conflict_note', input.conflictNote);
  const signed =
    input.signedOn === undefined
      ? { on: before?.signed_on ?? null, precision: before?.signed_precision ?? null }
      : dateCols(input.signedOn);
  const ratified =
    input.ratifiedOn === undefined
      ? { on: before?.ratified_on ?? null, precision: before?.ratified_precision ?? null }
      : dateCols(input.ratifiedOn);
  const inForce =
    input.inForceFrom === undefined
      ? { on: before?.in_force_from ?? null, precision: before?.in_force_precision ?? null }
      : dateCols(input.inForceFrom);
  if (signed.on && ratified.on && ratified.on < signed.on.slice(0, ratified.on.length)) {
    throw errors.unprocessable('The ratification date cannot be before the signature.', {
      field: 'ratifiedOn',
    });
  }
  return {
    title_en: title.en,
    title_sr: title.sr,
    short_title_en: shortTitle.en,
    short_title_sr: shortTitle.sr,
    parties_en: parties.en,
    parties_sr: parties.sr,
    signed_at_en: signedAt.en,
    signed_at_sr: signedAt.sr,
    description_en: description.en,
    description_sr: description.sr,
    conflict_note_en: conflictNote.en,
    conflict_note_sr: conflictNote.sr,
    signed_on: signed.on,
    signed_precision: signed.precision,
    ratified_on: ratified.on,
    ratified_precision: ratified.precision,
    in_force_from: inForce.on,
    in_force_precision: inForce.precision,
    search_text: searchText(title, shortTitle, parties, signedAt, description),
  };
}

async function checkMechanism(
  trx: Trx,
  actor: Actor | null,
  mechanismId: string | null | undefined,
) {
  if (!mechanismId) return;
  const found = await trx
    .selectFrom('mechanisms as m')
    .select('m.id')
    .where('m.id', '=', mechanismId)
    .where(visibleTo(actor, 'm'))
    .executeTakeFirst();
  if (!found) throw errors.unprocessable('The mechanism does not exist.', { field: 'mechanismId' });
}

export function agreementService({ db, audit }: Deps) {
  async function requireVisible(trx: Trx, ctx: ActionContext, id: string) {
    const found = await loadAgreement(trx, ctx.actor, id);
    if (!found) throw errors.notFound('The agreement');
    return found;
  }

  return {
    async create(ctx: ActionContext, input: AgreementCreate) {
      authorize(ctx.actor, 'create', AGREEMENT);
      return db.write(async (trx) => {
        await checkMechanism(trx, ctx.actor, input.mechanismId);
        const row = await trx
          .insertInto('agreements')
          .values({
            ...newRecordColumns(ctx),
            ...(await resolveLabel(trx, input.label, ctx.actor)),
            ...fieldColumns(input),
            kind: input.kind,
            status: input.status,
            mechanism_id: input.mechanismId ?? null,
            seed_key: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await replaceSources(trx, AGREEMENT, row.id, input.sources ?? []);
        const created = await loadAgreement(trx, ctx.actor, row.id);
        if (!created) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'agreement.create',
          entityType: AGREEMENT,
          entityId: row.id,
          after: created.body,
        });
        return created;
      });
    },

    async update(ctx: ActionContext, id: string, expected: number | '*', input: AgreementUpdate) {
      return db.write(async (trx) => {
        const before = await requireVisible(trx, ctx, id);
        authorize(ctx.actor, 'update', AGREEMENT, before.row);
        assertVersion(expected, before.row.version);
        if (input.mechanismId !== undefined)
          await checkMechanism(trx, ctx.actor, input.mechanismId);
        const done = await trx
          .updateTable('agreements')
          .set({
            ...updateRecordColumns(ctx, before.row.version),
            ...(input.label ? await resolveLabel(trx, input.label, ctx.actor) : {}),
            ...fieldColumns(input, before.row),
            kind: input.kind ?? before.row.kind,
            status: input.status ?? before.row.status,
            // Left alone unless sent: the row read above shows no mechanism the actor cannot see.
            ...(input.mechanismId === undefined ? {} : { mechanism_id: input.mechanismId }),
          })
          .where('id', '=', id)
          .where('version', '=', before.row.version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale(before.row.version + 1);
        if (input.sources) await replaceSources(trx, AGREEMENT, id, input.sources);
        const after = await loadAgreement(trx, ctx.actor, id);
        if (!after) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'agreement.update',
          entityType: AGREEMENT,
          entityId: id,
          before: before.body,
          after: after.body,
        });
        return after;
      });
    },

    ...softDeletable(
      { db, audit },
      {
        table: 'agreements',
        entity: AGREEMENT,
        noun: 'agreement',
        load: (trx, ctx, id) => loadAgreement(trx, ctx.actor, id),
      },
    ),
  };
}
