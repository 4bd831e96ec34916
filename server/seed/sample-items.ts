/**
 * Illustrative objectives and activities for IPAP 2015. The plan's tabular annex is not public, so
 * these are NOT its content: they are examples written for this product from the kinds of work the
 * public sources name (status arrangements, the "Jug" training base, surplus destruction, classified
 * information, public diplomacy, emergency management). Every item is stored with sample_data = 1
 * and the UI marks it "Sample".
 *
 * `history` is the item's status over time: the first entry is when it was entered; the database
 * trigger of migration 0008 turns each entry into a history row, so the "as of" view has a past.
 */
import type { SeedText } from './reference/types.js';

type Status =
  | 'not_started'
  | 'ongoing'
  | 'implemented'
  | 'partially_implemented'
  | 'not_implemented'
  | 'continuous'
  | 'postponed'
  | 'cancelled';

export interface SampleActivity {
  title: SeedText;
  /** Organisation seed keys. */
  lead: string;
  partners?: string[];
  startOn: string;
  dueOn: string;
  history: [on: string, status: Status][];
}

export interface SampleObjective {
  title: SeedText;
  lead: string;
  activities: SampleActivity[];
}

/** Objectives per chapter, in chapter order. */
export const sampleItems: Record<string, SampleObjective[][]> = {
  'ipap-2015': [
    [
      {
        title: {
          en: 'Regular political dialogue with the Alliance on the plan and on regional stability',
          sr: 'Редован политички дијалог са Алијансом о плану и регионалној стабилности',
        },
        lead: 'mfa',
        activities: [
          {
            title: {
              en: 'Yearly review of implementation with the North Atlantic Council',
              sr: 'Годишњи преглед спровођења са Северноатлантским саветом',
            },
            lead: 'mfa-nato-pfp',
            partners: ['mission-nato', 'mod'],
            startOn: '2015-03',
            dueOn: 'continuous',
            history: [
              ['2015-03-18', 'not_started'],
              ['2015-06-30', 'continuous'],
            ],
          },
          {
            title: {
              en: 'Brief the parliamentary delegation to the NATO PA on progress twice a year',
              sr: 'Информисање делегације у Парламентарној скупштини НАТО о напретку два пута годишње',
            },
            lead: 'mfa',
            partners: ['assembly-nato-pa-delegation'],
            startOn: '2015-06',
            dueOn: '2016-Q4',
            history: [
              ['2015-06-01', 'not_started'],
              ['2015-10-15', 'ongoing'],
              ['2016-12-20', 'implemented'],
            ],
          },
        ],
      },
      {
        title: {
          en: 'A legal basis for practical cooperation',
          sr: 'Правни основ за практичну сарадњу',
        },
        lead: 'mfa',
        activities: [
          {
            title: {
              en: 'Complete ratification of the status arrangement for personnel in partnership activities',
              sr: 'Окончање потврђивања аранжмана о статусу особља у активностима партнерства',
            },
            lead: 'mfa',
            partners: ['mod', 'assembly'],
            startOn: '2015-03',
            dueOn: '2016-Q1',
            history: [
              ['2015-03-18', 'not_started'],
              ['2015-09-01', 'ongoing'],
              ['2016-02-29', 'implemented'],
            ],
          },
        ],
      },
    ],
    [
      {
        title: {
          en: 'Interoperability of the units declared for partnership activities',
          sr: 'Интероперабилност јединица пријављених за активности партнерства',
        },
        lead: 'saf-gs',
        activities: [
          {
            title: {
              en: 'Evaluate one declared unit through the operational capabilities concept',
              sr: 'Евалуација једне пријављене јединице кроз концепт оперативних способности',
            },
            lead: 'saf-gs',
            partners: ['jfc-naples'],
            startOn: '2015-09',
            dueOn: '2017-Q2',
            history: [
              ['2015-09-01', 'not_started'],
              ['2016-03-01', 'ongoing'],
              ['2017-07-10', 'partially_implemented'],
            ],
          },
          {
            title: {
              en: 'Open courses at the southern training base to partner nations',
              sr: 'Отварање курсева у јужној наставној бази за партнерске државе',
            },
            lead: 'mod',
            partners: ['saf-3rd-brigade'],
            startOn: '2015-06',
            dueOn: '2016-06',
            history: [
              ['2015-06-01', 'not_started'],
              ['2015-11-01', 'ongoing'],
              ['2016-06-15', 'implemented'],
            ],
          },
        ],
      },
      {
        title: {
          en: 'Defence planning and management of resources',
          sr: 'Планирање одбране и управљање ресурсима',
        },
        lead: 'mod-dps',
        activities: [
          {
            title: {
              en: 'Bring defence planning documents in line with the partnership goals',
              sr: 'Усклађивање докумената планирања одбране са циљевима партнерства',
            },
            lead: 'mod-spd',
            partners: ['nato-is-dpp'],
            startOn: '2016-01',
            dueOn: '2017-Q4',
            history: [
              ['2016-01-15', 'not_started'],
              ['2016-05-01', 'ongoing'],
            ],
          },
          {
            title: {
              en: 'Destroy surplus small arms and ammunition with the support agency',
              sr: 'Уништавање вишкова малокалибарског оружја и муниције уз подршку агенције',
            },
            lead: 'mod',
            partners: ['nspa'],
            startOn: '2016-03',
            dueOn: '2018-12-31',
            history: [
              ['2016-03-01', 'not_started'],
              ['2017-02-01', 'ongoing'],
            ],
          },
        ],
      },
    ],
    [
      {
        title: {
          en: 'Secure exchange of classified information with the Alliance',
          sr: 'Безбедна размена тајних података са Алијансом',
        },
        lead: 'nsa-rs',
        activities: [
          {
            title: {
              en: 'Accredit a registry for receiving and keeping classified documents',
              sr: 'Акредитација регистратуре за пријем и чување тајних докумената',
            },
            lead: 'nsa-rs',
            startOn: '2015-03',
            dueOn: '2015-Q4',
            history: [
              ['2015-03-18', 'not_started'],
              ['2015-07-01', 'ongoing'],
              ['2015-12-10', 'implemented'],
            ],
          },
          {
            title: {
              en: 'Train security officers in handling classified material',
              sr: 'Обука безбедносних службеника за руковање тајним материјалом',
            },
            lead: 'nsa-rs',
            partners: ['mod'],
            startOn: '2015-06',
            dueOn: 'continuous',
            history: [
              ['2015-06-01', 'not_started'],
              ['2015-10-01', 'continuous'],
            ],
          },
        ],
      },
    ],
    [
      {
        title: {
          en: 'Inform the public about cooperation with NATO',
          sr: 'Информисање јавности о сарадњи са НАТО',
        },
        lead: 'mfa',
        activities: [
          {
            title: {
              en: 'Adopt guidelines for informing the public about the partnership',
              sr: 'Усвајање смерница за информисање јавности о партнерству',
            },
            lead: 'mfa',
            partners: ['mod'],
            startOn: '2015-06',
            dueOn: '2016-Q2',
            history: [
              ['2015-06-01', 'not_started'],
              ['2016-01-20', 'ongoing'],
              ['2016-06-28', 'implemented'],
            ],
          },
          {
            title: {
              en: 'A yearly conference with civil society on the partnership',
              sr: 'Годишња конференција са цивилним друштвом о партнерству',
            },
            lead: 'mfa',
            partners: ['mission-nato'],
            startOn: '2016-01',
            dueOn: '2017-Q4',
            history: [
              ['2016-01-15', 'not_started'],
              ['2018-01-15', 'not_implemented'],
            ],
          },
        ],
      },
      {
        title: {
          en: 'Preparedness for emergencies and scientific cooperation',
          sr: 'Приправност за ванредне ситуације и научна сарадња',
        },
        lead: 'gov-rs',
        activities: [
          {
            title: {
              en: 'Host a joint civil emergency field exercise',
              sr: 'Домаћинство заједничке теренске вежбе цивилне заштите',
            },
            lead: 'gov-rs',
            partners: ['mod', 'nato-is'],
            startOn: '2017-01',
            dueOn: '2018-10',
            history: [
              ['2017-01-10', 'not_started'],
              ['2017-09-01', 'ongoing'],
              ['2018-11-05', 'postponed'],
            ],
          },
          {
            title: {
              en: 'A joint research project under the science for peace programme',
              sr: 'Заједнички истраживачки пројекат у програму науке за мир',
            },
            lead: 'mod',
            partners: ['nato-is-paps'],
            startOn: '2016-06',
            dueOn: '2018-12',
            history: [
              ['2016-06-01', 'not_started'],
              ['2017-03-01', 'cancelled'],
            ],
          },
        ],
      },
    ],
  ],
};
