/** Partnership mechanisms and how they nest under the Partnership for Peace. */
import type { SeedMechanism } from './types.js';

export const mechanisms: SeedMechanism[] = [
  {
    key: 'pfp',
    kind: 'programme',
    name: { en: 'Partnership for Peace', sr: 'Партнерство за мир' },
    abbreviation: { en: 'PfP', sr: 'ПзМ' },
    description: {
      en: 'NATO’s programme of practical bilateral cooperation with partner countries. Serbia signed its Framework Document at NATO Headquarters in December 2006, after the Riga Summit invitation.',
      sr: 'Програм НАТО за практичну билатералну сарадњу са партнерским државама. Србија је оквирни документ потписала у седишту НАТО у децембру 2006, после позива са самита у Риги.',
    },
    startedOn: { date: '2006-12-14', precision: 'day' },
    policyBasis: {
      en: 'Military neutrality: Serbia improves its defence capabilities through partnership without seeking membership of the Alliance.',
      sr: 'Војна неутралност: Србија кроз партнерство унапређује одбрамбене способности, не тежећи чланству у Алијанси.',
    },
    leadOrganisations: ['mfa', 'mod'],
    sources: [
      {
        citation: 'NATO Update, Riga Summit invitation to PfP, December 2006',
        url: 'http://www.nato.int/docu/update/2006/12-december/e1214a.htm',
      },
      {
        citation: 'Serbian Ministry of Defence, PfP cooperation page',
        url: 'https://www.mod.gov.rs/cir/4360/pzm-saradnja-4360',
      },
    ],
  },
  {
    key: 'drg',
    parent: 'pfp',
    kind: 'reform_group',
    name: { en: 'Serbia–NATO Defence Reform Group', sr: 'Група Србија–НАТО за реформу одбране' },
    abbreviation: { en: 'DRG', sr: 'ГРО' },
    description: {
      en: 'A co-chaired group that advises on building modern, affordable and democratically controlled armed forces; its plenaries review the attainment of partnership goals by area.',
      sr: 'Група са два копредседавајућа која саветује о изградњи модерне, приуштиве и демократски контролисане војске; пленарни састанци разматрају достизање партнерских циљева по областима.',
    },
    startedOn: { date: '2006-02', precision: 'month' },
    leadOrganisations: ['mod-spd', 'nato-is-dpp'],
    sources: [
      {
        citation: 'NATO Update, opening of the MLO in Belgrade, 19 December 2006',
        url: 'https://www.nato.int/docu/update/2006/12-december/e1219a.htm',
      },
    ],
  },
  {
    key: 'parp',
    parent: 'pfp',
    kind: 'planning_review_process',
    name: { en: 'Planning and Review Process', sr: 'Процес планирања и преиспитивања' },
    abbreviation: { en: 'PARP', sr: 'ПАРП' },
    description: {
      en: 'A two-year cycle: a survey, partnership goals drafted by NATO staff, bilateral talks and multilateral consultations, approval, then an assessment of progress. MoD and army units are the goal holders.',
      sr: 'Двогодишњи циклус: упитник, партнерски циљеви које припрема особље НАТО, билатерални разговори и мултилатералне консултације, одобравање, затим процена напретка. Организационе јединице МО и Војске су носиоци циљева.',
    },
    leadOrganisations: ['mod-spd', 'nato-is-dpp'],
    sources: [
      {
        citation: 'NATO, Planning and Review Process (topics_68277)',
        url: 'http://nato.int/cps/en/natohq/topics_68277.htm',
      },
      {
        citation: 'Serbian Ministry of Defence, talks on partnership goals, 5 September 2013',
        url: 'http://www.mod.gov.rs/eng/5515/razgovori-o-partnerskim-ciljevima-5515',
      },
    ],
  },
  {
    key: 'ipap',
    parent: 'pfp',
    kind: 'action_plan',
    name: { en: 'Individual Partnership Action Plan', sr: 'Индивидуални акциони план партнерства' },
    abbreviation: { en: 'IPAP', sr: 'ИПАП' },
    description: {
      en: 'The most developed form of PfP cooperation open to Serbia, without any membership aspiration: a political text and a table of goals and activities, agreed with NATO and reviewed periodically.',
      sr: 'Најразвијенији облик сарадње у ПзМ доступан Србији, без тежње ка чланству: политички текст и табела циљева и активности, усаглашени са НАТО и периодично преиспитивани.',
    },
    startedOn: { date: '2015-01-15', precision: 'day' },
    leadOrganisations: ['mfa-nato-pfp', 'nato-is-paps'],
    sources: [
      {
        citation: 'NATO, Individual Partnership Action Plans (topics_49290)',
        url: 'https://www.nato.int/cps/uk/natohq/topics_49290.htm?selectedLocale=en',
      },
    ],
  },
  {
    key: 'pcm',
    parent: 'pfp',
    kind: 'cooperation_menu',
    name: { en: 'Partnership Cooperation Menu', sr: 'Мени партнерске сарадње' },
    abbreviation: { en: 'PCM', sr: 'МПС' },
    description: {
      en: 'The catalogue of about 1,400 courses, exercises and other events open to all partners, from which the yearly cooperation programme is drawn.',
      sr: 'Каталог од око 1.400 курсева, вежби и других активности отворених за све партнере, из којег се бира годишњи програм сарадње.',
    },
    leadOrganisations: ['mod-imc'],
    sources: [
      {
        citation: 'NATO, Partnership tools (topics_80925)',
        url: 'https://www.nato.int/cps/uk/natohq/topics_80925.htm?selectedLocale=en',
      },
    ],
  },
  {
    key: 'occ',
    parent: 'pfp',
    kind: 'evaluation_programme',
    name: {
      en: 'Operational Capabilities Concept Evaluation and Feedback',
      sr: 'Концепт оперативних способности – евалуација и повратна информација',
    },
    abbreviation: { en: 'OCC E&F', sr: 'ОЦЦ' },
    description: {
      en: 'Evaluates declared units against NATO standards in two levels, each with a self-evaluation and a NATO evaluation (SEL1, NEL1, SEL2, NEL2), followed by remedial actions.',
      sr: 'Оцењује пријављене јединице према стандардима НАТО у два нивоа, сваки са самооценом и оценом НАТО (SEL1, NEL1, SEL2, NEL2), уз корективне мере.',
    },
    startedOn: { date: '2011', precision: 'year' },
    leadOrganisations: ['saf', 'jfc-naples'],
    sources: [
      {
        citation: 'SHAPE, NATO evaluates Serbian forces, 2017',
        url: 'https://shape.nato.int/news-archive/2017/nato-evaluates-serbian-forces',
      },
    ],
  },
  {
    key: 'kfor-cooperation',
    kind: 'liaison_arrangement',
    name: { en: 'Serbian Armed Forces–KFOR cooperation', sr: 'Сарадња Војске Србије и Кфора' },
    description: {
      en: 'Practical cooperation under the Military Technical Agreement: meetings at all levels with venues alternating between the two sides, information exchange on the administrative line, and simultaneous patrols.',
      sr: 'Практична сарадња по Војнотехничком споразуму: састанци на свим нивоима са наизменичним местом одржавања, размена информација о административној линији и симултане патроле.',
    },
    startedOn: { date: '1999-06-10', precision: 'day' },
    leadOrganisations: ['saf-gs', 'kfor-jic'],
    sources: [
      {
        citation: 'Serbian Armed Forces, simultaneous patrols with KFOR, 26 September 2024',
        url: 'https://vs.rs/en/news/337E00017BE911EF9E880050568F5424/simultaneous-patrols-by-serbian-armed-forces-and-kfor-to-preserve-security',
      },
    ],
  },
  {
    key: 'nato-pa-cooperation',
    kind: 'parliamentary_cooperation',
    name: {
      en: 'Associate delegation to the NATO Parliamentary Assembly',
      sr: 'Придружена делегација у Парламентарној скупштини НАТО',
    },
    description: {
      en: 'Since the 2007 Madeira spring session the National Assembly takes part as an associate delegation: committees, Rose-Roth seminars, sessions; it may propose amendments but not vote.',
      sr: 'Од пролећног заседања на Мадеири 2007. Народна скупштина учествује као придружена делегација: одбори, Роуз-Рот семинари, заседања; може предлагати амандмане, али не гласа.',
    },
    startedOn: { date: '2007-05-25', end: '2007-05-28', precision: 'range' },
    leadOrganisations: ['assembly-nato-pa-delegation', 'nato-pa'],
    sources: [
      {
        citation: 'NATO Parliamentary Assembly, Functioning',
        url: 'https://www.nato-pa.int/content/functioning',
      },
    ],
  },
  {
    key: 'mlo-liaison',
    kind: 'liaison_arrangement',
    name: {
      en: 'NATO Military Liaison Office arrangement',
      sr: 'Аранжман Војне канцеларије НАТО за везу',
    },
    description: {
      en: 'The liaison office hosted by the Ministry of Defence since December 2006, first set up for the Transit Agreement and now supporting the whole partnership.',
      sr: 'Канцеларија за везу смештена у Министарству одбране од децембра 2006, најпре због Споразума о транзиту, а сада у подршци целом партнерству.',
    },
    startedOn: { date: '2006-12-18', precision: 'day' },
    leadOrganisations: ['mlo-belgrade', 'mod-imc'],
    sources: [
      {
        citation: 'NATO MLO Belgrade, mission page',
        url: 'http://nhqs.nato.int/mlo_belgrade/about-mlo-belgrade/mission',
      },
    ],
  },
];
