/**
 * A fictional partner deployment: the Kingdom of Ruritania (nation code XR, a user-assigned ISO
 * code) with its own marking scheme, organisations, mechanism and plan. Nothing here is a fact; it
 * exists so the API suite can run against a second partner and prove that nothing partner-specific
 * lives in code (`LIAISON_DATA_SET=fictional`, `npm run test:unit` runs project api-fictional).
 */
import type { DataSet } from '../reference/index.js';
import type { SeedOrganisation } from '../reference/types.js';

const XR = { side: 'partner', nation: 'XR' } as const;
const NATO = { side: 'nato', nation: 'NATO' } as const;

const organisations: SeedOrganisation[] = [
  {
    key: 'xr-government',
    kind: 'government',
    ...XR,
    name: { en: 'Royal Government of Ruritania', sr: 'Краљевска влада Руританије' },
  },
  {
    key: 'xr-mod',
    parent: 'xr-government',
    kind: 'ministry',
    ...XR,
    name: { en: 'Ruritanian Ministry of Defence', sr: 'Министарство одбране Руританије' },
    abbreviation: { en: 'RMoD', sr: 'РМО' },
  },
  {
    key: 'xr-mod-policy',
    parent: 'xr-mod',
    kind: 'ministry_unit',
    ...XR,
    name: { en: 'Defence Policy Directorate', sr: 'Управа за политику одбране' },
    label: { policy: 'XR', level: 'RESTRICTED_XR', releasableTo: ['XR'] },
  },
  {
    key: 'xr-army',
    kind: 'armed_forces',
    ...XR,
    name: { en: 'Royal Ruritanian Army', sr: 'Краљевска руританска војска' },
  },
  {
    key: 'xr-parliament',
    kind: 'parliament',
    ...XR,
    name: { en: 'Parliament of Ruritania', sr: 'Скупштина Руританије' },
  },
  {
    key: 'nato',
    kind: 'nato_hq',
    ...NATO,
    name: {
      en: 'North Atlantic Treaty Organization',
      sr: 'Организација северноатлантског уговора',
    },
    abbreviation: { en: 'NATO', sr: 'НАТО' },
  },
  {
    key: 'nato-is',
    parent: 'nato',
    kind: 'nato_hq_division',
    ...NATO,
    name: { en: 'NATO International Staff', sr: 'Међународни секретаријат НАТО' },
  },
  {
    key: 'nato-liaison-strelsau',
    parent: 'nato',
    kind: 'nato_liaison_office',
    ...NATO,
    name: { en: 'NATO Liaison Office Strelsau', sr: 'Канцеларија НАТО за везу у Стрелзауу' },
    label: { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['NATO', 'XR'] },
  },
];

export const fictionalDataSet: DataSet = {
  deployment: {
    name: 'fictional Ruritania–NATO data set',
    partnerNation: 'XR',
    defaultOwner: 'XR',
    defaultLabel: { policy: 'XR', level: 'RESTRICTED_XR', releasableTo: ['NATO', 'XR'] },
  },
  markingPolicies: [
    {
      code: 'XR',
      name: { en: 'Kingdom of Ruritania', sr: 'Краљевина Руританија' },
      position: 2,
      levels: [
        { code: 'OPEN', rank: 0, name: { en: 'OPEN', sr: 'ОТВОРЕНО' }, public: true },
        {
          code: 'RESTRICTED_XR',
          rank: 1,
          name: { en: 'RESTRICTED (XR)', sr: 'ОГРАНИЧЕНО (XR)' },
          public: false,
        },
        {
          code: 'CONFIDENTIAL_XR',
          rank: 2,
          name: { en: 'CONFIDENTIAL (XR)', sr: 'ПОВЕРЉИВО (XR)' },
          public: false,
        },
        {
          code: 'SECRET_XR',
          rank: 3,
          name: { en: 'SECRET (XR)', sr: 'ТАЈНО (XR)' },
          public: false,
        },
      ],
    },
  ],
  organisations,
  mechanisms: [
    {
      key: 'xr-partnership',
      kind: 'programme',
      name: {
        en: 'Ruritania–NATO Partnership Programme',
        sr: 'Програм партнерства Руританија–НАТО',
      },
      description: {
        en: 'A made-up cooperation programme of a fictional partner, for tests and demonstrations.',
        sr: 'Измишљени програм сарадње измишљеног партнера, за тестове и демонстрације.',
      },
      startedOn: { date: '2020', precision: 'year' },
      leadOrganisations: ['xr-mod', 'nato-is'],
      sources: [{ citation: 'Fictional: no source.' }],
    },
    {
      key: 'xr-action-plan',
      parent: 'xr-partnership',
      kind: 'action_plan',
      name: { en: 'Ruritanian Partnership Action Plan', sr: 'Руритански акциони план партнерства' },
      description: {
        en: 'The fictional partner’s action plan mechanism.',
        sr: 'Механизам акционог плана измишљеног партнера.',
      },
      leadOrganisations: ['xr-mod'],
      sources: [{ citation: 'Fictional: no source.' }],
    },
  ],
  agreements: [
    {
      key: 'xr-framework',
      kind: 'partnership_document',
      title: {
        en: 'Ruritania–NATO Partnership Framework Document',
        sr: 'Оквирни документ партнерства Руританија–НАТО',
      },
      parties: { en: 'Kingdom of Ruritania; NATO', sr: 'Краљевина Руританија; НАТО' },
      signedOn: { date: '2020-05-04', precision: 'day' },
      status: 'in_force',
      description: { en: 'Fictional.', sr: 'Измишљено.' },
      mechanism: 'xr-partnership',
      sources: [{ citation: 'Fictional: no source.' }],
    },
  ],
  agreementRelations: [],
  timelineEvents: [
    {
      key: 'xr-joins',
      when: { date: '2020-05', precision: 'month' },
      category: 'pfp',
      title: {
        en: 'Ruritania joins the partnership programme',
        sr: 'Руританија приступа програму партнерства',
      },
      sources: [{ citation: 'Fictional: no source.' }],
      related: ['xr-partnership'],
    },
  ],
  plans: [
    {
      key: 'xr-plan-2024',
      mechanism: 'xr-action-plan',
      code: 'RPAP-2024',
      title: {
        en: 'Ruritanian Partnership Action Plan 2024',
        sr: 'Руритански акциони план партнерства 2024',
      },
      description: { en: 'A fictional plan.', sr: 'Измишљени план.' },
      periodStart: '2024-01-01',
      periodEnd: '2026-12-31',
      status: 'in_implementation',
      levels: [
        { name: { en: 'Area', sr: 'Област' }, rollupRule: 'average' },
        { name: { en: 'Task', sr: 'Задатак' }, rollupRule: 'from_status' },
      ],
      chapters: [
        { en: 'Defence reform', sr: 'Реформа одбране' },
        { en: 'Civil preparedness', sr: 'Цивилна приправност' },
      ],
      approvalSteps: [
        { kind: 'government_adoption', date: { date: '2023-12', precision: 'month' } },
      ],
    },
  ],
  sampleItems: {},
};
