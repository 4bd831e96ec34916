/**
 * Level presets for new plans: the usual shapes of a partnership action plan, each level with a
 * name in English and Serbian (Cyrillic, as the reference data is written) and the roll-up rule a
 * coordinator would most often choose for it. A plan copies its preset; afterwards its levels are
 * its own and can be renamed, re-ruled, appended or (when empty) removed.
 */
import type { RollupRule } from './rollup.js';

export const PLAN_TEMPLATES = ['ipap', 'itpp', 'national', 'custom'] as const;
export type PlanTemplate = (typeof PLAN_TEMPLATES)[number];

/** A plan has at least one level and at most this many. */
export const MAX_PLAN_LEVELS = 6;

export interface LevelPreset {
  name: { en: string; sr: string };
  rollupRule: RollupRule;
}

const ACTIVITY: LevelPreset = {
  name: { en: 'Activity', sr: 'Активност' },
  rollupRule: 'from_status',
};

export const LEVEL_PRESETS: Record<PlanTemplate, readonly LevelPreset[]> = {
  /** Individual Partnership Action Plan: chapters of objectives of activities. */
  ipap: [
    { name: { en: 'Chapter', sr: 'Поглавље' }, rollupRule: 'average' },
    { name: { en: 'Objective', sr: 'Циљ' }, rollupRule: 'average' },
    ACTIVITY,
  ],
  /** Individually Tailored Partnership Programme. */
  itpp: [
    { name: { en: 'Strategic objective', sr: 'Стратешки циљ' }, rollupRule: 'average' },
    { name: { en: 'Partnership goal', sr: 'Циљ партнерства' }, rollupRule: 'average' },
    ACTIVITY,
  ],
  /** A national action plan in the Serbian government's usual form. */
  national: [
    { name: { en: 'General objective', sr: 'Општи циљ' }, rollupRule: 'average' },
    { name: { en: 'Measure', sr: 'Мера' }, rollupRule: 'weighted' },
    ACTIVITY,
  ],
  /** A starting point to rename: goals made of activities. */
  custom: [{ name: { en: 'Goal', sr: 'Циљ' }, rollupRule: 'average' }, ACTIVITY],
};

/** The levels a preset gives a new plan (a fresh copy the caller may change). */
export function levelsOfTemplate(template: PlanTemplate): LevelPreset[] {
  return LEVEL_PRESETS[template].map((l) => ({ name: { ...l.name }, rollupRule: l.rollupRule }));
}

/** The preset whose level names match (in either language), or 'custom'. */
export function templateOfLevels(
  levels: readonly { name: { en: string | null; sr: string | null } }[],
): PlanTemplate {
  for (const template of PLAN_TEMPLATES) {
    if (template === 'custom') continue;
    const preset = LEVEL_PRESETS[template];
    if (
      preset.length === levels.length &&
      preset.every((p, i) => p.name.en === levels[i]?.name.en)
    ) {
      return template;
    }
  }
  return 'custom';
}

/**
 * Whether a new plan with these levels takes item statuses only from approved reports: on for the
 * IPAP and ITPP shapes, where statuses are reported to NATO; the coordinator may switch it.
 */
export function statusViaReportsByDefault(
  levels: readonly { name: { en: string | null; sr: string | null } }[],
): boolean {
  const template = templateOfLevels(levels);
  return template === 'ipap' || template === 'itpp';
}
