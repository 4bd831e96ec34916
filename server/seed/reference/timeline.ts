/**
 * Significant events of the Serbia–NATO relationship, 1999–2025: one record for every row of
 * shared/reference/timeline.csv, in the same order. Dates keep the precision the sources give.
 */
import type { SeedSource, SeedTimelineEvent } from './types.js';

// Sources cited by more than one event. Addresses recorded only in part are left out.
const S = {
  wikiKumanovo: {
    citation: 'Wikipedia, Kumanovo Agreement',
    url: 'https://en.wikipedia.org/wiki/Kumanovo_Agreement',
  },
  telegraf: {
    citation:
      'Telegraf (English edition), on the safety zones and Resolution 1244 (full web address not recorded)',
  },
  natoGsz2001: {
    citation: 'NATO Update, return of Yugoslav forces to the Ground Safety Zone, March 2001',
    url: 'https://www.nato.int/docu/update/2001/0312/e0314a.htm',
  },
  natoPr2001: {
    citation: 'NATO press release on Sector B of the Ground Safety Zone, May 2001',
    url: 'https://www.nato.int/docu/pr/2001/p01-066e.htm',
  },
  modPfp: {
    citation: 'Serbian Ministry of Defence, PfP cooperation overview',
    url: 'https://www.mod.gov.rs/cir/4360/pzm-saradnja-4360',
  },
  natoUpdateRiga: {
    citation: 'NATO Update, Riga Summit invitation and PfP signature, December 2006',
    url: 'http://www.nato.int/docu/update/2006/12-december/e1214a.htm',
  },
  natoUpdateMlo: {
    citation: 'NATO Update, NATO opens Military Liaison Office in Belgrade, 19 December 2006',
    url: 'https://www.nato.int/docu/update/2006/12-december/e1219a.htm',
  },
  kosovoCompromise: {
    citation: 'KosovoCompromise staff report, 3 June 2010 (no web address)',
  },
  paragrafNspo: {
    citation:
      'Official Herald of Serbia – International Treaties 3/2016, NSPO agreement (Paragraf)',
    url: 'http://demo.paragraf.rs/demo/combined/Old/t/t2016_03/ENG_2016_03_001.htm',
  },
  shape2017: {
    citation: 'SHAPE, NATO evaluates Serbian forces, October 2017',
    url: 'https://shape.nato.int/news-archive/2017/nato-evaluates-serbian-forces',
  },
  natoIpap: {
    citation: 'NATO, Individual Partnership Action Plans (topic page)',
    url: 'https://www.nato.int/cps/uk/natohq/topics_49290.htm?selectedLocale=en',
  },
  vsPatrols: {
    citation: 'Serbian Armed Forces, simultaneous patrols with KFOR, 26 September 2024',
    url: 'https://vs.rs/en/news/337E00017BE911EF9E880050568F5424/simultaneous-patrols-by-serbian-armed-forces-and-kfor-to-preserve-security',
  },
} satisfies Record<string, SeedSource>;

