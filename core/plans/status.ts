/**
 * Status vocabulary of plan items, as Serbian institutions report it (domain notes §7, §8.4), with
 * the progress each status stands for when a level rolls up "from status".
 */
export const PLAN_ITEM_STATUSES = [
  'not_started',
  'ongoing',
  'implemented',
  'partially_implemented',
  'not_implemented',
  'continuous',
  'postponed',
  'cancelled',
] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

/** English and Serbian (Latin; Cyrillic is derived losslessly) labels. */
export const PLAN_ITEM_STATUS_LABELS: Record<PlanItemStatus, { en: string; sr: string }> = {
  not_started: { en: 'Not started', sr: 'Nije započeto' },
  ongoing: { en: 'Ongoing', sr: 'U toku' },
  implemented: { en: 'Implemented', sr: 'Realizovano' },
  partially_implemented: { en: 'Partially implemented', sr: 'Delimično realizovano' },
  not_implemented: { en: 'Not implemented', sr: 'Nije realizovano' },
  continuous: { en: 'Continuous', sr: 'Kontinuirano' },
  postponed: { en: 'Postponed', sr: 'Odloženo' },
  cancelled: { en: 'Cancelled', sr: 'Otkazano' },
};

/**
 * Progress (0–100) a status stands for. `null` means the item does not count in a roll-up:
 * a cancelled item is out of the plan. A continuous activity counts as on track (100) for the
 * period it is reported in — Serbian reports list it beside the implemented ones.
 */
export const STATUS_PROGRESS: Record<PlanItemStatus, number | null> = {
  not_started: 0,
  ongoing: 50,
  implemented: 100,
  partially_implemented: 50,
  not_implemented: 0,
  continuous: 100,
  postponed: 0,
  cancelled: null,
};
