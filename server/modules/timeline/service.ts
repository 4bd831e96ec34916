/** Timeline use cases: each mutation is one transaction with its audit entry. */
import { partialDateBounds } from '../../../core/dates/partial-date.js';
import type { TimelineEventCreate, TimelineEventUpdate } from '../../../core/schemas/timeline.js';
import { authorize } from '../../access/policy.js';
import type { Actor, ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { assertVersion } from '../../http/etag.js';
import type { Kysely } from 'kysely';
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
import { TIMELINE_EVENT } from './policy.js';
import { presentTimelineEvent } from './presenter.js';
import * as repo from './repository.js';

const WHAT = 'The timeline event';

/** The event as the API shows it, or undefined when missing or not visible. */
export async function loadTimelineEvent(
  db: Kysely<Database> | Trx,
  actor: Actor | null,
  id: string,
) {
  const row = await repo.findTimelineEvent(db, actor, id);
  if (!row) return undefined;
  const [sources, related] = await Promise.all([
    sourcesFor(db, TIMELINE_EVENT, [id]),
    repo.relatedFor(db, actor, [id]),
  ]);
  return {
    row,
    body: presentTimelineEvent(row, actor, sources.get(id) ?? [], related.get(id) ?? []),
  };
}

function dateColumns(when: TimelineEventCreate['when']) {
  const end = when.precision === 'range' ? (when.end ?? null) : null;
  return {
    starts_on: when.date,
    ends_on: end,
    precision: when.precision,
    sort_from: partialDateBounds(when.date).from,
    sort_to: partialDateBounds(end ?? when.date).to,
  };
}

function textOf(t: { en?: string | null; sr?: string | null } | undefined) {
  return { en: t?.en ?? null, sr: t?.sr ?? null };
}

export function timelineService({ db, audit }: Deps) {
  async function requireVisible(trx: Trx, ctx: ActionContext, id: string) {
    const found = await loadTimelineEvent(trx, ctx.actor, id);
    if (!found) throw errors.notFound(WHAT);
    return found;
  }

  return {
    async create(ctx: ActionContext, input: TimelineEventCreate) {
      authorize(ctx.actor, 'create', TIMELINE_EVENT);
      return db.write(async (trx) => {
        const title = textOf(input.title);
        const description = textOf(input.description);
        const conflictNote = textOf(input.conflictNote);
        const row = await trx
          .insertInto('timeline_events')
          .values({
            ...newRecordColumns(ctx),
            ...(await resolveLabel(trx, input.label, ctx.actor)),
            ...dateColumns(input.when),
            category: input.category,
            title_en: title.en,
            title_sr: title.sr,
            description_en: description.en,
            description_sr: description.sr,
            conflict_note_en: conflictNote.en,
            conflict_note_sr: conflictNote.sr,
            seed_key: null,
            search_text: searchText(title, description, conflictNote),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await replaceSources(trx, TIMELINE_EVENT, row.id, input.sources);
        const created = await loadTimelineEvent(trx, ctx.actor, row.id);
        if (!created) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'timeline_event.create',
          entityType: TIMELINE_EVENT,
          entityId: row.id,
          after: created.body,
        });
        return created;
      });
    },

    async update(
      ctx: ActionContext,
      id: string,
      expected: number | '*',
      input: TimelineEventUpdate,
    ) {
      return db.write(async (trx) => {
        const before = await requireVisible(trx, ctx, id);
        authorize(ctx.actor, 'update', TIMELINE_EVENT, before.row);
        assertVersion(expected, before.row.version);
        const b = before.row;
        const title = mergeText(text(b.title_en, b.title_sr), input.title);
        if (!title.en && !title.sr)
          throw errors.unprocessable('An event needs a title in at least one language.', {
            field: 'title',
          });
        const description = mergeText(text(b.description_en, b.description_sr), input.description);
        const conflictNote = mergeText(
          text(b.conflict_note_en, b.conflict_note_sr),
          input.conflictNote,
        );
        const done = await trx
          .updateTable('timeline_events')
          .set({
            ...updateRecordColumns(ctx, b.version),
            ...(input.label ? await resolveLabel(trx, input.label, ctx.actor) : {}),
            ...(input.when ? dateColumns(input.when) : {}),
            category: input.category ?? b.category,
            title_en: title.en,
            title_sr: title.sr,
            description_en: description.en,
            description_sr: description.sr,
            conflict_note_en: conflictNote.en,
            conflict_note_sr: conflictNote.sr,
            search_text: searchText(title, description, conflictNote),
          })
          .where('id', '=', id)
          .where('version', '=', b.version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale(b.version + 1);
        if (input.sources) await replaceSources(trx, TIMELINE_EVENT, id, input.sources);
        const after = await loadTimelineEvent(trx, ctx.actor, id);
        if (!after) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'timeline_event.update',
          entityType: TIMELINE_EVENT,
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
        table: 'timeline_events',
        entity: TIMELINE_EVENT,
        noun: 'timeline event',
        load: (trx, ctx, id) => loadTimelineEvent(trx, ctx.actor, id),
      },
    ),
  };
}
