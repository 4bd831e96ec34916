/**
 * The two Serbia–NATO action plans with their top level. The annexes (objectives and activities)
 * are not public, so nothing below the chapters ships here; issue "Action plans" adds labelled
 * sample data.
 */
import type { SeedText } from './reference/types.js';

export interface SeedPlanLevel {
  name: SeedText;
  rollupRule: 'manual' | 'average' | 'weighted' | 'from_status';
}

export interface SeedPlan {
  key: string;
  mechanism: string;
  code: string;
  title: SeedText;
  description: SeedText;
  periodStart: string;
  periodEnd: string | null;
  status: 'closed' | 'superseded' | 'in_implementation';
  levels: SeedPlanLevel[];
  /** Top-level items (chapters or areas), in order. */
  chapters: SeedText[];
}

const IPAP_LEVELS: SeedPlanLevel[] = [
  { name: { en: 'Chapter', sr: 'Поглавље' }, rollupRule: 'average' },
  { name: { en: 'Objective', sr: 'Циљ' }, rollupRule: 'average' },
  { name: { en: 'Activity', sr: 'Активност' }, rollupRule: 'from_status' },
];

export const plans: SeedPlan[] = [
  {
    key: 'ipap-2015',
    mechanism: 'ipap',
    code: 'IPAP-2015',
    title: {
      en: 'Individual Partnership Action Plan 2015',
      sr: 'Индивидуални акциони план партнерства 2015',
    },
    description: {
      en: 'Serbia’s first IPAP, approved by the North Atlantic Council on 15 January 2015: a textual part and a table of goals and activities in four chapters.',
      sr: 'Први ИПАП Србије, који је Северноатлантски савет одобрио 15. јануара 2015: текстуални део и табела циљева и активности у четири поглавља.',
    },
    periodStart: '2015-01-15',
    periodEnd: '2019-11-07',
    status: 'superseded',
    levels: IPAP_LEVELS,
    chapters: [
      { en: 'Political and security framework', sr: 'Политички и безбедносни оквир' },
      { en: 'Defence and military issues', sr: 'Питања одбране и војна питања' },
      { en: 'Protection of classified information', sr: 'Заштита тајних података' },
      {
        en: 'Public diplomacy, scientific cooperation and emergency management',
        sr: 'Јавна дипломатија, научна сарадња и управљање ванредним ситуацијама',
      },
    ],
  },
  {
    key: 'ipap-2019-2021',
    mechanism: 'ipap',
    code: 'IPAP-2019-2021',
    title: {
      en: 'Individual Partnership Action Plan 2019–2021',
      sr: 'Индивидуални акциони план партнерства 2019–2021',
    },
    description: {
      en: 'The second IPAP, whose adoption Serbia completed on 7 November 2019; it keeps the priorities of the first and adds military, scientific and information-security cooperation.',
      sr: 'Други ИПАП, чије је усвајање Србија окончала 7. новембра 2019; задржава приоритете првог и додаје војну, научну и сарадњу у области безбедности информација.',
    },
    periodStart: '2019-11-07',
    periodEnd: '2021-12-31',
    status: 'closed',
    levels: IPAP_LEVELS,
    chapters: [
      { en: 'Foreign and security policy', sr: 'Спољна и безбедносна политика' },
      { en: 'Internal policy and economic reforms', sr: 'Унутрашња политика и економске реформе' },
      { en: 'Defence and military issues', sr: 'Питања одбране и војна питања' },
      { en: 'Public diplomacy', sr: 'Јавна дипломатија' },
      {
        en: 'Crisis management and civil emergency planning',
        sr: 'Управљање кризама и цивилно планирање за ванредне ситуације',
      },
      { en: 'Protection of classified information', sr: 'Заштита тајних података' },
    ],
  },
];
