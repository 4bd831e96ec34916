/** Significant events 2011–2025 (every dated row of the shared research timeline). */
import type { SeedTimelineEvent } from './types.js';

const NATO_IPAP = {
  citation: 'NATO, Individual Partnership Action Plans (topics_49290)',
  url: 'https://www.nato.int/cps/uk/natohq/topics_49290.htm?selectedLocale=en',
};

export const timelineLate: SeedTimelineEvent[] = [
  {
    key: 'tl-2011-security-agreement-occ',
    when: { date: '2011', precision: 'year' },
    category: 'agreement',
    title: {
      en: 'Security agreement with NATO in force; OCC evaluation starts in Serbia',
      sr: 'Безбедносни споразум са НАТО на снази; у Србији почиње ОЦЦ евалуација',
    },
    sources: [
      {
        citation: 'National Security Authority of Serbia, international cooperation',
        url: 'https://arhiva.nsa.gov.rs/eng/medjunarodna-saradnja.php',
      },
      {
        citation: 'SHAPE, NATO evaluates Serbian forces, 2017',
        url: 'https://shape.nato.int/news-archive/2017/nato-evaluates-serbian-forces',
      },
    ],
    conflictNote: {
      en: 'The authority lists the agreement under 2011 without a day.',
      sr: 'Орган наводи споразум под 2011. годином, без дана.',
    },
    related: ['soia-2008', 'occ', 'nsa-rs'],
  },
  {
    key: 'tl-2013-brussels',
    when: { date: '2013-04-19', precision: 'day' },
    category: 'agreement',
    title: {
      en: 'Brussels Agreement between Belgrade and Pristina',
      sr: 'Бриселски споразум између Београда и Приштине',
    },
    sources: [
      {
        citation: 'Wikipedia, 2013 Brussels Agreement',
        url: 'https://en.wikipedia.org/wiki/2013_Brussels_Agreement',
      },
      {
        citation: 'PA-X Peace Agreements Database',
        url: 'https://pax.peaceagreements.org/agreements/2022',
      },
    ],
    related: ['brussels-2013'],
  },
  {
    key: 'tl-2013-cbrn-centre',
    when: { date: '2013', precision: 'year' },
    category: 'pfp',
    title: {
      en: 'CBRN Training Centre Kruševac recognised as a Partnership Training and Education Centre',
      sr: 'Центар за обуку АБХО Крушевац признат као Партнерски центар за обуку и образовање',
    },
    sources: [
      {
        citation: 'NATO, Relations with Serbia',
        url: 'https://www.nato.int/cps/en/natolive/topics_50100.htm',
      },
    ],
    related: ['saf-cbrn-centre'],
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
      en: 'Talks on the draft assessment and partnership goals at the Ministry of Defence, with the goal holders present; the draft then went to Brussels.',
      sr: 'Разговори о нацрту процене и партнерским циљевима у Министарству одбране, уз присуство носилаца циљева; нацрт је затим упућен у Брисел.',
    },
    sources: [
      {
        citation: 'Serbian Ministry of Defence, talks on partnership goals, 5 September 2013',
        url: 'http://www.mod.gov.rs/eng/5515/razgovori-o-partnerskim-ciljevima-5515',
      },
    ],
    conflictNote: {
      en: 'Two events in one row: bilateral talks on 4–5 September, multilateral consultations on 8 October.',
      sr: 'Два догађаја у једном реду: билатерални разговори 4–5. септембра, мултилатералне консултације 8. октобра.',
    },
    related: ['parp'],
  },
  {
    key: 'tl-2014-pfp-sofa',
    when: { date: '2014', precision: 'approximate' },
    category: 'agreement',
    title: {
      en: 'Defence Minister Rodić signs the PfP SOFA at the US State Department',
      sr: 'Министар одбране Родић у Стејт департменту потписује СОФА ПзМ',
    },
    sources: [
      {
        citation: 'Serbian Ministry of Defence, improving cooperation with the USA',
        url: 'https://www.mod.gov.rs/eng/6117/unapredjenje-saradnje-sa-sad-6117',
      },
      {
        citation: 'Blic, Rodić signs agreements with the USA',
        url: 'https://www.blic.rs/vesti/politika/rodic-potpisao-sporazume-sa-sad/5jw51yf',
      },
    ],
    conflictNote: {
      en: 'Approximately early 2014; sources disagree on the instrument and the date.',
      sr: 'Приближно почетак 2014; извори се не слажу о инструменту и датуму.',
    },
    related: ['pfp-sofa'],
  },
  {
    key: 'tl-2014-nel2',
    when: { date: '2014-09', precision: 'month' },
    category: 'occ',
    title: {
      en: 'Serbian units declared for OCC pass NEL2',
      sr: 'Јединице Србије пријављене за ОЦЦ пролазе NEL2',
    },
    sources: [
      {
        citation: 'JFC Naples, Expert Staff Meeting in Belgrade, December 2014',
        url: 'https://jfcnaples.nato.int/page8423341/military-partnership-branch-delegation-takes-part-in-expert-staff-meeting-in-belgrade-serbia',
      },
    ],
    related: ['occ'],
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
      en: 'The highest form of PfP cooperation open to Serbia, with no aspiration to membership; approval had been held up for a time.',
      sr: 'Највиши облик сарадње у ПзМ доступан Србији, без тежње ка чланству; одобрење је једно време било блокирано.',
    },
    sources: [
      NATO_IPAP,
      { citation: 'Mission of Serbia to NATO', url: 'http://nato-brussels.mfa.gov.rs/nato.php' },
    ],
    related: ['ipap', 'ipap-2015', 'nac'],
  },
  {
    key: 'tl-2015-ipap-implementation',
    when: { date: '2015-03-18', precision: 'day' },
    category: 'ipap',
    title: {
      en: 'Dačić and Gašić address the NAC; IPAP implementation starts',
      sr: 'Дачић и Гашић се обраћају САС; почиње спровођење ИПАП-а',
    },
    sources: [
      {
        citation: 'NATO, NATO and Serbia discuss how to move relationship forward',
        url: 'https://www.nato.int/cps/en/natohq/news_118263.htm',
      },
    ],
    conflictNote: {
      en: 'NATO gives 18 March 2015; another source gives 18 April 2015.',
      sr: 'НАТО наводи 18. март 2015; други извор наводи 18. април 2015.',
    },
    related: ['ipap-2015', 'nac'],
  },
  {
    key: 'tl-2015-rose-roth-88',
    when: { date: '2015-03-31', end: '2015-04-02', precision: 'range' },
    category: 'parliament',
    title: { en: '88th Rose-Roth seminar in Belgrade', sr: '88. Роуз-Рот семинар у Београду' },
    description: {
      en: 'The third Rose-Roth seminar hosted by the National Assembly.',
      sr: 'Трећи Роуз-Рот семинар у организацији Народне скупштине.',
    },
    sources: [
      {
        citation: 'National Assembly, 88th Rose-Roth seminar',
        url: 'http://www.parlament.gov.rs/National_Assembly_Hosts_NATO_PA_88th_Rose-Roth_Seminar.24936.537.html',
      },
    ],
    related: ['nato-pa', 'assembly-nato-pa-delegation'],
  },
  {
    key: 'tl-2015-stoltenberg-belgrade',
    when: { date: '2015-11-20', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Secretary General Stoltenberg in Belgrade; trust fund for ammunition disposal announced',
      sr: 'Генерални секретар Столтенберг у Београду; најављен фонд за уништавање муниције',
    },
    description: {
      en: 'A new NATO trust fund for the safe disposal of up to 2,000 tonnes of ammunition.',
      sr: 'Нови фонд НАТО за безбедно уништавање до 2.000 тона муниције.',
    },
    sources: [
      {
        citation: 'NATO news, 20 November 2015',
        url: 'https://www.nato.int/cps/en/natohq/news_124970.htm',
      },
    ],
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
      en: 'Signed in 2015 and published in the Official Herald – International Treaties 3/2016.',
      sr: 'Потписан 2015, објављен у „Службеном гласнику – Међународни уговори” 3/2016.',
    },
    sources: [
      {
        citation: 'Blog report on the ratification, February 2016',
        url: 'http://smarkos.blogspot.com/2016/02/president-signs-agreement-with-nato.html',
      },
      {
        citation: 'Official Herald – International Treaties 3/2016 (Paragraf)',
        url: 'http://demo.paragraf.rs/demo/combined/Old/t/t2016_03/ENG_2016_03_001.htm',
      },
    ],
    related: ['nspo-2015', 'assembly'],
  },
  {
    key: 'tl-2016-mlo-10',
    when: { date: '2016-10', precision: 'month' },
    category: 'other',
    title: {
      en: 'MLO Belgrade marks ten years: more than 1,400 activities since 2006',
      sr: 'ВКВ Београд обележава десет година: више од 1.400 активности од 2006',
    },
    description: {
      en: 'Including 22 major exercises, trainings and visits.',
      sr: 'Укључујући 22 велике вежбе, обуке и посете.',
    },
    sources: [
      {
        citation: 'JFC Naples, MLO Belgrade celebrates 10th anniversary, 11 October 2016',
        url: 'https://jfcnaples.nato.int/mlo/news/news-archive-m/2016/nato-mlo-belgrade-celebrates-10th-anniversary',
      },
    ],
    related: ['mlo-belgrade'],
  },
  {
    key: 'tl-2016-vucic-nac',
    when: { date: '2016-11-23', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Prime Minister Vučić meets the Secretary General and the NAC',
      sr: 'Премијер Вучић се састаје са генералним секретаром и САС',
    },
    description: {
      en: 'The first Serbian prime minister to address the North Atlantic Council.',
      sr: 'Први премијер Србије који се обратио Северноатлантском савету.',
    },
    sources: [
      {
        citation: 'European Western Balkans, 24 November 2016',
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
      en: 'Deputy Secretary General Gottemoeller in Belgrade',
      sr: 'Заменица генералног секретара Готемелер у Београду',
    },
    sources: [
      {
        citation: 'Brussels Diplomatic, 25 June 2017',
        url: 'https://brusselsdiplomatic.com/2017/06/25/nato-committed-to-western-balkans/',
      },
    ],
  },
  {
    key: 'tl-2017-occ-borovac',
    when: { date: '2017-10-27', precision: 'day' },
    category: 'occ',
    title: {
      en: 'Two-week NATO OCC evaluation of Serbian units ends at Borovac',
      sr: 'У Боровцу завршена двонедељна ОЦЦ евалуација јединица Војске Србије',
    },
    description: {
      en: 'More than 60 evaluators from NATO commands, Allies and partners evaluated more than 250 Serbian soldiers.',
      sr: 'Више од 60 евалуатора из команди НАТО, савезница и партнера оценило је више од 250 припадника Војске Србије.',
    },
    sources: [
      {
        citation: 'SHAPE, NATO evaluates Serbian forces, 2017',
        url: 'https://shape.nato.int/news-archive/2017/nato-evaluates-serbian-forces',
      },
    ],
    related: ['occ'],
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
      en: 'A civil-emergency field exercise near Mladenovac with about 2,000 participants from some 40 countries.',
      sr: 'Теренска вежба цивилне заштите код Младеновца са око 2.000 учесника из око 40 земаља.',
    },
    sources: [
      {
        citation: 'MLO Belgrade, Secretary General visits Serbia, 2018',
        url: 'https://jfcnaples.nato.int/mlo/news/news-archive-m/2018/nato-secretary-general-visits-serbia.aspx',
      },
      {
        citation: 'RFE/RL, NATO chief arrives in Serbia',
        url: 'https://www.rferl.org/a/nato-chief-arrives-in-serbia-for-three-day-visit/29529322.html',
      },
    ],
  },
  {
    key: 'tl-2019-occ-engineers',
    when: { date: '2019-10-15', precision: 'day' },
    category: 'occ',
    title: {
      en: 'Final OCC stage for the Engineer Company, the fourth declared unit, at base Jug',
      sr: 'Завршна етапа ОЦЦ за инжињеријску чету, четврту пријављену јединицу, у бази Југ',
    },
    sources: [
      {
        citation: 'MLO Belgrade, Serbian officers train with NATO, 2019',
        url: 'https://jfcnaples.nato.int/mlo/news/2019/serbian-officers-train-with-nato.aspx',
      },
    ],
    related: ['occ'],
  },
  {
    key: 'tl-2019-ipap-2',
    when: { date: '2019-11-07', precision: 'day' },
    category: 'ipap',
    title: {
      en: 'Serbia completes the adoption of IPAP 2019–2021',
      sr: 'Србија окончава усвајање ИПАП-а 2019–2021',
    },
    sources: [
      {
        citation: 'European Western Balkans, 8 November 2019',
        url: 'https://europeanwesternbalkans.com/2019/11/08/serbia-adopts-new-ipap-with-nato/',
      },
    ],
    related: ['ipap-2019', 'ipap'],
  },
  {
    key: 'tl-2021-vucic-hq',
    when: { date: '2021-05-17', precision: 'day' },
    category: 'visit',
    title: {
      en: 'President Vučić at NATO Headquarters meets Secretary General Stoltenberg',
      sr: 'Председник Вучић у седишту НАТО са генералним секретаром Столтенбергом',
    },
    sources: [
      {
        citation: 'B92, 17 May 2021',
        url: 'https://www.b92.net/eng/news/politics.php?yyyy=2021&mm=05&dd=17&nav_id=110786',
      },
    ],
  },
  {
    key: 'tl-2023-stoltenberg-belgrade',
    when: { date: '2023-11-21', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Secretary General Stoltenberg in Belgrade meets Vučić and Prime Minister Brnabić',
      sr: 'Генерални секретар Столтенберг у Београду са Вучићем и премијерком Брнабић',
    },
    sources: [
      {
        citation: 'B92, 21 November 2023',
        url: 'https://www.b92.net/eng/news/politics.php?yyyy=2023&mm=11&dd=21&nav_id=117088',
      },
    ],
  },
  {
    key: 'tl-2024-expert-staff-talks',
    when: { date: '2024-01', precision: 'month' },
    category: 'other',
    title: {
      en: 'Annual Expert Staff Talks with JFC Naples',
      sr: 'Годишњи експертски штабни разговори са ЗКСС Напуљ',
    },
    sources: [
      {
        citation: 'Serbian Ministry of Defence, Expert Staff Talks, 18 January 2024',
        url: 'https://www.mod.gov.rs/eng/20881/ekspertski-stabni-razgovori20881',
      },
    ],
    conflictNote: {
      en: 'Reported on 18 January 2024; the day of the talks is not given.',
      sr: 'Вест је објављена 18. јануара 2024; дан разговора није наведен.',
    },
    related: ['mod-imc', 'jfc-naples-mpb'],
  },
  {
    key: 'tl-2024-parp-assessment',
    when: { date: '2024', precision: 'year' },
    category: 'parp',
    title: {
      en: 'Multilateral consultations on the 2024 PARP assessment at NATO Headquarters',
      sr: 'Мултилатералне консултације о процени ПАРП-а за 2024. у седишту НАТО',
    },
    sources: [
      {
        citation: 'Serbian Ministry of Defence, PARP multilateral consultations in Brussels',
        url: 'https://www.mod.gov.rs/eng/21877/multilateralne-konsultacije-u-okviru-procesa-planiranja-i-pregleda-parp-u-sedistu-nato-u-briselu21877',
      },
    ],
    related: ['parp'],
  },
  {
    key: 'tl-2024-sofia',
    when: { date: '2024-05-27', precision: 'day' },
    category: 'parliament',
    title: {
      en: 'NATO PA in Sofia grants associate status to the Kosovo Assembly; the Serbian delegation protests',
      sr: 'ПС НАТО у Софији даје придружени статус скупштини Косова; српска делегација протестује',
    },
    sources: [
      {
        citation: 'The Western Balkans, NATO PA approves advancement of Kosovo’s status',
        url: 'https://thewesternbalkans.com/nato-parliamentary-assembly-approves-the-advancement-of-kosovos-status/',
      },
    ],
    related: ['nato-pa', 'assembly-nato-pa-delegation'],
  },
  {
    key: 'tl-2024-patrols',
    when: { date: '2024-09', precision: 'month' },
    category: 'kfor',
    title: {
      en: 'Simultaneous patrols of the Serbian Armed Forces and KFOR near Kuršumlija',
      sr: 'Симултане патроле Војске Србије и Кфора код Куршумлије',
    },
    sources: [
      {
        citation: 'Serbian Armed Forces, simultaneous patrols, 26 September 2024',
        url: 'https://vs.rs/en/news/337E00017BE911EF9E880050568F5424/simultaneous-patrols-by-serbian-armed-forces-and-kfor-to-preserve-security',
      },
    ],
    conflictNote: {
      en: 'Reported on 26 September 2024.',
      sr: 'Вест објављена 26. септембра 2024.',
    },
    related: ['kfor-cooperation'],
  },
  {
    key: 'tl-2025-rutte-call',
    when: { date: '2025-03-03', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Secretary General Rutte and President Vučić speak by phone',
      sr: 'Генерални секретар Руте и председник Вучић разговарају телефоном',
    },
    sources: [
      { citation: 'Gazeta Blic, 3 March 2025', url: 'https://gazetablic.com/?p=3252380' },
      {
        citation: 'Al Jazeera Balkans, 3 March 2025',
        url: 'https://balkans.aljazeera.net/news/balkan/2025/3/3/',
      },
    ],
  },
  {
    key: 'tl-2025-rutte-brussels',
    when: { date: '2025-03-19', precision: 'day' },
    category: 'kfor',
    title: {
      en: 'Vučić meets Secretary General Rutte in Brussels',
      sr: 'Вучић се у Бриселу састаје са генералним секретаром Рутеом',
    },
    description: {
      en: 'Talks on relations between the Serbian Armed Forces and KFOR, Bosnia and Herzegovina and regional security.',
      sr: 'Разговори о односима Војске Србије и Кфора, Босни и Херцеговини и регионалној безбедности.',
    },
    sources: [
      { citation: 'Tanjug, March 2025', url: 'https://tanjug.rs/english/politics/149039/' },
      {
        citation: 'bne IntelliNews, Serbian president has dinner with NATO chief',
        url: 'https://intellinews.com/serbian-president-has-dinner-with-nato-chief-in-brussels-372540/',
      },
    ],
    related: ['kfor-cooperation'],
  },
  {
    key: 'tl-2025-copenhagen',
    when: { date: '2025-10-02', precision: 'day' },
    category: 'visit',
    title: {
      en: 'Vučić meets Secretary General Rutte at the European Political Community summit in Copenhagen',
      sr: 'Вучић са генералним секретаром Рутеом на самиту Европске политичке заједнице у Копенхагену',
    },
    sources: [
      {
        citation: 'Zaječar online, October 2025',
        url: 'https://zajecaronline.com/vucic-se-sastao-sa-ruteom-u-kopenhagenu/',
      },
    ],
  },
];
