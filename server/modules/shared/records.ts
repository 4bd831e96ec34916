/** Helpers shared by repositories and presenters: record columns, labels, bilingual text. */
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { searchFold } from '../../../core/text/search-fold.js';
import type { LocalisedText } from '../../../core/domain/text.js';
import type { Trx } from '../../db/database.js';
import type { RecordColumns } from '../../db/schema.js';
import type { ActionContext, Actor } from '../../audit/context.js';
import { visibleTo } from '../../access/visibility.js';
import { errors } from '../../errors.js';
import { defaultLabelInput, deploymentSettings } from '../markings/deployment.js';

export interface LabelInput {
  policy: string;
  level: string;
  releasableTo: string[];
  /** Omitted: the deployment's default owner (deployment_settings). */
  owner?: string;
  originatorId?: string | null;
}

type LabelColumns = Pick<
  RecordColumns,
  | 'label_policy'
  | 'label_level'
  | 'label_rank'
  | 'label_owner'
  | 'label_releasable_to'
  | 'label_originator_id'
>;

/**
 * Public reference data: no marking, releasable to everyone (owner: the deployment's default).
 * Only seed data and an explicit choice use it; a record created without a label takes the
 * deployment's default label instead (markings/deployment.ts), which is never public.
 */
export const PUBLIC_LABEL: LabelInput = {
  policy: 'NONE',
  level: 'PUBLIC',
  releasableTo: ['PUBLIC'],
};

/**
 * Highest rank this deployment may hold (NATO UNCLASSIFIED / unmarked national). Liaison is not
 * accredited for classified information, so anything above is refused rather than stored.
 */
export const DEPLOYMENT_MAX_RANK = 1;

/**
 * Checks a label against the marking tables, the deployment ceiling and — when someone saves it —
 * that person's clearance in the label's policy (403: one may not mark above one's clearance).
 */
export async function resolveLabel(
  trx: Trx,
  input: LabelInput | undefined,
  actor?: Actor | null,
): Promise<LabelColumns> {
  const settings = input?.owner ? null : await deploymentSettings(trx);
  const label = input ?? defaultLabelInput(settings!);
  const owner = label.owner ?? settings!.defaultOwner;
  const level = await trx
    .selectFrom('marking_levels')
    .select(['rank', 'public', 'name_en'])
    .where('policy_code', '=', label.policy)
    .where('code', '=', label.level)
    .executeTakeFirst();
  if (!level) {
    throw errors.unprocessable(`The marking ${label.policy} has no level ${label.level}.`, {
      field: 'label.level',
    });
  }
  if (level.rank > DEPLOYMENT_MAX_RANK) {
    throw errors.unprocessable(
      `${level.name_en} is above the highest level this deployment may hold. Liaison is not accredited for classified information; keep such material in an accredited system.`,
      { field: 'label.level' },
    );
  }
  // One may not mark above one's clearance in the label's policy (none held: rank 0).
  const cleared = actor
    ? Object.hasOwn(actor.clearances, label.policy)
      ? actor.clearances[label.policy]!
      : 0
    : undefined;
  if (cleared !== undefined && level.rank > cleared) {
    throw errors.forbidden(
      `Your clearance does not cover ${level.name_en}, so you cannot mark a record with it.`,
    );
  }
  // The originating organisation decides need-to-know, so a writer names only one they may read:
  // a hidden organisation is answered exactly like an id that does not exist. (Seeds, which pass
  // no actor, may name organisations loaded later in the same run.)
  if (actor && label.originatorId) {
    const originator = await trx
      .selectFrom('organisations as o')
      .select('o.id')
      .where('o.id', '=', label.originatorId)
      .where(visibleTo(actor, 'o'))
      .executeTakeFirst();
    if (!originator) {
      throw errors.unprocessable('The originating organisation was not found.', {
        field: 'label.originatorId',
      });
    }
  }
  const releasable = [...new Set(label.releasableTo)].sort();
  if (releasable.includes('PUBLIC') && !level.public) {
    throw errors.unprocessable(
      `A record marked ${level.name_en} cannot be releasable to the public.`,
      {
        field: 'label.releasableTo',
      },
    );
  }
  return {
    label_policy: label.policy,
    label_level: label.level,
    label_rank: level.rank,
    label_owner: owner,
    label_releasable_to: JSON.stringify(releasable),
    label_originator_id: label.originatorId ?? null,
  };
}

/** Identity and provenance columns of a new record. */
export function newRecordColumns(ctx: ActionContext) {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    version: 1,
    created_at: now,
    created_by: ctx.actor?.id ?? null,
    updated_at: now,
    updated_by: ctx.actor?.id ?? null,
    deleted_at: null,
  };
}

/** Provenance columns of an update; the version moves on by one. */
export function updateRecordColumns(ctx: ActionContext, previousVersion: number) {
  return {
    version: previousVersion + 1,
    updated_at: new Date().toISOString(),
    updated_by: ctx.actor?.id ?? null,
  };
}

/** Presents the label columns of a row. */
export function presentLabel(row: LabelColumns) {
  return {
    policy: row.label_policy,
    level: row.label_level,
    releasableTo: JSON.parse(row.label_releasable_to) as string[],
    owner: row.label_owner,
    originatorId: row.label_originator_id,
  };
}

/** Bilingual text from its two columns. */
export function text(en: string | null, sr: string | null) {
  return { en, sr };
}

/** A precision date from its columns, or null when the date is unknown. */
export function precisionDate(
  date: string | null,
  precision: string | null,
  end: string | null = null,
) {
  if (!date) return null;
  return {
    date,
    end,
    precision: (precision ?? 'day') as 'day' | 'month' | 'year' | 'range' | 'approximate',
  };
}

/** The folded search text of a record's text fields (both scripts, no diacritics). */
export function searchText(...parts: (LocalisedText | string | null | undefined)[]): string {
  const words: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    if (typeof part === 'string') words.push(part);
    else words.push(part.en ?? '', part.sr ?? '');
  }
  return searchFold(words.filter(Boolean).join(' '));
}

/** Merges a partial text update into the stored text (absent languages keep their value). */
export function mergeText(
  stored: { en: string | null; sr: string | null },
  change: LocalisedText | undefined,
) {
  if (!change) return stored;
  return {
    en: change.en === undefined ? stored.en : change.en,
    sr: change.sr === undefined ? stored.sr : change.sr,
  };
}
