/**
 * Writes the illustrative objectives and activities of server/seed/sample-items.ts under one
 * chapter, flagged sample_data = 1. Each activity's status history is replayed as updates dated in
 * the past, so the trigger of migration 0008 records it and the "as of" view has something to show.
 */
import { uuidv7 } from '../../core/ids/uuidv7.js';
import type { Trx } from '../db/database.js';
import { PUBLIC_LABEL, resolveLabel, searchText } from '../modules/shared/records.js';
import type { SampleObjective } from './sample-items.js';

/** Noon UTC on a day, so the date reads the same in every time zone near Europe. */
const at = (day: string) => `${day}T12:00:00.000Z`;

export async function seedSampleItems(
  trx: Trx,
  where: { planId: string; chapterId: string; chapterCode: string },
  objectives: SampleObjective[],
  organisations: Map<string, string>,
): Promise<number> {
  const label = await resolveLabel(trx, PUBLIC_LABEL);
  const org = (key: string) => {
    const id = organisations.get(key);
    if (!id) throw new Error(`Sample item names an unknown organisation: ${key}`);
    return id;
  };
  let written = 0;
  for (const [o, objective] of objectives.entries()) {
    const objectiveId = uuidv7();
    const objectiveCode = `${where.chapterCode}.${o + 1}`;
    const firstDay = objective.activities.map((a) => a.history[0]![0]).sort()[0]!;
    await trx
      .insertInto('plan_items')
      .values({
        ...label,
        id: objectiveId,
        version: 1,
        created_at: at(firstDay),
        created_by: null,
        updated_at: at(firstDay),
        updated_by: null,
        deleted_at: null,
        plan_id: where.planId,
        parent_id: where.chapterId,
        depth: 1,
        position: o + 1,
        code: objectiveCode,
        title_en: objective.title.en,
        title_sr: objective.title.sr,
        description_en: null,
        description_sr: null,
        lead_organisation_id: org(objective.lead),
        status: 'ongoing',
        sample_data: 1,
        search_text: searchText(objective.title),
      })
      .execute();
    written += 1;
    for (const [a, activity] of objective.activities.entries()) {
      const id = uuidv7();
      const [[firstOn, firstStatus], ...later] = activity.history as [
        [string, string],
        ...[string, string][],
      ];
      await trx
        .insertInto('plan_items')
        .values({
          ...label,
          id,
          version: 1,
          created_at: at(firstOn),
          created_by: null,
          updated_at: at(firstOn),
          updated_by: null,
          deleted_at: null,
          plan_id: where.planId,
          parent_id: objectiveId,
          depth: 2,
          position: a + 1,
          code: `${objectiveCode}.${a + 1}`,
          title_en: activity.title.en,
          title_sr: activity.title.sr,
          description_en: null,
          description_sr: null,
          status: firstStatus,
          start_on: activity.startOn,
          due_on: activity.dueOn,
          lead_organisation_id: org(activity.lead),
          sample_data: 1,
          search_text: searchText(activity.title),
        })
        .execute();
      for (const partner of activity.partners ?? []) {
        await trx
          .insertInto('plan_item_partners')
          .values({ plan_item_id: id, organisation_id: org(partner) })
          .execute();
      }
      for (const [step, [on, status]] of later.entries()) {
        await trx
          .updateTable('plan_items')
          .set({ status, updated_at: at(on), version: step + 2 })
          .where('id', '=', id)
          .execute();
      }
      written += 1;
    }
  }
  return written;
}
