/** Significant events 1999–2010 (every dated row of the shared research timeline). */
import type { SeedTimelineEvent } from './types.js';

const MOD_PFP = {
  citation: 'Serbian Ministry of Defence, PfP cooperation page',
  url: 'https://www.mod.gov.rs/cir/4360/pzm-saradnja-4360',
};
const NATO_UPDATE_MLO = {
  citation: 'NATO Update, MLO Belgrade opened, 19 December 2006',
  url: 'https://www.nato.int/docu/update/2006/12-december/e1219a.htm',
};
const NATO_UPDATE_RIGA = {
  citation: 'NATO Update, Riga Summit and PfP, December 2006',
  url: 'http://www.nato.int/docu/update/2006/12-december/e1214a.htm',
};
const NATO_GSZ_2001 = {
  citation: 'NATO Update, Ground Safety Zone reduction, March 2001',
  url: 'https://www.nato.int/docu/update/2001/0312/e0314a.htm',
};
const KOSOVO_COMPROMISE = {
  citation: 'KosovoCompromise staff report, 3 June 2010 (no web address)',
};

export const timelineEarly: SeedTimelineEvent[] = [
  {
    key: 'tl-1999-air-campaign',
    when: { date: '1999-03-24', precision: 'day' },
    category: 'conflict',
    title: {
      en: 'NATO air campaign against the FRY begins',
      sr: 'Почиње ваздушна кампања НАТО против СР Југославије',
    },
    description: {
      en: 'The bombing that shapes Serbian public opinion of NATO to this day.',
      sr: 'Бомбардовање које до данас обликује став јавности у Србији према НАТО.',
    },
    sources: [
      {
        citation: 'Washington Post, 10 June 1999 (copy)',
        url: 'https://wolfgang-naeser-marburg.lima-city.de/htm/kos-wasp.htm',
      },
    ],
  },
  {
    key: 'tl-1999-mta',
    when: { date: '1999-06-09', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'Military Technical Agreement signed at Kumanovo',
      sr: 'Потписан Војнотехнички споразум у Куманову',
    },
    description: {
      en: 'KFOR and the Yugoslav and Serbian governments agree a ceasefire, the withdrawal of forces and safety zones along the boundary.',
      sr: 'Кфор и владе СРЈ и Србије договарају прекид ватре, повлачење снага и зоне безбедности дуж границе.',
    },
    sources: [
      {
        citation: 'Wikipedia, Kumanovo Agreement',
        url: 'https://en.wikipedia.org/wiki/Kumanovo_Agreement',
      },
    ],
    related: ['mta-1999', 'kfor'],
  },
  {
    key: 'tl-1999-unscr-1244',
    when: { date: '1999-06-10', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'UNSCR 1244 adopted; the MTA takes effect',
      sr: 'Усвојена Резолуција 1244; Војнотехнички споразум ступа на снагу',
    },
    sources: [
      {
        citation: 'Telegraf, on the safety zones and Resolution 1244',
        url: 'https://telegraf.rs/amp/english/3510785-',
      },
      {
        citation: 'Wikipedia, Kumanovo Agreement',
        url: 'https://en.wikipedia.org/wiki/Kumanovo_Agreement',
      },
    ],
    related: ['unscr-1244', 'mta-1999'],
  },
  {
    key: 'tl-2001-nac-gsz',
    when: { date: '2001-03-08', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'NAC decides a phased, conditioned reduction of the Ground Safety Zone',
      sr: 'САС одлучује о фазном, условном смањењу копнене зоне безбедности',
    },
    sources: [NATO_GSZ_2001],
    related: ['nac', 'kfor'],
  },
  {
    key: 'tl-2001-gsz-reentry',
    when: { date: '2001-03-14', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'Yugoslav Army re-enters part of the Ground Safety Zone',
      sr: 'Војска Југославије поново улази у део копнене зоне безбедности',
    },
    description: {
      en: 'Follows the NATO–FRY agreement of 12 March 2001.',
      sr: 'Следи споразум НАТО и СРЈ од 12. марта 2001.',
    },
    sources: [NATO_GSZ_2001],
  },
  {
    key: 'tl-2001-sector-b-authorised',
    when: { date: '2001-05-14', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'NAC authorises the return to GSZ Sector B from 24 May',
      sr: 'САС одобрава повратак у сектор Б копнене зоне од 24. маја',
    },
    sources: [
      {
        citation: 'NATO press release, 14 May 2001',
        url: 'https://www.nato.int/docu/pr/2001/p01-066e.htm',
      },
    ],
    related: ['nac'],
  },
  {
    key: 'tl-2001-sector-b',
    when: { date: '2001-05-24', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'Yugoslav and Serbian forces enter Sector B',
      sr: 'Снаге СРЈ и Србије улазе у сектор Б',
    },
    sources: [
      {
        citation: 'NATO press release, 14 May 2001',
        url: 'https://www.nato.int/docu/pr/2001/p01-066e.htm',
      },
      {
        citation: 'Wikisum, Ground Safety Zone',
        url: 'https://wikisum.wiki/wiki/Ground_Safety_Zone',
      },
    ],
  },
  {
    key: 'tl-2001-merdare',
    when: { date: '2001-08-17', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'KFOR–Yugoslav Army agreement at Merdare lifts GSZ equipment limits',
      sr: 'Споразумом Кфора и Војске Југославије у Мердару укинута ограничења наоружања у копненој зони',
    },
    description: {
      en: 'The air provisions of the MTA stay in force and the KFOR commander remains the authority.',
      sr: 'Одредбе споразума о ваздушном простору остају на снази, а командант Кфора остаје надлежан.',
    },
    sources: [{ citation: 'HINA news agency, August 2001', url: 'https://hina.hr/OTS/4174356' }],
    related: ['mta-1999'],
  },
  {
    key: 'tl-2002-pfp-recommendation',
    when: { date: '2002-04', precision: 'approximate' },
    category: 'pfp',
    title: {
      en: 'FRY Government adopts the recommendation to start PfP accession',
      sr: 'Влада СРЈ усваја препоруку за почетак приступања ПзМ',
    },
    sources: [MOD_PFP],
    conflictNote: {
      en: 'Only approximately dated: late April 2002.',
      sr: 'Датум је само приближан: крај априла 2002.',
    },
    related: ['pfp'],
  },
  {
    key: 'tl-2003-rose-roth-54',
    when: { date: '2003-03-20', end: '2003-03-22', precision: 'range' },
    category: 'parliament',
    title: {
      en: '54th NATO PA Rose-Roth seminar in Belgrade',
      sr: '54. Роуз-Рот семинар ПС НАТО у Београду',
    },
    sources: [
      {
        citation: 'Mirror of the NATO PA seminar notice (cnj.it)',
        url: 'https://cnj.it/home/sr-yu/informisanje/jugoinfo/2367-',
      },
    ],
    related: ['nato-pa'],
  },
  {
    key: 'tl-2003-pfp-request',
    when: { date: '2003-06-19', precision: 'day' },
    category: 'pfp',
    title: {
      en: 'Serbia and Montenegro formally asks to join the PfP',
      sr: 'Србија и Црна Гора званично тражи пријем у ПзМ',
    },
    sources: [MOD_PFP],
    related: ['pfp'],
  },
  {
    key: 'tl-2003-tcp',
    when: { date: '2003-06-30', precision: 'day' },
    category: 'other',
    title: {
      en: 'NATO launches a Tailored Cooperation Programme for Serbia and Montenegro',
      sr: 'НАТО покреће Програм прилагођене сарадње за Србију и Црну Гору',
    },
    description: {
      en: 'Opened NATO courses and similar activities before PfP membership.',
      sr: 'Отворио је курсеве НАТО и сличне активности пре чланства у ПзМ.',
    },
    sources: [MOD_PFP],
  },
  {
    key: 'tl-2005-transit',
    when: { date: '2005-07-18', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'NATO–Serbia and Montenegro Transit Agreement signed',
      sr: 'Потписан Споразум о транзиту између НАТО и Србије и Црне Горе',
    },
    sources: [
      {
        citation: 'NATO MLO Belgrade, mission page',
        url: 'http://nhqs.nato.int/mlo_belgrade/about-mlo-belgrade/mission',
      },
    ],
    related: ['transit-2005'],
  },
  {
    key: 'tl-2006-drg',
    when: { date: '2006-02', precision: 'month' },
    category: 'drg',
    title: {
      en: 'Serbia–NATO Defence Reform Group starts work',
      sr: 'Почиње рад Група Србија–НАТО за реформу одбране',
    },
    sources: [NATO_UPDATE_MLO],
    related: ['drg'],
  },
  {
    key: 'tl-2006-drg-7th',
    when: { date: '2006-11-07', precision: 'day' },
    category: 'drg',
    title: {
      en: '7th DRG meeting held at the National Assembly House',
      sr: 'Седми састанак ГРО одржан у Дому Народне скупштине',
    },
    sources: [
      {
        citation: 'National Assembly, Serbia–NATO Group meets at the Assembly House',
        url: 'http://www.parlament.rs/Serbia-NATO_Group_meets_at_Assembly_House.11932.537.html',
      },
    ],
    related: ['drg', 'assembly'],
  },
  {
    key: 'tl-2006-riga',
    when: { date: '2006-11-29', precision: 'day' },
    category: 'pfp',
    title: {
      en: 'Riga Summit invites Serbia, Montenegro and Bosnia and Herzegovina to the PfP',
      sr: 'Самит у Риги позива Србију, Црну Гору и Босну и Херцеговину у ПзМ',
    },
    sources: [NATO_UPDATE_RIGA],
    related: ['pfp'],
  },
  {
    key: 'tl-2006-pfp-signature',
    when: { date: '2006-12-14', precision: 'day' },
    category: 'pfp',
    title: {
      en: 'President Tadić signs the PfP Framework Document at NATO Headquarters',
      sr: 'Председник Тадић у седишту НАТО потписује Оквирни документ ПзМ',
    },
    sources: [NATO_UPDATE_RIGA],
    conflictNote: {
      en: 'One agency report dates the accession to November 2006; NATO records 14 December 2006.',
      sr: 'Један агенцијски извештај смешта приступање у новембар 2006; НАТО бележи 14. децембар 2006.',
    },
    related: ['pfp', 'pfp-framework-2006'],
  },
  {
    key: 'tl-2006-mlo',
    when: { date: '2006-12-18', precision: 'day' },
    category: 'pfp',
    title: {
      en: 'NATO Military Liaison Office in Belgrade opens',
      sr: 'Отворена Војна канцеларија НАТО за везу у Београду',
    },
    description: {
      en: 'Opened by Deputy Secretary General Minuto-Rizzo inside the Ministry of Defence, with nine officers from NATO countries.',
      sr: 'Отворио ју је заменик генералног секретара Минуто-Рицо у Министарству одбране, са девет официра из земаља НАТО.',
    },
    sources: [NATO_UPDATE_MLO],
    related: ['mlo-belgrade', 'mlo-liaison'],
  },
  {
    key: 'tl-2007-nato-pa-associate',
    when: { date: '2007-05-25', end: '2007-05-28', precision: 'range' },
    category: 'parliament',
    title: {
      en: 'NATO PA spring session in Madeira makes Serbia an associate member',
      sr: 'Пролећно заседање ПС НАТО на Мадеири: Србија постаје придружени члан',
    },
    sources: [
      {
        citation: 'NATO PA press communiqué, 31 May 2007 (mirror)',
        url: 'https://aus-city.com/cgi-bin/dada/mail.cgi?flavor=archive_bare&id=20070605200502&list=MILITARY_REPORTS',
      },
    ],
    related: ['nato-pa-cooperation', 'assembly-nato-pa-delegation'],
  },
  {
    key: 'tl-2007-rose-roth-67',
    when: { date: '2007-10-25', end: '2007-10-27', precision: 'range' },
    category: 'parliament',
    title: { en: '67th Rose-Roth seminar in Belgrade', sr: '67. Роуз-Рот семинар у Београду' },
    description: {
      en: 'Theme: Serbia and Europe, challenges of integration.',
      sr: 'Тема: Србија и Европа, изазови интеграције.',
    },
    sources: [
      {
        citation: 'National Assembly, Rose-Roth seminar held at the Assembly House',
        url: 'http://www.parlament.rs/ROSE-ROTH_SEMINAR_HELD_AT_THE_NATIONAL_ASSEMBLY_HOUSE.11994.537.html',
      },
    ],
    related: ['nato-pa'],
  },
  {
    key: 'tl-2008-kfor-suspension',
    when: { date: '2008-06', precision: 'month' },
    category: 'kfor',
    title: {
      en: 'Serbian Armed Forces suspend top-level meetings with KFOR',
      sr: 'Војска Србије обуставља састанке са Кфором на највишем нивоу',
    },
    sources: [KOSOVO_COMPROMISE],
    related: ['kfor-cooperation'],
  },
  {
    key: 'tl-2008-security-agreement',
    when: { date: '2008-10-01', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'Serbia–NATO Security of Information Agreement signed in Brussels',
      sr: 'У Бриселу потписан Споразум Србије и НАТО о безбедности информација',
    },
    description: {
      en: 'Signed with a Code of Conduct by Defence Minister Šutanovac and Secretary General de Hoop Scheffer.',
      sr: 'Са Кодексом понашања потписали су га министар одбране Шутановац и генерални секретар де Хоп Схефер.',
    },
    sources: [
      {
        citation: 'Xinhua report (copy), October 2008',
        url: 'http://chanthy96.blogspot.com/2008/10/nato-serbia-sign-security-agreement.html',
      },
      {
        citation: 'Preamble of the NSPO agreement (Paragraf)',
        url: 'http://demo.paragraf.rs/demo/combined/Old/t/t2016_03/ENG_2016_03_001.htm',
      },
    ],
    related: ['soia-2008'],
  },
  {
    key: 'tl-2010-kfor-resumed',
    when: { date: '2010-04-15', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'First top-level meeting of the Serbian Armed Forces and KFOR in two years, at base Jug',
      sr: 'Први састанак Војске Србије и Кфора на највишем нивоу после две године, у бази Југ',
    },
    sources: [KOSOVO_COMPROMISE],
    related: ['kfor-cooperation'],
  },
  {
    key: 'tl-2010-mission',
    when: { date: '2010-09-27', precision: 'day' },
    category: 'other',
    title: {
      en: 'Mission of Serbia to NATO opens in Brussels',
      sr: 'У Бриселу отворена Мисија Србије при НАТО',
    },
    sources: [
      {
        citation: 'Moje novosti, article of 28 September 2010',
        url: 'https://mojenovosti.com/english/index.php?idnovost=181&option=btg_novosti',
      },
    ],
    conflictNote: {
      en: 'The article is dated 28 September and reports the opening on the Monday before, 27 September.',
      sr: 'Чланак носи датум 28. септембар и наводи да је отварање било претходног понедељка, 27. септембра.',
    },
    related: ['mission-nato'],
  },
];
