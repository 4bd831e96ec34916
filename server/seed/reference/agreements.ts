/** The legal and political instruments of the Serbia–NATO relationship, and how they relate. */
import type { SeedAgreement, SeedAgreementRelation } from './types.js';

const RS_NATO = { en: 'Republic of Serbia; NATO', sr: 'Република Србија; НАТО' };

export const agreements: SeedAgreement[] = [
  {
    key: 'mta-1999',
    kind: 'military_technical',
    title: {
      en: 'Military Technical Agreement between KFOR and the Governments of the FRY and the Republic of Serbia',
      sr: 'Војнотехнички споразум између Кфора и влада СР Југославије и Републике Србије',
    },
    shortTitle: {
      en: 'Military Technical Agreement (Kumanovo)',
      sr: 'Војнотехнички споразум (Куманово)',
    },
    parties: {
      en: 'KFOR; Federal Republic of Yugoslavia; Republic of Serbia',
      sr: 'Кфор; СР Југославија; Република Србија',
    },
    signedOn: { date: '1999-06-09', precision: 'day' },
    signedAt: { en: 'Kumanovo', sr: 'Куманово' },
    inForceFrom: { date: '1999-06-10', precision: 'day' },
    status: 'in_force',
    description: {
      en: 'Ceasefire and phased withdrawal of Yugoslav forces from Kosovo; a 5 km Ground Safety Zone and a 25 km Air Safety Zone; a Joint Implementation Commission. It still frames cooperation between the Serbian Armed Forces and KFOR.',
      sr: 'Прекид ватре и фазно повлачење југословенских снага са Косова; копнена зона безбедности од 5 km и ваздушна од 25 km; Заједничка комисија за спровођење. И данас је оквир сарадње Војске Србије и Кфора.',
    },
    mechanism: 'kfor-cooperation',
    sources: [
      {
        citation: 'Wikipedia, Kumanovo Agreement',
        url: 'https://en.wikipedia.org/wiki/Kumanovo_Agreement',
      },
      {
        citation: 'PA-X Peace Agreements Database, agreement 457',
        url: 'https://pax.peaceagreements.org/agreements/457',
      },
    ],
  },
  {
    key: 'unscr-1244',
    kind: 'un_resolution',
    title: {
      en: 'UN Security Council Resolution 1244 (1999)',
      sr: 'Резолуција 1244 (1999) Савета безбедности УН',
    },
    shortTitle: { en: 'UNSCR 1244', sr: 'Резолуција 1244' },
    parties: { en: 'United Nations Security Council', sr: 'Савет безбедности Уједињених нација' },
    signedOn: { date: '1999-06-10', precision: 'day' },
    inForceFrom: { date: '1999-06-10', precision: 'day' },
    status: 'in_force',
    description: {
      en: 'Authorises the international security presence in Kosovo and Metohija, deployed as KFOR, which Serbia regards as the only legitimate military formation there.',
      sr: 'Овлашћује међународно безбедносно присуство на Косову и Метохији, распоређено као Кфор, које Србија сматра јединим легитимним војним формацијом тамо.',
    },
    mechanism: 'kfor-cooperation',
    sources: [
      {
        citation: 'Telegraf, on the Air Safety Zone and Resolution 1244',
        url: 'https://telegraf.rs/amp/english/3510785-',
      },
    ],
  },
  {
    key: 'transit-2005',
    kind: 'logistics_agreement',
    title: {
      en: 'Agreement between Serbia and Montenegro and NATO on transit arrangements',
      sr: 'Споразум Србије и Црне Горе и НАТО о аранжманима транзита',
    },
    shortTitle: { en: 'Transit Agreement', sr: 'Споразум о транзиту' },
    parties: {
      en: 'Serbia and Montenegro (succeeded by Serbia); NATO',
      sr: 'Србија и Црна Гора (наследила Србија); НАТО',
    },
    signedOn: { date: '2005-07-18', precision: 'day' },
    status: 'in_force',
    description: {
      en: 'Allows logistic transit for NATO-led operations in the Western Balkans; liaison on it was the first task of MLO Belgrade.',
      sr: 'Омогућава логистички транзит за операције под вођством НАТО на Западном Балкану; веза у вези са њим била је први задатак Војне канцеларије за везу.',
    },
    mechanism: 'mlo-liaison',
    sources: [
      {
        citation: 'NATO MLO Belgrade, mission page',
        url: 'http://nhqs.nato.int/mlo_belgrade/about-mlo-belgrade/mission',
      },
    ],
  },
  {
    key: 'pfp-framework-2006',
    kind: 'partnership_document',
    title: {
      en: 'Partnership for Peace Framework Document (signature by Serbia)',
      sr: 'Оквирни документ Партнерства за мир (потпис Србије)',
    },
    shortTitle: { en: 'PfP Framework Document', sr: 'Оквирни документ ПзМ' },
    parties: RS_NATO,
    signedOn: { date: '2006-12-14', precision: 'day' },
    signedAt: { en: 'NATO Headquarters, Brussels', sr: 'Седиште НАТО, Брисел' },
    status: 'in_force',
    description: {
      en: 'Serbia’s accession to the Partnership for Peace, signed by President Tadić two weeks after the Riga Summit invitation.',
      sr: 'Приступање Србије Партнерству за мир, које је председник Тадић потписао две недеље после позива са самита у Риги.',
    },
    mechanism: 'pfp',
    conflictNote: {
      en: 'One news agency text gives November 2006 for accession; NATO’s own record gives 14 December 2006.',
      sr: 'Један агенцијски текст наводи новембар 2006. као време приступања; НАТО у својој евиденцији наводи 14. децембар 2006.',
    },
    sources: [
      {
        citation: 'NATO Update, December 2006',
        url: 'http://www.nato.int/docu/update/2006/12-december/e1214a.htm',
      },
    ],
  },
  {
    key: 'soia-2008',
    kind: 'security_agreement',
    title: {
      en: 'Agreement between the Government of Serbia and NATO on the Security of Information, with Code of Conduct',
      sr: 'Споразум између Владе Србије и НАТО о безбедности информација, са Кодексом понашања',
    },
    shortTitle: {
      en: 'Security of Information Agreement',
      sr: 'Споразум о безбедности информација',
    },
    parties: RS_NATO,
    signedOn: { date: '2008-10-01', precision: 'day' },
    signedAt: { en: 'Brussels', sr: 'Брисел' },
    inForceFrom: { date: '2011', precision: 'year' },
    status: 'in_force',
    description: {
      en: 'Each side protects the other’s classified information at the level the originator set and uses it only for agreed purposes; it creates no duty to exchange information.',
      sr: 'Свака страна штити тајне податке друге стране на нивоу који је одредила страна која их је створила и користи их само у договорене сврхе; споразум не обавезује на размену информација.',
    },
    conflictNote: {
      en: 'The national security authority lists the agreement under 2011; the exact date of entry into force was not found.',
      sr: 'Национални безбедносни орган наводи споразум под 2011. годином; тачан датум ступања на снагу није пронађен.',
    },
    sources: [
      {
        citation: 'National Security Authority of Serbia, international cooperation',
        url: 'https://arhiva.nsa.gov.rs/eng/medjunarodna-saradnja.php',
      },
      {
        citation: 'Preamble of the NSPO logistic support agreement (Paragraf)',
        url: 'http://demo.paragraf.rs/demo/combined/Old/t/t2016_03/ENG_2016_03_001.htm',
      },
    ],
  },
  {
    key: 'brussels-2013',
    kind: 'political_document',
    title: {
      en: 'First Agreement of Principles Governing the Normalisation of Relations (Belgrade–Pristina)',
      sr: 'Први споразум о принципима нормализације односа (Београд–Приштина)',
    },
    shortTitle: { en: 'Brussels Agreement', sr: 'Бриселски споразум' },
    parties: {
      en: 'Belgrade and Pristina, facilitated by the European Union',
      sr: 'Београд и Приштина, уз посредовање Европске уније',
    },
    signedOn: { date: '2013-04-19', precision: 'day' },
    signedAt: { en: 'Brussels', sr: 'Брисел' },
    status: 'in_force',
    description: {
      en: 'Fifteen points on the community of Serb-majority municipalities, police, judiciary and elections. NATO is not a party; Serbia counts on KFOR as a guarantor of security in the north during its implementation.',
      sr: 'Петнаест тачака о заједници општина са српском већином, полицији, правосуђу и изборима. НАТО није страна; Србија рачуна на Кфор као гаранта безбедности на северу током спровођења.',
    },
    sources: [
      {
        citation: 'Wikipedia, 2013 Brussels Agreement',
        url: 'https://en.wikipedia.org/wiki/2013_Brussels_Agreement',
      },
      {
        citation: 'PA-X Peace Agreements Database, agreement 2022',
        url: 'https://pax.peaceagreements.org/agreements/2022',
      },
    ],
  },
  {
    key: 'pfp-sofa',
    kind: 'status_of_forces',
    title: {
      en: 'Partnership for Peace Status of Forces Agreement (accession)',
      sr: 'Споразум о статусу снага Партнерства за мир (приступање)',
    },
    shortTitle: { en: 'PfP SOFA', sr: 'СОФА ПзМ' },
    parties: {
      en: 'Republic of Serbia; parties to the PfP SOFA',
      sr: 'Република Србија; државе потписнице СОФА ПзМ',
    },
    signedOn: { date: '2014', precision: 'approximate' },
    signedAt: { en: 'US Department of State, Washington', sr: 'Стејт департмент, Вашингтон' },
    status: 'signed',
    description: {
      en: 'Gives a legal status to forces of the parties staying on each other’s territory for partnership activities; signed by Defence Minister Rodić.',
      sr: 'Уређује правни положај снага држава потписница које бораве на територији друге стране ради партнерских активности; потписао министар одбране Родић.',
    },
    mechanism: 'pfp',
    conflictNote: {
      en: 'Sources disagree on the instrument and the date: the Ministry and Blic report a signature in Washington in early 2014; another report has a SOFA signed by Minister Gašić in January 2015, possibly a different instrument.',
      sr: 'Извори се не слажу о инструменту и датуму: Министарство и Блиц наводе потпис у Вашингтону почетком 2014; други извор наводи СОФА коју је министар Гашић потписао у јануару 2015, можда други инструмент.',
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
  },
  {
    key: 'ipap-2015',
    kind: 'partnership_document',
    title: {
      en: 'Individual Partnership Action Plan between Serbia and NATO (2015)',
      sr: 'Индивидуални акциони план партнерства између Србије и НАТО (2015)',
    },
    shortTitle: { en: 'IPAP 2015', sr: 'ИПАП 2015' },
    parties: RS_NATO,
    signedOn: { date: '2015-01-15', precision: 'day' },
    inForceFrom: { date: '2015-03-18', precision: 'day' },
    status: 'superseded',
    description: {
      en: 'A politically agreed plan, adopted by the Government and approved by the North Atlantic Council; not a treaty, so not ratified by the Assembly. Four chapters: political and security framework; defence and military issues; protection of classified information; public diplomacy, science and emergency management.',
      sr: 'Политички усаглашен план, који је усвојила Влада, а одобрио Северноатлантски савет; није међународни уговор, па га Скупштина не потврђује. Четири поглавља: политички и безбедносни оквир; питања одбране и војна питања; заштита тајних података; јавна дипломатија, наука и управљање ванредним ситуацијама.',
    },
    mechanism: 'ipap',
    conflictNote: {
      en: 'Government adoption is reported for 14 December 2014, a Sunday, which needs checking against the Government’s record. The start of implementation is 18 March 2015 in NATO’s account and 18 April in another report.',
      sr: 'Усвајање у Влади наводи се за 14. децембар 2014, што је недеља, па то треба проверити у евиденцији Владе. Почетак спровођења је 18. март 2015. према НАТО, а 18. април према другом извору.',
    },
    sources: [
      {
        citation: 'NATO, Individual Partnership Action Plans',
        url: 'https://www.nato.int/cps/uk/natohq/topics_49290.htm?selectedLocale=en',
      },
      {
        citation: 'Belgrade Centre for Security Policy, what the IPAP is',
        url: 'http://www.civilsocietylibrary.org/CSL/3402/TA-JE-INDIVIDUALNI-AKCIONI',
      },
    ],
  },
  {
    key: 'nspo-2015',
    kind: 'logistics_agreement',
    title: {
      en: 'Agreement between Serbia and the NATO Support Organisation on logistic support',
      sr: 'Споразум између Србије и Организације НАТО за подршку о логистичкој подршци',
    },
    shortTitle: {
      en: 'NSPO logistic support agreement',
      sr: 'Споразум са НСПО о логистичкој подршци',
    },
    parties: {
      en: 'Republic of Serbia; NATO Support Organisation',
      sr: 'Република Србија; Организација НАТО за подршку',
    },
    signedOn: { date: '2015', precision: 'year' },
    ratifiedOn: { date: '2016-02-12', precision: 'day' },
    status: 'ratified',
    description: {
      en: 'Lets Serbia use NSPA logistic services; ratified by the National Assembly and published in the Official Herald – International Treaties 3/2016.',
      sr: 'Омогућава Србији коришћење логистичких услуга НСПА; потврдила га је Народна скупштина, објављен у „Службеном гласнику – Међународни уговори” 3/2016.',
    },
    sources: [
      {
        citation: 'Official Herald – International Treaties 3/2016 (Paragraf)',
        url: 'http://demo.paragraf.rs/demo/combined/Old/t/t2016_03/ENG_2016_03_001.htm',
      },
    ],
  },
  {
    key: 'ipap-2019',
    kind: 'partnership_document',
    title: {
      en: 'Individual Partnership Action Plan between Serbia and NATO 2019–2021',
      sr: 'Индивидуални акциони план партнерства између Србије и НАТО 2019–2021',
    },
    shortTitle: { en: 'IPAP 2019–2021', sr: 'ИПАП 2019–2021' },
    parties: RS_NATO,
    signedOn: { date: '2019-11-07', precision: 'day' },
    status: 'completed',
    description: {
      en: 'The second IPAP, adopted after delays through 2019, on the principles of voluntariness, transparency and flexibility and with explicit military neutrality.',
      sr: 'Други ИПАП, усвојен после одлагања током 2019, на начелима добровољности, транспарентности и флексибилности и уз изричиту војну неутралност.',
    },
    mechanism: 'ipap',
    sources: [
      {
        citation: 'European Western Balkans, Serbia adopts new IPAP with NATO, 8 November 2019',
        url: 'https://europeanwesternbalkans.com/2019/11/08/serbia-adopts-new-ipap-with-nato/',
      },
    ],
  },
];

export const agreementRelations: SeedAgreementRelation[] = [
  {
    from: 'mta-1999',
    to: 'unscr-1244',
    kind: 'complements',
    note: {
      en: 'Signed the day before the resolution; the resolution endorses the security presence the MTA makes room for.',
      sr: 'Потписан дан пре резолуције; резолуција потврђује безбедносно присуство за које споразум отвара простор.',
    },
  },
  {
    from: 'brussels-2013',
    to: 'unscr-1244',
    kind: 'related',
    note: {
      en: 'Concluded within the status framework set by the resolution.',
      sr: 'Закључен у статусном оквиру који поставља резолуција.',
    },
  },
  {
    from: 'pfp-sofa',
    to: 'pfp-framework-2006',
    kind: 'based_on',
    note: {
      en: 'Open to states taking part in the Partnership for Peace.',
      sr: 'Отворен за државе које учествују у Партнерству за мир.',
    },
  },
  {
    from: 'ipap-2015',
    to: 'pfp-framework-2006',
    kind: 'based_on',
    note: { en: 'An IPAP is a PfP instrument.', sr: 'ИПАП је инструмент ПзМ.' },
  },
  {
    from: 'ipap-2019',
    to: 'ipap-2015',
    kind: 'supersedes',
    note: {
      en: 'Keeps the priorities of the first plan and adds new activities.',
      sr: 'Задржава приоритете првог плана и додаје нове активности.',
    },
  },
  {
    from: 'nspo-2015',
    to: 'soia-2008',
    kind: 'based_on',
    note: {
      en: 'Its preamble refers to the 2008 security agreement.',
      sr: 'Преамбула се позива на безбедносни споразум из 2008.',
    },
  },
  {
    from: 'ipap-2015',
    to: 'soia-2008',
    kind: 'related',
    note: {
      en: 'The plan’s third chapter deals with the protection of classified information.',
      sr: 'Треће поглавље плана бави се заштитом тајних података.',
    },
  },
  {
    from: 'transit-2005',
    to: 'mta-1999',
    kind: 'related',
    note: {
      en: 'Supports logistic flows to KFOR and other NATO-led operations in the region.',
      sr: 'Подржава логистичке токове ка Кфору и другим операцијама под вођством НАТО у региону.',
    },
  },
];