export const timelineEvents: SeedTimelineEvent[] = [
  {
    key: 'tl-1999-air-campaign',
    when: { date: '1999-03-24', precision: 'day' },
    category: 'conflict',
    title: {
      en: 'NATO air campaign against the Federal Republic of Yugoslavia begins',
      sr: 'Почиње ваздушна кампања НАТО против Савезне Републике Југославије',
    },
    description: {
      en: 'The 1999 intervention still weighs on relations between Serbia and NATO.',
      sr: 'Интервенција из 1999. и данас утиче на односе Србије и НАТО.',
    },
    sources: [
      {
        citation: 'Washington Post, 10 June 1999 (copy)',
        url: 'https://wolfgang-naeser-marburg.lima-city.de/htm/kos-wasp.htm',
      },
    ],
    related: ['nato'],
  },
  {
    key: 'tl-1999-mta',
    when: { date: '1999-06-09', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'Military Technical Agreement signed at Kumanovo',
      sr: 'У Куманову потписан Војнотехнички споразум',
    },
    description: {
      en: 'KFOR and the Yugoslav and Serbian governments agree on a ceasefire, the withdrawal of forces from Kosovo and safety zones along its boundary, with a joint commission to oversee it.',
      sr: 'Кфор и владе СР Југославије и Србије договарају прекид ватре, повлачење снага са Косова и зоне безбедности дуж његове границе, уз заједничку комисију која надзире спровођење.',
    },
    sources: [
      S.wikiKumanovo,
      {
        citation: 'PA-X Peace Agreements Database, Military Technical Agreement',
        url: 'https://pax.peaceagreements.org/agreements/457',
      },
    ],
    related: ['mta-1999', 'kfor', 'kfor-jic'],
  },
  {
    key: 'tl-1999-unscr-1244',
    when: { date: '1999-06-10', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'UN Security Council adopts Resolution 1244; the Kumanovo agreement takes effect',
      sr: 'Савет безбедности УН усваја Резолуцију 1244; споразум из Куманова ступа на снагу',
    },
    description: {
      en: 'The resolution authorises the international security presence in Kosovo and Metohija that deploys as KFOR.',
      sr: 'Резолуција овлашћује међународно безбедносно присуство на Косову и Метохији, које се распоређује као Кфор.',
    },
    sources: [S.telegraf, S.wikiKumanovo],
    related: ['unscr-1244', 'mta-1999', 'kfor'],
  },
  {
    key: 'tl-2001-nac-gsz',
    when: { date: '2001-03-08', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'North Atlantic Council decides on a phased, conditional reduction of the Ground Safety Zone',
      sr: 'Северноатлантски савет одлучује о фазном и условљеном смањењу копнене зоне безбедности',
    },
    description: {
      en: 'The first step towards letting Yugoslav forces back into the 5 km strip along Kosovo’s boundary that the 1999 agreement had closed to them.',
      sr: 'Први корак ка повратку југословенских снага у појас од 5 km дуж границе Косова, који им је споразум из 1999. затворио.',
    },
    sources: [S.natoGsz2001],
    related: ['nac', 'mta-1999', 'kfor'],
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
      en: 'The first troops move in two days after NATO and the FRY agreed on their return on 12 March 2001.',
      sr: 'Прве јединице улазе два дана пошто су НАТО и СР Југославија 12. марта 2001. постигли договор о повратку.',
    },
    sources: [S.natoGsz2001],
    related: ['mta-1999', 'kfor'],
  },
  {
    key: 'tl-2001-sector-b-authorised',
    when: { date: '2001-05-14', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'North Atlantic Council authorises the return to Sector B of the zone from 24 May',
      sr: 'Северноатлантски савет одобрава повратак у сектор Б зоне од 24. маја',
    },
    description: {
      en: 'Sector B was the final part of the Ground Safety Zone to be handed back.',
      sr: 'Сектор Б био је последњи део копнене зоне безбедности који је враћен.',
    },
    sources: [S.natoPr2001],
    related: ['nac', 'kfor'],
  },
  {
    key: 'tl-2001-sector-b',
    when: { date: '2001-05-24', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'Yugoslav and Serbian forces enter Sector B',
      sr: 'Снаге СР Југославије и Србије улазе у сектор Б',
    },
    description: {
      en: 'This completes the phased return of Yugoslav and Serbian forces to the Ground Safety Zone.',
      sr: 'Тиме је окончан фазни повратак југословенских и српских снага у копнену зону безбедности.',
    },
    sources: [
      S.natoPr2001,
      {
        citation: 'Wikisum, Ground Safety Zone',
        url: 'https://wikisum.wiki/wiki/Ground_Safety_Zone',
      },
    ],
    related: ['mta-1999', 'kfor'],
  },
  {
    key: 'tl-2001-merdare',
    when: { date: '2001-08-17', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'KFOR–Yugoslav Army agreement at Merdare lifts equipment limits in the Ground Safety Zone',
      sr: 'Споразумом Кфора и Војске Југославије код Мердара укинута ограничења у наоружању у копненој зони безбедности',
    },
    description: {
      en: 'The air provisions of the 1999 agreement stay in force and the KFOR commander remains the deciding authority.',
      sr: 'Одредбе споразума из 1999. о ваздушном простору остају на снази, а командант Кфора и даље има последњу реч.',
    },
    sources: [{ citation: 'HINA news agency, August 2001', url: 'https://hina.hr/OTS/4174356' }],
    related: ['mta-1999', 'kfor'],
  },
  {
    key: 'tl-2002-pfp-recommendation',
    when: { date: '2002-04', precision: 'approximate' },
    category: 'pfp',
    title: {
      en: 'FRY Government adopts a recommendation to start joining the Partnership for Peace',
      sr: 'Влада СР Југославије усваја препоруку о покретању приступања Партнерству за мир',
    },
    description: {
      en: 'The first concrete step of the federal authorities towards the Partnership for Peace.',
      sr: 'Први конкретан корак савезних власти ка Партнерству за мир.',
    },
    sources: [S.modPfp],
    conflictNote: {
      en: 'Approximate: the source says only “late April 2002”.',
      sr: 'Приближан датум: извор наводи само „крај априла 2002”.',
    },
    related: ['pfp'],
  },
  {
    key: 'tl-2003-rose-roth-54',
    when: { date: '2003-03-20', end: '2003-03-22', precision: 'range' },
    category: 'parliament',
    title: {
      en: '54th Rose-Roth seminar of the NATO PA in Belgrade',
      sr: '54. Роуз-Рот семинар ПС НАТО у Београду',
    },
    description: {
      en: 'Rose-Roth seminars bring Allied and partner parliamentarians together on regional security; this was the first of three held in Belgrade.',
      sr: 'Роуз-Рот семинари окупљају парламентарце држава чланица и партнера око питања регионалне безбедности; ово је био први од три одржана у Београду.',
    },
    sources: [
      {
        citation: 'NATO PA seminar notice, mirrored on cnj.it (full web address not recorded)',
      },
    ],
    related: ['nato-pa', 'assembly'],
  },
  {
    key: 'tl-2003-pfp-request',
    when: { date: '2003-06-19', precision: 'day' },
    category: 'pfp',
    title: {
      en: 'Serbia and Montenegro formally applies to join the Partnership for Peace',
      sr: 'Србија и Црна Гора званично подноси захтев за пријем у Партнерство за мир',
    },
    description: {
      en: 'The State Union sends its official request to the Alliance.',
      sr: 'Државна заједница упућује званичан захтев Савезу.',
    },
    sources: [S.modPfp],
    related: ['pfp'],
  },
  {
    key: 'tl-2003-tcp',
    when: { date: '2003-06-30', precision: 'day' },
    category: 'other',
    title: {
      en: 'NATO launches a Tailored Cooperation Programme for Serbia and Montenegro',
      sr: 'НАТО покреће Прилагођени програм сарадње за Србију и Црну Гору',
    },
    description: {
      en: 'A programme to prepare the State Union for the Partnership for Peace, mainly by opening NATO courses to its personnel.',
      sr: 'Програм за припрему Државне заједнице за Партнерство за мир, пре свега кроз учешће њених припадника на курсевима НАТО.',
    },
    sources: [S.modPfp],
    related: ['pfp', 'nato'],
  },
  {
    key: 'tl-2005-transit',
    when: { date: '2005-07-18', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'Transit Agreement between NATO and Serbia and Montenegro signed',
      sr: 'Потписан Споразум о транзиту између НАТО и Србије и Црне Горе',
    },
    description: {
      en: 'It eases logistic flows across the State Union’s territory to and from NATO-led operations in the Western Balkans.',
      sr: 'Олакшава логистички ток преко територије Државне заједнице ка операцијама под вођством НАТО на Западном Балкану и из њих.',
    },
    sources: [
      {
        citation: 'NATO MLO Belgrade, mission of the office',
        url: 'http://nhqs.nato.int/mlo_belgrade/about-mlo-belgrade/mission',
      },
    ],
    related: ['transit-2005', 'mlo-liaison'],
  },
  {
    key: 'tl-2006-drg',
    when: { date: '2006-02', precision: 'month' },
    category: 'drg',
    title: {
      en: 'Serbia–NATO Defence Reform Group begins work',
      sr: 'Почиње рад Групе Србија–НАТО за реформу одбране',
    },
    description: {
      en: 'Chaired jointly by Serbia and NATO, the group advises on defence reform, planning, budgeting and resource management, logistics, peacekeeping and language training.',
      sr: 'Група, којом заједнички председавају Србија и НАТО, саветује о реформи одбране, планирању, буџетирању и управљању ресурсима, логистици, мировним операцијама и учењу језика.',
    },
    sources: [S.natoUpdateMlo],
    related: ['drg', 'mod'],
  },
  {
    key: 'tl-2006-drg-7th',
    when: { date: '2006-11-07', precision: 'day' },
    category: 'drg',
    title: {
      en: '7th Defence Reform Group meeting held at the National Assembly House',
      sr: 'Седми састанак Групе за реформу одбране одржан у Дому Народне скупштине',
    },
    description: {
      en: 'The Ministry of Defence organised the meeting in the parliament building.',
      sr: 'Састанак је у згради парламента организовало Министарство одбране.',
    },
    sources: [
      {
        citation: 'National Assembly, Serbia–NATO group meets at the Assembly House, November 2006',
        url: 'http://www.parlament.rs/Serbia-NATO_Group_meets_at_Assembly_House.11932.537.html',
      },
    ],
    related: ['drg', 'mod', 'assembly'],
  },
  {
    key: 'tl-2006-riga',
    when: { date: '2006-11-29', precision: 'day' },
    category: 'pfp',
    title: {
      en: 'Riga Summit invites Serbia, Montenegro and Bosnia and Herzegovina to the Partnership for Peace',
      sr: 'Самит у Риги позива Србију, Црну Гору и Босну и Херцеговину у Партнерство за мир',
    },
    description: {
      en: 'The Allied leaders’ invitation opens the way to Serbia’s signature two weeks later.',
      sr: 'Позив лидера држава чланица отвара пут потпису Србије две недеље касније.',
    },
    sources: [S.natoUpdateRiga],
    related: ['pfp', 'nato'],
  },
  {
    key: 'tl-2006-pfp-signature',
    when: { date: '2006-12-14', precision: 'day' },
    category: 'pfp',
    title: {
      en: 'President Tadić signs the PfP Framework Document at NATO Headquarters',
      sr: 'Председник Тадић потписује Оквирни документ Партнерства за мир у седишту НАТО',
    },
    description: {
      en: 'Serbia formally joins the Partnership for Peace, choosing partnership while keeping its military neutrality.',
      sr: 'Србија формално приступа Партнерству за мир, бирајући партнерство уз очување војне неутралности.',
    },
    sources: [S.natoUpdateRiga],
    conflictNote: {
      en: 'A Xinhua report gives November 2006 for Serbia’s accession; NATO’s own record has the signature on 14 December 2006.',
      sr: 'Један извештај агенције Синхуа наводи новембар 2006. као време приступања Србије; према евиденцији НАТО потписивање је било 14. децембра 2006.',
    },
    related: ['pfp', 'pfp-framework-2006'],
  },
  {
    key: 'tl-2006-mlo',
    when: { date: '2006-12-18', precision: 'day' },
    category: 'pfp',
    title: {
      en: 'NATO Military Liaison Office opens in Belgrade',
      sr: 'У Београду отворена Војна канцеларија НАТО за везу',
    },
    description: {
      en: 'Deputy Secretary General Minuto-Rizzo opens the office inside the Ministry of Defence; it has nine military staff from NATO countries and its first head is French Brigadier General Yannick Asset.',
      sr: 'Заменик генералног секретара Минуто-Рицо отвара канцеларију у Министарству одбране; у њој ради девет војних лица из земаља НАТО, а први шеф је француски бригадни генерал Јаник Асе.',
    },
    sources: [S.natoUpdateMlo],
    related: ['mlo-belgrade', 'mlo-liaison', 'mod'],
  },
  {
    key: 'tl-2007-nato-pa-associate',
    when: { date: '2007-05-25', end: '2007-05-28', precision: 'range' },
    category: 'parliament',
    title: {
      en: 'Serbia becomes an associate member of the NATO PA at the Madeira spring session',
      sr: 'Србија постаје придружени члан ПС НАТО на пролећном заседању на Мадеири',
    },
    description: {
      en: 'The delegations of Serbia, Montenegro and Bosnia and Herzegovina move up from observer to associate status.',
      sr: 'Делегације Србије, Црне Горе и Босне и Херцеговине прелазе из статуса посматрача у статус придружених чланица.',
    },
    sources: [
      {
        citation: 'NATO PA press communiqué on the Madeira spring session, 31 May 2007 (mirror)',
        url: 'https://aus-city.com/cgi-bin/dada/mail.cgi?flavor=archive_bare&id=20070605200502&list=MILITARY_REPORTS',
      },
    ],
    related: ['nato-pa-cooperation', 'assembly-nato-pa-delegation', 'nato-pa'],
  },
  {
    key: 'tl-2007-rose-roth-67',
    when: { date: '2007-10-25', end: '2007-10-27', precision: 'range' },
    category: 'parliament',
    title: {
      en: '67th Rose-Roth seminar in Belgrade',
      sr: '67. Роуз-Рот семинар у Београду',
    },
    description: {
      en: 'Held at the National Assembly on the theme of Serbia, Europe and the challenges of integration.',
      sr: 'Одржан у Народној скупштини на тему Србије, Европе и изазова интеграције.',
    },
    sources: [
      {
        citation: 'National Assembly, Rose-Roth seminar held at the Assembly House, October 2007',
        url: 'http://www.parlament.rs/ROSE-ROTH_SEMINAR_HELD_AT_THE_NATIONAL_ASSEMBLY_HOUSE.11994.537.html',
      },
    ],
    related: ['nato-pa', 'assembly', 'assembly-nato-pa-delegation'],
  },
  {
    key: 'tl-2008-kfor-suspension',
    when: { date: '2008-06', precision: 'month' },
    category: 'kfor',
    title: {
      en: 'Serbian Armed Forces suspend top-level meetings with KFOR',
      sr: 'Војска Србије обуставља састанке са Кфором на највишем нивоу',
    },
    description: {
      en: 'The then Chief of the General Staff halts meetings at the highest level; they resume almost two years later.',
      sr: 'Тадашњи начелник Генералштаба обуставља састанке на највишем нивоу; они се настављају после скоро две године.',
    },
    sources: [S.kosovoCompromise],
    related: ['kfor-cooperation', 'saf-gs', 'kfor'],
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
      en: 'Defence Minister Šutanovac and Secretary General de Hoop Scheffer sign it together with a Code of Conduct; it sets how each side protects the other’s classified information.',
      sr: 'Министар одбране Шутановац и генерални секретар де Хоп Схефер потписују га заједно са Кодексом понашања; њиме се уређује како свака страна штити тајне податке друге.',
    },
    sources: [
      {
        citation: 'Xinhua report on the signature, October 2008 (copy)',
        url: 'http://chanthy96.blogspot.com/2008/10/nato-serbia-sign-security-agreement.html',
      },
      S.paragrafNspo,
    ],
    related: ['soia-2008', 'nsa-rs'],
  },
  {
    key: 'tl-2010-kfor-resumed',
    when: { date: '2010-04-15', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'First top-level meeting of the Serbian Armed Forces and KFOR in two years, at base Jug',
      sr: 'Први састанак Војске Србије и Кфора на највишем нивоу после две године, у бази Југ',
    },
    description: {
      en: 'The meeting ends the suspension of June 2008 and restores contact at the highest level.',
      sr: 'Састанак окончава прекид из јуна 2008. и обнавља контакте на највишем нивоу.',
    },
    sources: [S.kosovoCompromise],
    related: ['kfor-cooperation', 'saf-gs', 'kfor'],
  },
  {
    key: 'tl-2010-mission',
    when: { date: '2010-09-27', precision: 'day' },
    category: 'other',
    title: {
      en: 'Mission of Serbia to NATO opens in Brussels',
      sr: 'У Бриселу отворена Мисија Србије при НАТО',
    },
    description: {
      en: 'Serbia gains a permanent diplomatic presence at NATO Headquarters.',
      sr: 'Србија добија стално дипломатско представништво у седишту НАТО.',
    },
    sources: [
      {
        citation: 'Moje novosti, article of 28 September 2010',
        url: 'https://mojenovosti.com/english/index.php?idnovost=181&option=btg_novosti',
      },
    ],
    conflictNote: {
      en: 'The day is taken from a news article published on 28 September 2010, which points to the opening on Monday 27 September; no official record of the day was found.',
      sr: 'Дан је утврђен на основу чланка објављеног 28. септембра 2010, према којем је мисија отворена у понедељак 27. септембра; званична потврда датума није пронађена.',
    },
    related: ['mission-nato', 'mfa'],
  },
  {
    key: 'tl-2011-security-agreement-occ',
    when: { date: '2011', precision: 'year' },
    category: 'agreement',
    title: {
      en: 'Security agreement with NATO takes effect; OCC evaluation starts in Serbia',
      sr: 'Безбедносни споразум са НАТО производи дејство; у Србији почиње ОЦЦ оцењивање',
    },
    description: {
      en: 'The national security authority lists the NATO agreement under 2011, the year in which Serbia also starts putting units through NATO’s Operational Capabilities Concept evaluation.',
      sr: 'Национални безбедносни орган наводи споразум са НАТО под 2011. годином, када Србија почиње и да подвргава јединице оцењивању по Концепту оперативних способности НАТО.',
    },
    sources: [
      {
        citation: 'National Security Authority of Serbia, international cooperation (archive)',
        url: 'https://arhiva.nsa.gov.rs/eng/medjunarodna-saradnja.php',
      },
      S.shape2017,
    ],
    conflictNote: {
      en: 'The authority’s list does not say whether 2011 is the year of ratification or of entry into force, and gives no day.',
      sr: 'Са списка органа не види се да ли је 2011. година потврђивања или ступања на снагу, а дан није наведен.',
    },
    related: ['soia-2008', 'nsa-rs', 'occ'],
  },
  {
    key: 'tl-2013-brussels',
    when: { date: '2013-04-19', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'Belgrade and Pristina reach the Brussels Agreement',
      sr: 'Београд и Приштина постижу Бриселски споразум',
    },
    description: {
      en: 'An EU-facilitated agreement on normalising relations; Serbia values NATO’s part, through KFOR, in keeping the population of the north secure.',
      sr: 'Споразум о нормализацији односа постигнут уз посредовање ЕУ; Србија цени улогу НАТО, преко Кфора, у очувању безбедности становништва на северу.',
    },
    sources: [
      {
        citation: 'Wikipedia, 2013 Brussels Agreement',
        url: 'https://en.wikipedia.org/wiki/2013_Brussels_Agreement',
      },
      {
        citation: 'PA-X Peace Agreements Database, Brussels Agreement',
        url: 'https://pax.peaceagreements.org/agreements/2022',
      },
    ],
    related: ['brussels-2013', 'kfor'],
  },
  {
    key: 'tl-2013-cbrn-centre',
    when: { date: '2013', precision: 'year' },
    category: 'pfp',
    title: {
      en: 'CBRN Training Centre Kruševac recognised as a Partnership Training and Education Centre',
      sr: 'Центар АБХО у Крушевцу признат као партнерски центар за обуку и образовање',
    },
    description: {
      en: 'The recognition places the Serbian centre among the institutions that train Allied and partner personnel under the partnership.',
      sr: 'Признањем је српски центар сврстан међу установе које у оквиру партнерства обучавају припаднике држава чланица и партнера.',
    },
    sources: [
      {
        citation: 'NATO, Relations with Serbia (topic page)',
        url: 'https://www.nato.int/cps/en/natolive/topics_50100.htm',
      },
    ],
    related: ['saf-cbrn-centre', 'pfp'],
  },
  {
    key: 'tl-2013-parp-talks',
    when: { date: '2013-09-04', end: '2013-10-08', precision: 'range' },
    category: 'parp',
    title: {
      en: 'PARP bilateral talks in Belgrade and multilateral consultations in Brussels',
      sr: 'Билатерални разговори о ПАРП-у у Београду и мултилатералне консултације у Бриселу',
    },
    description: {
      en: 'At the Ministry of Defence a NATO team led by the Director of Force Planning and the units holding partnership goals go through the draft assessment and goals, which then go on to Brussels.',
      sr: 'У Министарству одбране тим НАТО, на челу са директором за планирање снага, и јединице носиоци партнерских циљева пролазе кроз нацрт процене и циљева, који се потом упућује у Брисел.',
    },
    sources: [
      {
        citation: 'Serbian Ministry of Defence, talks on partnership goals, 5 September 2013',
        url: 'http://www.mod.gov.rs/eng/5515/razgovori-o-partnerskim-ciljevima-5515',
      },
    ],
    conflictNote: {
      en: 'Two events in one record: bilateral talks on 4–5 September and multilateral consultations on 8 October 2013; the range spans both.',
      sr: 'Два догађаја у једном запису: билатерални разговори 4–5. септембра и мултилатералне консултације 8. октобра 2013; распон обухвата оба.',
    },
    related: ['parp', 'mod', 'nato-is-dpp'],
  },
  {
    key: 'tl-2014-pfp-sofa',
    when: { date: '2014', precision: 'approximate' },
    category: 'agreement',
    title: {
      en: 'Defence Minister Rodić signs the PfP Status of Forces Agreement at the US State Department',
      sr: 'Министар одбране Родић у Стејт департменту потписује Споразум о статусу снага ПзМ',
    },
    description: {
      en: 'The agreement settles the legal status of forces of participating states while they stay on one another’s territory.',
      sr: 'Споразумом се уређује правни положај снага држава учесница док бораве на територији једне других.',
    },
    sources: [
      {
        citation: 'Serbian Ministry of Defence, improving cooperation with the United States',
        url: 'https://www.mod.gov.rs/eng/6117/unapredjenje-saradnje-sa-sad-6117',
      },
      {
        citation: 'Blic, Rodić signs agreements with the United States',
        url: 'https://www.blic.rs/vesti/politika/rodic-potpisao-sporazume-sa-sad/5jw51yf',
      },
      {
        citation: 'Sputnik France, 26 March 2015',
        url: 'https://fr.sputniknews.africa/20150326/1015352035.html',
      },
    ],
    conflictNote: {
      en: 'Approximate: early 2014, day not given. Sources disagree on the instrument and date; Sputnik France reports a SOFA signed by Minister Gašić in January 2015, possibly a different instrument.',
      sr: 'Приближно: почетак 2014, дан није наведен. Извори се не слажу о инструменту и датуму; Спутњик Француска пише о СОФА коју је министар Гашић потписао у јануару 2015, што је можда други инструмент.',
    },
    related: ['pfp-sofa', 'mod'],
  },
  {
    key: 'tl-2014-nel2',
    when: { date: '2014-09', precision: 'month' },
    category: 'occ',
    title: {
      en: 'Serbian units declared for OCC pass NATO evaluation level 2 (NEL2)',
      sr: 'Јединице Србије пријављене за ОЦЦ пролазе други ниво оцењивања НАТО (NEL2)',
    },
    description: {
      en: 'The second level tests a unit’s military capability, after the first has checked interoperability.',
      sr: 'Други ниво проверава војну способност јединице, пошто је први проверио интероперабилност.',
    },
    sources: [
      {
        citation:
          'JFC Naples, Military Partnership Branch at the Expert Staff Meeting in Belgrade, December 2014',
        url: 'https://jfcnaples.nato.int/page8423341/military-partnership-branch-delegation-takes-part-in-expert-staff-meeting-in-belgrade-serbia',
      },
    ],
    related: ['occ', 'saf', 'jfc-naples'],
  },
  {
    key: 'tl-2015-ipap-approved',
    when: { date: '2015-01-15', precision: 'day' },
    category: 'ipap',
    title: {
      en: 'North Atlantic Council approves Serbia’s first IPAP',
      sr: 'Северноатлантски савет одобрава први ИПАП Србије',
    },
    description: {
      en: 'Approval, held up for a while, completes the adoption of the plan; Serbia and NATO are at that time working on 41 partnership goals.',
      sr: 'Одобрење, које је неко време било заустављено, окончава усвајање плана; Србија и НАТО тада раде на 41 партнерском циљу.',
    },
    sources: [
      S.natoIpap,
      {
        citation: 'Mission of Serbia to NATO, Serbia and NATO',
        url: 'http://nato-brussels.mfa.gov.rs/nato.php',
      },
      {
        citation: 'Belgrade Centre for Security Policy, explainer on the IPAP',
        url: 'http://www.civilsocietylibrary.org/CSL/3402/TA-JE-INDIVIDUALNI-AKCIONI',
      },
    ],
    conflictNote: {
      en: 'The Government’s own adoption is dated 14 December 2014 by one source; that day was a Sunday, so the date should be checked against the Government’s records.',
      sr: 'Један извор наводи да је Влада план усвојила 14. децембра 2014; тај дан је био недеља, па датум треба проверити у евиденцији Владе.',
    },
    related: ['ipap', 'ipap-2015', 'nac', 'gov-rs'],
  },
  {
    key: 'tl-2015-ipap-implementation',
    when: { date: '2015-03-18', precision: 'day' },
    category: 'ipap',
    title: {
      en: 'Dačić and Gašić address the North Atlantic Council; IPAP implementation begins',
      sr: 'Дачић и Гашић се обраћају Северноатлантском савету; почиње спровођење ИПАП-а',
    },
    description: {
      en: 'The foreign and defence ministers mark the start of implementation at NATO Headquarters.',
      sr: 'Министри спољних послова и одбране у седишту НАТО обележавају почетак спровођења.',
    },
    sources: [
      {
        citation: 'NATO, NATO and Serbia discuss how to move relationship forward, March 2015',
        url: 'https://www.nato.int/cps/en/natohq/news_118263.htm',
      },
      {
        citation: 'Vijesti / Srna, on the contents of the IPAP',
        url: 'https://vijesti.me/svijet/balkan/190082/vojnicima-nato-a-slobodan-tranzit-kroz-srbiju',
      },
    ],
    conflictNote: {
      en: 'NATO gives 18 March 2015; a Vijesti/Srna report gives 18 April 2015.',
      sr: 'НАТО наводи 18. март 2015, а извештај Вијести/Срне 18. април 2015.',
    },
    related: ['ipap-2015', 'nac', 'mfa', 'mod'],
  },
  {
    key: 'tl-2015-rose-roth-88',
    when: { date: '2015-03-31', end: '2015-04-02', precision: 'range' },
    category: 'parliament',
    title: {
      en: '88th Rose-Roth seminar in Belgrade',
      sr: '88. Роуз-Рот семинар у Београду',
    },
    description: {
      en: 'The third Rose-Roth seminar hosted by the National Assembly, on Serbia, the Western Balkans and the Euro-Atlantic community.',
      sr: 'Трећи Роуз-Рот семинар чији је домаћин Народна скупштина, посвећен Србији, Западном Балкану и евроатлантској заједници.',
    },
    sources: [
      {
        citation: 'National Assembly, 88th Rose-Roth seminar, 2015',
        url: 'http://www.parlament.gov.rs/National_Assembly_Hosts_NATO_PA_88th_Rose-Roth_Seminar.24936.537.html',
      },
    ],
    related: ['nato-pa', 'assembly', 'assembly-nato-pa-delegation'],
  },
  {
    key: 'tl-2015-stoltenberg-belgrade',
    when: { date: '2015-11-20', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Secretary General Stoltenberg in Belgrade; NATO trust fund for ammunition disposal announced',
      sr: 'Генерални секретар Столтенберг у Београду; најављен фонд НАТО за уништавање муниције',
    },
    description: {
      en: 'The new trust fund is to pay for the safe disposal of up to 2,000 tonnes of ammunition.',
      sr: 'Нови фонд треба да финансира безбедно уништавање до 2.000 тона муниције.',
    },
    sources: [
      {
        citation: 'NATO news, Secretary General visits Serbia, 20 November 2015',
        url: 'https://www.nato.int/cps/en/natohq/news_124970.htm',
      },
    ],
    related: ['nato'],
  },
  {
    key: 'tl-2016-nspo-ratified',
    when: { date: '2016-02-12', precision: 'day' },
    category: 'parliament',
    title: {
      en: 'National Assembly ratifies the logistic support agreement with NSPO',
      sr: 'Народна скупштина потврђује споразум о логистичкој подршци са НСПО',
    },
    description: {
      en: 'The agreement, signed in 2015, is published in the Official Herald – International Treaties, no. 3/2016.',
      sr: 'Споразум, потписан 2015, објављен је у „Службеном гласнику РС – Међународни уговори”, број 3/2016.',
    },
    sources: [
      {
        citation: 'Blog report on the ratification, February 2016',
        url: 'http://smarkos.blogspot.com/2016/02/president-signs-agreement-with-nato.html',
      },
      S.paragrafNspo,
    ],
    related: ['nspo-2015', 'assembly', 'nspa'],
  },
  {
    key: 'tl-2016-mlo-10',
    when: { date: '2016-10', precision: 'month' },
    category: 'other',
    title: {
      en: 'MLO Belgrade marks ten years of work',
      sr: 'МЛО Београд обележава десет година рада',
    },
    description: {
      en: 'Since 2006 the Ministry of Defence and the armed forces had carried out more than 1,400 activities with NATO, 22 of them major exercises, trainings and visits.',
      sr: 'Министарство одбране и Војска Србије су од 2006. спровели више од 1.400 активности са НАТО, од чега 22 велике вежбе, обуке и посете.',
    },
    sources: [
      {
        citation: 'JFC Naples, NATO MLO Belgrade celebrates its 10th anniversary, 11 October 2016',
        url: 'https://jfcnaples.nato.int/mlo/news/news-archive-m/2016/nato-mlo-belgrade-celebrates-10th-anniversary',
      },
    ],
    related: ['mlo-belgrade', 'mlo-liaison'],
  },
  {
    key: 'tl-2016-vucic-nac',
    when: { date: '2016-11-23', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Prime Minister Vučić meets the Secretary General and the North Atlantic Council',
      sr: 'Премијер Вучић се састаје са генералним секретаром и Северноатлантским саветом',
    },
    description: {
      en: 'He is the first Serbian prime minister to meet the Council.',
      sr: 'Он је први премијер Србије који се састао са Саветом.',
    },
    sources: [
      {
        citation:
          'European Western Balkans, Secretary General and Serbian PM meet, 24 November 2016',
        url: 'https://europeanwesternbalkans.com/2016/11/24/nato-secretary-general-and-serbian-pm-meet-hold-joint-press-statement/',
      },
    ],
    related: ['nac'],
  },
  {
    key: 'tl-2017-gottemoeller',
    when: { date: '2017-06-23', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Deputy Secretary General Gottemoeller visits Belgrade',
      sr: 'Заменица генералног секретара Готемелер у посети Београду',
    },
    description: {
      en: 'A visit underlining NATO’s commitment to the Western Balkans.',
      sr: 'Посета којом се наглашава посвећеност НАТО Западном Балкану.',
    },
    sources: [
      {
        citation: 'Brussels Diplomatic, NATO committed to the Western Balkans, 25 June 2017',
        url: 'https://brusselsdiplomatic.com/2017/06/25/nato-committed-to-western-balkans/',
      },
    ],
    related: ['nato'],
  },
  {
    key: 'tl-2017-occ-borovac',
    when: { date: '2017-10-27', precision: 'day' },
    category: 'occ',
    title: {
      en: 'Two-week NATO OCC evaluation of Serbian units ends at Borovac',
      sr: 'У Боровцу завршено двонедељно ОЦЦ оцењивање јединица Војске Србије',
    },
    description: {
      en: 'More than 60 evaluators from JFC Naples, LANDCOM, JFC Brunssum and Allied and partner nations assessed more than 250 Serbian soldiers.',
      sr: 'Више од 60 оцењивача из команди у Напуљу и Брунсуму, Копнене команде НАТО и држава чланица и партнера оценило је више од 250 припадника Војске Србије.',
    },
    sources: [S.shape2017],
    related: ['occ', 'saf', 'jfc-naples', 'shape'],
  },
  {
    key: 'tl-2018-srbija-2018',
    when: { date: '2018-10-06', end: '2018-10-08', precision: 'range' },
    category: 'visit',
    title: {
      en: 'Secretary General Stoltenberg visits Serbia and opens the EADRCC exercise “Srbija 2018”',
      sr: 'Генерални секретар Столтенберг у Србији отвара вежбу ЕАДРЦЦ „Србија 2018”',
    },
    description: {
      en: 'A civil-emergency field exercise near Mladenovac, run with NATO’s disaster response coordination centre, with about 2,000 participants from some 40 countries.',
      sr: 'Теренска вежба за ванредне ситуације код Младеновца, у сарадњи са центром НАТО за координацију реаговања у катастрофама, са око 2.000 учесника из око 40 земаља.',
    },
    sources: [
      {
        citation: 'MLO Belgrade, NATO Secretary General visits Serbia, October 2018',
        url: 'https://jfcnaples.nato.int/mlo/news/news-archive-m/2018/nato-secretary-general-visits-serbia.aspx',
      },
      {
        citation: 'RFE/RL, NATO chief arrives in Serbia for three-day visit, October 2018',
        url: 'https://www.rferl.org/a/nato-chief-arrives-in-serbia-for-three-day-visit/29529322.html',
      },
    ],
    related: ['nato'],
  },
  {
    key: 'tl-2019-occ-engineers',
    when: { date: '2019-10-15', precision: 'day' },
    category: 'occ',
    title: {
      en: 'Final OCC stage for the Engineer Company, the fourth declared Serbian unit, at base Jug',
      sr: 'Завршна етапа ОЦЦ за инжињеријску чету, четврту пријављену јединицу, у бази Југ',
    },
    description: {
      en: 'The Engineer General Support Company, under evaluation since 2016, becomes the fourth Serbian unit declared capable.',
      sr: 'Инжињеријска чета опште подршке, која се оцењује од 2016, постаје четврта јединица Војске Србије оцењена као способна.',
    },
    sources: [
      {
        citation: 'MLO Belgrade, Serbian officers train with NATO, 2019',
        url: 'https://jfcnaples.nato.int/mlo/news/2019/serbian-officers-train-with-nato.aspx',
      },
    ],
    related: ['occ', 'saf'],
  },
  {
    key: 'tl-2019-ipap-2',
    when: { date: '2019-11-07', precision: 'day' },
    category: 'ipap',
    title: {
      en: 'Serbia completes the adoption of IPAP 2019–2021',
      sr: 'Србија окончава усвајање ИПАП-а 2019–2021',
    },
    description: {
      en: 'The second plan rests on the PfP principles and on military neutrality; its adoption had been delayed through the year.',
      sr: 'Други план почива на начелима Партнерства за мир и на војној неутралности; његово усвајање одлагано је током целе године.',
    },
    sources: [
      {
        citation: 'European Western Balkans, Serbia adopts new IPAP with NATO, 8 November 2019',
        url: 'https://europeanwesternbalkans.com/2019/11/08/serbia-adopts-new-ipap-with-nato/',
      },
    ],
    related: ['ipap', 'ipap-2019', 'mfa'],
  },
  {
    key: 'tl-2021-vucic-hq',
    when: { date: '2021-05-17', precision: 'day' },
    category: 'visit',
    title: {
      en: 'President Vučić visits NATO Headquarters and meets Secretary General Stoltenberg',
      sr: 'Председник Вучић у седишту НАТО разговара са генералним секретаром Столтенбергом',
    },
    description: {
      en: 'A meeting at the highest level in Brussels on relations between Serbia and the Alliance.',
      sr: 'Састанак на највишем нивоу у Бриселу о односима Србије и Савеза.',
    },
    sources: [
      {
        citation: 'B92, President Vučić at NATO Headquarters, 17 May 2021',
        url: 'https://www.b92.net/eng/news/politics.php?yyyy=2021&mm=05&dd=17&nav_id=110786',
      },
    ],
    related: ['nato'],
  },
  {
    key: 'tl-2023-stoltenberg-belgrade',
    when: { date: '2023-11-21', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Secretary General Stoltenberg in Belgrade meets President Vučić and Prime Minister Brnabić',
      sr: 'Генерални секретар Столтенберг у Београду са председником Вучићем и премијерком Брнабић',
    },
    description: {
      en: 'The Secretary General’s visit to Belgrade brings talks with both the President and the Prime Minister.',
      sr: 'Током посете Београду генерални секретар разговара и са председником и са премијерком.',
    },
    sources: [
      {
        citation: 'B92, Stoltenberg in Belgrade, 21 November 2023',
        url: 'https://www.b92.net/eng/news/politics.php?yyyy=2023&mm=11&dd=21&nav_id=117088',
      },
    ],
    related: ['nato', 'gov-rs'],
  },
  {
    key: 'tl-2024-expert-staff-talks',
    when: { date: '2024-01', precision: 'month' },
    category: 'other',
    title: {
      en: 'Annual Expert Staff Talks with JFC Naples',
      sr: 'Годишњи експертски штабни разговори са Командом здружених снага НАТО у Напуљу',
    },
    description: {
      en: 'The yearly review of military cooperation, led on the Serbian side by the Department for International Military Cooperation: the past year is assessed and activities for the next are proposed.',
      sr: 'Годишњи преглед војне сарадње, који са српске стране води Управа за међународну војну сарадњу: оцењује се протекла година и предлажу активности за наредну.',
    },
    sources: [
      {
        citation: 'Serbian Ministry of Defence, Expert Staff Talks, 18 January 2024',
        url: 'https://www.mod.gov.rs/eng/20881/ekspertski-stabni-razgovori20881',
      },
    ],
    conflictNote: {
      en: 'Reported on 18 January 2024; the days of the talks are not given.',
      sr: 'Вест је објављена 18. јануара 2024; дани разговора нису наведени.',
    },
    related: ['mod-imc', 'jfc-naples-mpb'],
  },
  {
    key: 'tl-2024-parp-assessment',
    when: { date: '2024', precision: 'year' },
    category: 'parp',
    title: {
      en: 'Multilateral consultations on the 2024 PARP assessment at NATO Headquarters',
      sr: 'Мултилатералне консултације о процени у оквиру ПАРП-а за 2024. у седишту НАТО',
    },
    description: {
      en: 'A delegation of the Ministry of Defence and the armed forces takes part in the consultations that finalise the 2024 assessment.',
      sr: 'Делегација Министарства одбране и Војске Србије учествује у консултацијама на којима се усаглашава процена за 2024.',
    },
    sources: [
      {
        citation:
          'Serbian Ministry of Defence, PARP multilateral consultations at NATO Headquarters, 2024',
        url: 'https://www.mod.gov.rs/eng/21877/multilateralne-konsultacije-u-okviru-procesa-planiranja-i-pregleda-parp-u-sedistu-nato-u-briselu21877',
      },
    ],
    conflictNote: {
      en: 'The source gives no day or month.',
      sr: 'Извор не наводи ни дан ни месец.',
    },
    related: ['parp', 'mod', 'saf'],
  },
  {
    key: 'tl-2024-sofia',
    when: { date: '2024-05-27', precision: 'day' },
    category: 'parliament',
    title: {
      en: 'NATO PA in Sofia grants associate status to the Kosovo Assembly; the Serbian delegation protests',
      sr: 'ПС НАТО у Софији додељује придружени статус скупштини Косова; делегација Србије протестује',
    },
    description: {
      en: 'The Kosovo Assembly, an observer since June 2014, is upgraded despite the objections of the Serbian delegation.',
      sr: 'Скупштини Косова, посматрачу од јуна 2014, статус је унапређен упркос противљењу делегације Србије.',
    },
    sources: [
      {
        citation:
          'The Western Balkans, NATO PA approves the advancement of Kosovo’s status, May 2024',
        url: 'https://thewesternbalkans.com/nato-parliamentary-assembly-approves-the-advancement-of-kosovos-status/',
      },
    ],
    related: ['nato-pa', 'assembly-nato-pa-delegation', 'nato-pa-cooperation'],
  },
  {
    key: 'tl-2024-patrols',
    when: { date: '2024-09', precision: 'month' },
    category: 'kfor',
    title: {
      en: 'Simultaneous patrols of the Serbian Armed Forces and KFOR near Kuršumlija',
      sr: 'Симултане патроле Војске Србије и Кфора код Куршумлије',
    },
    description: {
      en: 'Units of the 3rd Army Brigade and of KFOR’s Regional Command East patrol both sides of the administrative line at the same time and share what they see on the ground.',
      sr: 'Јединице Треће бригаде Копнене војске и Регионалне команде Исток Кфора истовремено патролирају са обе стране административне линије и размењују податке о стању на терену.',
    },
    sources: [S.vsPatrols],
    conflictNote: {
      en: 'Reported on 26 September 2024; the day of the patrols is not given.',
      sr: 'Вест је објављена 26. септембра 2024; дан патролирања није наведен.',
    },
    related: ['kfor-cooperation', 'saf-3rd-brigade', 'kfor'],
  },
  {
    key: 'tl-2025-rutte-call',
    when: { date: '2025-03-03', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Secretary General Rutte and President Vučić speak by phone',
      sr: 'Генерални секретар Руте и председник Вучић разговарају телефоном',
    },
    description: {
      en: 'A telephone conversation between the Secretary General and the Serbian President.',
      sr: 'Телефонски разговор генералног секретара НАТО и председника Србије.',
    },
    sources: [
      { citation: 'Gazeta Blic, 3 March 2025', url: 'https://gazetablic.com/?p=3252380' },
      { citation: 'Al Jazeera Balkans, 3 March 2025 (full web address not recorded)' },
    ],
    related: ['nato'],
  },
  {
    key: 'tl-2025-rutte-brussels',
    when: { date: '2025-03-19', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'President Vučić meets Secretary General Rutte in Brussels',
      sr: 'Председник Вучић се у Бриселу састаје са генералним секретаром Рутеом',
    },
    description: {
      en: 'The talks cover relations between the Serbian Armed Forces and KFOR, Bosnia and Herzegovina and regional security.',
      sr: 'Разговара се о односима Војске Србије и Кфора, о Босни и Херцеговини и о регионалној безбедности.',
    },
    sources: [
      { citation: 'Tanjug (English service), March 2025 (full web address not recorded)' },
      {
        citation: 'bne IntelliNews, Serbian president has dinner with NATO chief in Brussels',
        url: 'https://intellinews.com/serbian-president-has-dinner-with-nato-chief-in-brussels-372540/',
      },
    ],
    related: ['kfor-cooperation', 'kfor', 'nato'],
  },
  {
    key: 'tl-2025-copenhagen',
    when: { date: '2025-10-02', precision: 'day' },
    category: 'visit',
    title: {
      en: 'President Vučić meets Secretary General Rutte at the European Political Community summit in Copenhagen',
      sr: 'Председник Вучић се састаје са генералним секретаром Рутеом на самиту Европске политичке заједнице у Копенхагену',
    },
    description: {
      en: 'A meeting on the margins of a European summit rather than at NATO Headquarters.',
      sr: 'Сусрет на маргинама европског самита, а не у седишту НАТО.',
    },
    sources: [
      {
        citation: 'Zaječar online, Vučić meets Rutte in Copenhagen, October 2025',
        url: 'https://zajecaronline.com/vucic-se-sastao-sa-ruteom-u-kopenhagenu/',
      },
    ],
    related: ['nato'],
  },
];
