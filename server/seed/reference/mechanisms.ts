/**
 * The cooperation mechanisms of the Serbia–NATO partnership. Most sit under the Partnership for
 * Peace; the liaison office, KFOR cooperation and the NATO PA delegation rest on other grounds and
 * stand at the root.
 */
import type { SeedMechanism } from './types.js';

export const mechanisms: SeedMechanism[] = [
  {
    key: 'pfp',
    kind: 'programme',
    name: { en: 'Partnership for Peace', sr: 'Партнерство за мир' },
    abbreviation: { en: 'PfP', sr: 'ПзМ' },
    description: {
      en: 'NATO’s programme of practical cooperation with individual partner states. Serbia was invited at the Riga Summit and signed the Framework Document at NATO Headquarters on 14 December 2006.',
      sr: 'Програм НАТО за практичну сарадњу са појединачним партнерским државама. Србија је позвана на самиту у Риги, а Оквирни документ је потписала у седишту НАТО 14. децембра 2006.',
    },
    startedOn: { date: '2006-12-14', precision: 'day' },
    policyBasis: {
      en: 'Military neutrality: Serbia uses the partnership to build up its defence capabilities and to contribute to regional stability, and does not seek to join the Alliance.',
      sr: 'Војна неутралност: Србија користи партнерство да јача одбрамбене способности и доприноси регионалној стабилности, а не тежи приступању Савезу.',
    },
    leadOrganisations: ['mfa', 'mod', 'nato-is'],
    sources: [
      {
        citation: 'NATO Update, Riga Summit invitation and PfP signature, December 2006',
        url: 'http://www.nato.int/docu/update/2006/12-december/e1214a.htm',
      },
      {
        citation: 'Serbian Ministry of Defence, PfP cooperation overview',
        url: 'https://www.mod.gov.rs/cir/4360/pzm-saradnja-4360',
      },
    ],
  },
  {
    key: 'drg',
    parent: 'pfp',
    kind: 'reform_group',
    name: { en: 'Serbia–NATO Defence Reform Group', sr: 'Група Србија–НАТО за реформу одбране' },
    abbreviation: { en: 'DRG', sr: 'ДРГ' },
    description: {
      en: 'A jointly chaired group that advises on turning the armed forces into a modern, affordable and democratically controlled defence structure. Its plenaries review the previous year and the attainment of partnership goals by area.',
      sr: 'Група којом заједнички председавају Србија и НАТО и која саветује како да се оружане снаге претворе у модерну, приуштиву и демократски контролисану одбрамбену структуру. На пленарним састанцима разматрају се протекла година и достизање партнерских циљева по областима.',
    },
    startedOn: { date: '2006-02', precision: 'month' },
    leadOrganisations: ['mod-spd', 'nato-is-dpp'],
    sources: [
      {
        citation: 'NATO Update, NATO opens Military Liaison Office in Belgrade, 19 December 2006',
        url: 'https://www.nato.int/docu/update/2006/12-december/e1219a.htm',
      },
      {
        citation: 'Serbian Ministry of Defence, meeting of the Serbia–NATO Defence Reform Group',
        url: 'https://mod.gov.rs/eng/8891/sastanak-grupe-srbija-nato-za-reformu-odbrane-8891',
      },
    ],
  },
  {
    key: 'parp',
    parent: 'pfp',
    kind: 'planning_review_process',
    name: { en: 'Planning and Review Process', sr: 'Процес планирања и прегледа' },
    abbreviation: { en: 'PARP', sr: 'ПАРП' },
    description: {
      en: 'A two-year cycle: the partner answers a survey, NATO staff draft partnership goals, these are discussed bilaterally and then multilaterally and approved, and progress is later assessed. Units of the Ministry and the armed forces act as holders of the goals.',
      sr: 'Двогодишњи циклус: партнер попуњава упитник, особље НАТО предлаже партнерске циљеве, о њима се разговара билатерално, па мултилатерално и они се одобравају, а напредак се касније процењује. Организационе јединице Министарства и Војске су носиоци циљева.',
    },
    leadOrganisations: ['mod-spd', 'nato-is-dpp'],
    sources: [
      {
        citation: 'NATO, Planning and Review Process (topic page)',
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
    name: {
      en: 'Individual Partnership Action Plan',
      sr: 'Индивидуални акциони план партнерства',
    },
    abbreviation: { en: 'IPAP', sr: 'ИПАП' },
    description: {
      en: 'The most advanced form of PfP cooperation available to a partner that does not aim at membership: a political text plus a table of goals and activities, agreed with NATO and reviewed periodically. Serbia’s first plan was approved on 15 January 2015 and a second covered 2019–2021.',
      sr: 'Најразвијенији облик сарадње у Партнерству за мир за партнера који не тежи чланству: политички текст и табела циљева и активности, усаглашени са НАТО и периодично преиспитивани. Први план Србије одобрен је 15. јануара 2015, а други је обухватио период 2019–2021.',
    },
    startedOn: { date: '2015-01-15', precision: 'day' },
    policyBasis: {
      en: 'Agreed on the PfP principles of voluntariness, transparency and flexibility, starting from Serbia’s military neutrality.',
      sr: 'Усаглашава се по начелима Партнерства за мир — добровољности, транспарентности и флексибилности — полазећи од војне неутралности Србије.',
    },
    leadOrganisations: ['mfa-nato-pfp', 'nato-is-paps'],
    sources: [
      {
        citation: 'NATO, Individual Partnership Action Plans (topic page)',
        url: 'https://www.nato.int/cps/uk/natohq/topics_49290.htm?selectedLocale=en',
      },
      {
        citation: 'Belgrade Centre for Security Policy, explainer on the IPAP',
        url: 'http://www.civilsocietylibrary.org/CSL/3402/TA-JE-INDIVIDUALNI-AKCIONI',
      },
    ],
  },
  {
    key: 'pcm',
    parent: 'pfp',
    kind: 'cooperation_menu',
    name: { en: 'Partnership Cooperation Menu', sr: 'Мени партнерске сарадње' },
    abbreviation: { en: 'PCM', sr: 'ПЦМ' },
    description: {
      en: 'NATO’s catalogue of roughly 1,400 courses, exercises and other activities open to all partners; the yearly programme of activities is chosen from it.',
      sr: 'Каталог НАТО са око 1.400 курсева, вежби и других активности отворених за све партнере; из њега се бира годишњи програм активности.',
    },
    leadOrganisations: ['mod-imc'],
    sources: [
      {
        citation: 'NATO, Partnership tools (topic page)',
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
      sr: 'Концепт оперативних способности – оцењивање и повратна информација',
    },
    abbreviation: { en: 'OCC E&F', sr: 'ОЦЦ' },
    description: {
      en: 'Measures declared units against NATO standards at two levels, each with a self-evaluation and a NATO evaluation (SEL1, NEL1, SEL2, NEL2), followed by a remedial action plan. Serbia has used it since 2011.',
      sr: 'Оцењује пријављене јединице према стандардима НАТО на два нивоа, сваки са самооценом и оценом НАТО (SEL1, NEL1, SEL2, NEL2), после чега следи план корективних мера. Србија га примењује од 2011.',
    },
    startedOn: { date: '2011', precision: 'year' },
    leadOrganisations: ['saf', 'jfc-naples'],
    sources: [
      {
        citation: 'SHAPE, NATO evaluates Serbian forces, October 2017',
        url: 'https://shape.nato.int/news-archive/2017/nato-evaluates-serbian-forces',
      },
      {
        citation: 'NATO Allied Land Command, OCC Evaluation and Feedback',
        url: 'https://lc.nato.int/operations/military-partnership/the-partnership-for-peace/occ-ef',
      },
    ],
  },
  {
    key: 'mlo-liaison',
    kind: 'liaison_arrangement',
    name: {
      en: 'NATO Military Liaison Office in Belgrade',
      sr: 'Војна канцеларија НАТО за везу у Београду',
    },
    description: {
      en: 'The liaison arrangement under which NATO keeps a military office inside the Ministry of Defence: set up for the Transit Agreement, it now also supports the PfP programme, the Defence Reform Group and public diplomacy.',
      sr: 'Аранжман по којем НАТО држи војну канцеларију у Министарству одбране: основана ради Споразума о транзиту, данас подржава и програм Партнерства за мир, Групу за реформу одбране и јавну дипломатију.',
    },
    startedOn: { date: '2006-12-18', precision: 'day' },
    leadOrganisations: ['mlo-belgrade', 'mod-imc'],
    sources: [
      {
        citation: 'NATO MLO Belgrade, mission of the office',
        url: 'http://nhqs.nato.int/mlo_belgrade/about-mlo-belgrade/mission',
      },
      {
        citation: 'NATO Update, NATO opens Military Liaison Office in Belgrade, 19 December 2006',
        url: 'https://www.nato.int/docu/update/2006/12-december/e1219a.htm',
      },
    ],
  },
  {
    key: 'kfor-cooperation',
    kind: 'liaison_arrangement',
    name: {
      en: 'Serbian Armed Forces–KFOR cooperation',
      sr: 'Сарадња Војске Србије и Кфора',
    },
    description: {
      en: 'Cooperation on the ground under the Military Technical Agreement: meetings at every level with the venue alternating between the two sides, agreed channels for routine matters and incidents, and simultaneous patrols along the administrative line.',
      sr: 'Сарадња на терену по Војнотехничком споразуму: састанци на свим нивоима, наизменично на једној и другој страни, договорени канали за редовне послове и инциденте и симултане патроле дуж административне линије.',
    },
    startedOn: { date: '1999-06-10', precision: 'day' },
    policyBasis: {
      en: 'UN Security Council Resolution 1244 and the Military Technical Agreement; Serbia treats KFOR as its only security interlocutor in Kosovo and Metohija.',
      sr: 'Резолуција 1244 Савета безбедности УН и Војнотехнички споразум; Србија сматра Кфор јединим саговорником о безбедности на Косову и Метохији.',
    },
    leadOrganisations: ['saf-gs', 'kfor-jic'],
    sources: [
      {
        citation: 'Serbian Armed Forces, simultaneous patrols with KFOR, 26 September 2024',
        url: 'https://vs.rs/en/news/337E00017BE911EF9E880050568F5424/simultaneous-patrols-by-serbian-armed-forces-and-kfor-to-preserve-security',
      },
      {
        citation: 'PA-X Peace Agreements Database, Military Technical Agreement',
        url: 'https://pax.peaceagreements.org/agreements/457',
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
      en: 'Since the Madeira spring session of May 2007 the National Assembly has taken part as an associate delegation: in committees, Rose-Roth seminars and plenary sessions, with the right to table resolutions and amendments but not to vote.',
      sr: 'Од пролећног заседања на Мадеири у мају 2007. Народна скупштина учествује као придружена делегација: у одборима, на Роуз-Рот семинарима и пленарним заседањима, са правом да подноси резолуције и амандмане, али без права гласа.',
    },
    startedOn: { date: '2007-05', precision: 'month' },
    leadOrganisations: ['assembly-nato-pa-delegation', 'nato-pa'],
    sources: [
      {
        citation: 'NATO PA press communiqué on the Madeira spring session, 31 May 2007 (mirror)',
        url: 'https://aus-city.com/cgi-bin/dada/mail.cgi?flavor=archive_bare&id=20070605200502&list=MILITARY_REPORTS',
      },
      {
        citation: 'NATO Parliamentary Assembly, how the Assembly functions',
        url: 'https://www.nato-pa.int/content/functioning',
      },
    ],
  },
];
