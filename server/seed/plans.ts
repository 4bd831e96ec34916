/**
 * The two Serbia–NATO action plans with their top level and the dated steps that adopted them. The annexes (objectives and activities)
 * are not public, so nothing below the chapters ships here; issue "Action plans" adds labelled
 * sample data.
 */
import type { ApprovalStepKind } from '../../core/plans/approval-steps.js';
import type { SeedDate, SeedText } from './reference/types.js';

export interface SeedPlanLevel {
  name: SeedText;
  rollupRule: 'manual' | 'average' | 'weighted' | 'from_status';
}

/** A dated step that brought the plan into force, with what the sources say about it. */
export interface SeedApprovalStep {
  kind: ApprovalStepKind;
  date: SeedDate;
  /** Where the date comes from and how far it can be trusted. */
  note?: SeedText;
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
  approvalSteps: SeedApprovalStep[];
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
    approvalSteps: [
      {
        kind: 'government_adoption',
        date: { date: '2014-12-14', precision: 'day' },
        note: {
          en: 'The day is as a Belgrade Centre for Security Policy explainer reports it; no official record of that government session was found.',
          sr: 'Дан је наведен према објашњењу Београдског центра за безбедносну политику; званични запис о тој седници Владе није пронађен.',
        },
      },
      {
        kind: 'nac_approval',
        date: { date: '2015-01-15', precision: 'day' },
        note: {
          en: 'Approval had been held up for a while by one Ally before the Council adopted the plan.',
          sr: 'Једна чланица је неко време задржавала одобрење пре него што га је Савет усвојио.',
        },
      },
      {
        kind: 'implementation_start',
        date: { date: '2015-03-18', precision: 'day' },
        note: {
          en: 'Marked by the foreign and defence ministers addressing the Council. NATO’s own news item gives 18 March 2015; a regional agency report gives 18 April.',
          sr: 'Обележен обраћањем министара спољних послова и одбране Савету. НАТО на својој страници наводи 18. март 2015, а један регионални агенцијски извештај 18. април.',
        },
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
    approvalSteps: [
      {
        kind: 'government_adoption',
        date: { date: '2019-11-07', precision: 'day' },
        note: {
          en: 'The day Serbia completed its adoption procedure, after delays through 2019.',
          sr: 'Дан када је Србија окончала поступак усвајања, после одлагања током 2019.',
        },
      },
    ],
  },
];
