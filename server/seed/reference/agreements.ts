/** The legal and political instruments of the Serbia–NATO relationship, and how they relate. */
import type { SeedAgreement, SeedAgreementRelation, SeedSource } from './types.js';

const RS_NATO = {
  en: 'Republic of Serbia; North Atlantic Treaty Organization',
  sr: 'Република Србија; Организација Северноатлантског уговора',
};

const NATO_IPAP: SeedSource = {
  citation: 'NATO, Individual Partnership Action Plans (topic page)',
  url: 'https://www.nato.int/cps/uk/natohq/topics_49290.htm?selectedLocale=en',
};
const PARAGRAF_NSPO: SeedSource = {
  citation: 'Official Herald of Serbia – International Treaties 3/2016, NSPO agreement (Paragraf)',
  url: 'http://demo.paragraf.rs/demo/combined/Old/t/t2016_03/ENG_2016_03_001.htm',
};

export const agreements: SeedAgreement[] = [
  {
    key: 'mta-1999',
    kind: 'military_technical',
    title: {
      en: 'Military Technical Agreement between the international security force (KFOR) and the Governments of the Federal Republic of Yugoslavia and the Republic of Serbia',
      sr: 'Војнотехнички споразум између Међународних безбедносних снага (Кфор) и влада Савезне Републике Југославије и Републике Србије',
    },
    shortTitle: {
      en: 'Military Technical Agreement (Kumanovo)',
      sr: 'Војнотехнички споразум (Куманово)',
    },
    parties: {
      en: 'KFOR; Government of the Federal Republic of Yugoslavia; Government of the Republic of Serbia',
      sr: 'Кфор; Влада Савезне Републике Југославије; Влада Републике Србије',
    },
    signedOn: { date: '1999-06-09', precision: 'day' },
    signedAt: { en: 'Kumanovo', sr: 'Куманово' },
    inForceFrom: { date: '1999-06-10', precision: 'day' },
    status: 'in_force',
    description: {
      en: 'Provides for a ceasefire, the withdrawal of Yugoslav forces from Kosovo within eleven days, a 5 km ground and a 25 km air safety zone, and a Joint Implementation Commission. Signed by Lt Gen Mike Jackson for KFOR and by Col Gen Svetozar Marjanović and Lt Gen Obrad Stevanović; it remains the basis of cooperation between the Serbian Armed Forces and KFOR, although the air safety zone was abolished in 2015.',
      sr: 'Предвиђа прекид ватре, повлачење југословенских снага са Косова у року од једанаест дана, копнену зону безбедности од 5 km и ваздушну од 25 km и Заједничку комисију за спровођење. Потписали су га генерал-потпуковник Мајк Џексон у име Кфора и генерал-пуковник Светозар Марјановић и генерал-потпуковник Обрад Стевановић; и даље је основ сарадње Војске Србије и Кфора, иако је ваздушна зона безбедности укинута 2015.',
    },
    mechanism: 'kfor-cooperation',
    sources: [
      {
        citation: 'Wikipedia, Kumanovo Agreement',
        url: 'https://en.wikipedia.org/wiki/Kumanovo_Agreement',
      },
      {
        citation: 'PA-X Peace Agreements Database, Military Technical Agreement',
        url: 'https://pax.peaceagreements.org/agreements/457',
      },
      {
        citation:
          'Telegraf (English edition), on the safety zones under the agreement (full web address not recorded)',
      },
    ],
  },
  {
    key: 'unscr-1244',
    kind: 'un_resolution',
    title: {
      en: 'United Nations Security Council Resolution 1244 (1999)',
      sr: 'Резолуција 1244 (1999) Савета безбедности Уједињених нација',
    },
    shortTitle: { en: 'UNSCR 1244', sr: 'Резолуција 1244' },
    parties: {
      en: 'United Nations Security Council',
      sr: 'Савет безбедности Уједињених нација',
    },
    // Adopted or approved rather than signed: the date the instrument was concluded.
    signedOn: { date: '1999-06-10', precision: 'day' },
    inForceFrom: { date: '1999-06-10', precision: 'day' },
    status: 'in_force',
    description: {
      en: 'Adopted the day after the Kumanovo agreement; it authorised the international security presence in Kosovo and Metohija that deployed as KFOR. Serbia holds that under this resolution KFOR is the only legitimate military formation there.',
      sr: 'Усвојена дан после споразума у Куманову; овластила је међународно безбедносно присуство на Косову и Метохији, распоређено као Кфор. Србија сматра да је по овој резолуцији Кфор једина легитимна војна формација тамо.',
    },
    mechanism: 'kfor-cooperation',
    sources: [
      {
        citation:
          'Telegraf (English edition), on the safety zones and Resolution 1244 (full web address not recorded)',
      },
      {
        citation: 'Wikipedia, Kumanovo Agreement',
        url: 'https://en.wikipedia.org/wiki/Kumanovo_Agreement',
      },
    ],
  },
  {
    key: 'transit-2005',
    kind: 'logistics_agreement',
    title: {
      en: 'Transit Agreement between Serbia and Montenegro and NATO',
      sr: 'Споразум о транзиту између Србије и Црне Горе и НАТО',
    },
    shortTitle: { en: 'Transit Agreement', sr: 'Споразум о транзиту' },
    parties: {
      en: 'State Union of Serbia and Montenegro (continued by the Republic of Serbia); NATO',
      sr: 'Државна заједница Србија и Црна Гора (чији је континуитет наставила Република Србија); НАТО',
    },
    signedOn: { date: '2005-07-18', precision: 'day' },
    status: 'in_force',
    description: {
      en: 'Eases the logistic flow to and from NATO-led operations in the Western Balkans across Serbian territory. Liaison with the Serbian military on its practical application was the first task of MLO Belgrade.',
      sr: 'Олакшава логистички ток ка операцијама под вођством НАТО на Западном Балкану и из њих преко територије Србије. Веза са војним властима Србије око његове практичне примене била је први задатак МЛО Београд.',
    },
    mechanism: 'mlo-liaison',
    sources: [
      {
        citation: 'NATO MLO Belgrade, mission of the office',
        url: 'http://nhqs.nato.int/mlo_belgrade/about-mlo-belgrade/mission',
      },
    ],
  },
  {
    key: 'pfp-framework-2006',
    kind: 'partnership_document',
    title: {
      en: 'Partnership for Peace Framework Document, signed by the Republic of Serbia',
      sr: 'Оквирни документ Партнерства за мир, који је потписала Република Србија',
    },
    shortTitle: { en: 'PfP Framework Document', sr: 'Оквирни документ ПзМ' },
    parties: RS_NATO,
    signedOn: { date: '2006-12-14', precision: 'day' },
    signedAt: { en: 'NATO Headquarters, Brussels', sr: 'Седиште НАТО, Брисел' },
    status: 'in_force',
    description: {
      en: 'Serbia’s entry into the Partnership for Peace, signed by President Boris Tadić about two weeks after the Riga Summit had invited Serbia, Montenegro and Bosnia and Herzegovina to join.',
      sr: 'Улазак Србије у Партнерство за мир; потписао га је председник Борис Тадић око две недеље пошто је самит у Риги позвао Србију, Црну Гору и Босну и Херцеговину да приступе.',
    },
    mechanism: 'pfp',
    conflictNote: {
      en: 'A Xinhua report places Serbia’s accession in November 2006 (the month of the Riga invitation); NATO’s own record gives the signature on 14 December 2006.',
      sr: 'Један извештај агенције Синхуа смешта приступање Србије у новембар 2006. (месец позива из Риге); према евиденцији НАТО документ је потписан 14. децембра 2006.',
    },
    sources: [
      {
        citation: 'NATO Update, Riga Summit invitation and PfP signature, December 2006',
        url: 'http://www.nato.int/docu/update/2006/12-december/e1214a.htm',
      },
    ],
  },
  {
    key: 'soia-2008',
    kind: 'security_agreement',
    title: {
      en: 'Agreement between the Government of the Republic of Serbia and NATO on the Security of Information, with its Code of Conduct',
      sr: 'Споразум између Владе Републике Србије и НАТО о безбедности информација, са Кодексом понашања',
    },
    shortTitle: {
      en: 'Security of Information Agreement',
      sr: 'Споразум о безбедности информација',
    },
    parties: {
      en: 'Government of the Republic of Serbia; North Atlantic Treaty Organization',
      sr: 'Влада Републике Србије; Организација Северноатлантског уговора',
    },
    signedOn: { date: '2008-10-01', precision: 'day' },
    signedAt: { en: 'Brussels', sr: 'Брисел' },
    inForceFrom: { date: '2011', precision: 'year' },
    status: 'in_force',
    description: {
      en: 'Signed by Defence Minister Dragan Šutanovac and Secretary General Jaap de Hoop Scheffer. Each side protects the other’s information, keeps the classification the originator gave it, applies common standards and uses it only for the agreed purpose; neither side is obliged to share anything.',
      sr: 'Потписали су га министар одбране Драган Шутановац и генерални секретар Јап де Хоп Схефер. Свака страна штити информације друге стране, задржава степен тајности који им је дао извор, примењује заједничке стандарде и користи их само у договорене сврхе; ниједна страна није обавезна да било шта размењује.',
    },
    mechanism: 'pfp',
    conflictNote: {
      en: 'The national security authority lists the agreement under 2011 without saying whether that is ratification or entry into force; no exact day was found.',
      sr: 'Национални безбедносни орган наводи споразум под 2011. годином, без назнаке да ли је реч о потврђивању или ступању на снагу; тачан дан није пронађен.',
    },
    sources: [
      {
        citation: 'Xinhua report on the signature, October 2008 (copy)',
        url: 'http://chanthy96.blogspot.com/2008/10/nato-serbia-sign-security-agreement.html',
      },
      PARAGRAF_NSPO,
      {
        citation: 'National Security Authority of Serbia, international cooperation (archive)',
        url: 'https://arhiva.nsa.gov.rs/eng/medjunarodna-saradnja.php',
      },
      {
        citation: 'NSPM, text of the agreement, published 29 June 2011',
        url: 'http://www.nspm.rs/dokumenti/sporazum-izmedju-vlade-republike-srbije-i-nato-o-bezbednosti-informacija/stampa.html',
      },
    ],
  },
  {
    key: 'brussels-2013',
    kind: 'political_document',
    title: {
      en: 'First Agreement of Principles Governing the Normalisation of Relations (Belgrade–Pristina)',
      sr: 'Први споразум о принципима који уређују нормализацију односа (Београд–Приштина)',
    },
    shortTitle: { en: 'Brussels Agreement', sr: 'Бриселски споразум' },
    parties: {
      en: 'Belgrade and Pristina, in a dialogue facilitated by the European Union',
      sr: 'Београд и Приштина, у дијалогу уз посредовање Европске уније',
    },
    signedOn: { date: '2013-04-19', precision: 'day' },
    signedAt: { en: 'Brussels', sr: 'Брисел' },
    status: 'signed',
    description: {
      en: 'A fifteen-point agreement between Belgrade and Pristina (Serb-majority municipalities, police, judiciary, local elections, implementation) reached under EU mediation. NATO is not a party; Serbia counts on KFOR, as a guarantor of its implementation, to keep the north of Kosovo and Metohija secure.',
      sr: 'Споразум Београда и Приштине у петнаест тачака (општине са српском већином, полиција, правосуђе, локални избори, спровођење) постигнут уз посредовање ЕУ. НАТО није страна споразума; Србија очекује да Кфор, као гарант његовог спровођења, чува безбедност на северу Косова и Метохије.',
    },
    conflictNote: {
      en: 'The sources describe the text as initialled by Prime Ministers Dačić and Thaçi rather than formally signed.',
      sr: 'Извори наводе да су текст парафирали премијери Дачић и Тачи, а не да је формално потписан.',
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
      {
        citation: 'B92 / Tanjug, Serbian foreign ministry on cooperation with NATO, December 2018',
        url: 'https://www.b92.net/eng/news/politics.php?yyyy=2018&mm=12&dd=27&nav_id=105859',
      },
    ],
  },
  {
    key: 'pfp-sofa',
    kind: 'status_of_forces',
    title: {
      en: 'Agreement among the States Parties to the North Atlantic Treaty and the other States participating in the Partnership for Peace regarding the Status of their Forces',
      sr: 'Споразум између држава чланица Северноатлантског уговора и других држава које учествују у Партнерству за мир о статусу њихових снага',
    },
    shortTitle: { en: 'PfP SOFA', sr: 'СОФА ПзМ' },
    parties: {
      en: 'Republic of Serbia; NATO member states and other PfP participants',
      sr: 'Република Србија; државе чланице НАТО и друге државе учеснице Партнерства за мир',
    },
    signedOn: { date: '2014', precision: 'approximate' },
    signedAt: {
      en: 'US Department of State, Washington',
      sr: 'Стејт департмент, Вашингтон',
    },
    status: 'signed',
    description: {
      en: 'Sets the legal status of the forces of one participating state while they are on the territory of another for partnership activities. Defence Minister Nebojša Rodić signed it in Washington.',
      sr: 'Уређује правни положај снага једне државе учеснице док бораве на територији друге ради партнерских активности. У Вашингтону га је потписао министар одбране Небојша Родић.',
    },
    mechanism: 'pfp',
    conflictNote: {
      en: 'Sources disagree on the instrument and the date. The Ministry of Defence and Blic report Rodić signing in Washington in early 2014 (day not given); Sputnik France (26 March 2015) says a SOFA was signed by Minister Gašić in January 2015, possibly another instrument. The date of ratification was not found.',
      sr: 'Извори се не слажу о инструменту и датуму. Министарство одбране и Блиц наводе да је Родић потписао у Вашингтону почетком 2014. (дан није наведен); Спутњик Француска (26. март 2015) пише да је СОФА потписао министар Гашић у јануару 2015, што је можда други инструмент. Датум потврђивања није пронађен.',
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
  },
  {
    key: 'nspo-2015',
    kind: 'logistics_agreement',
    title: {
      en: 'Logistic support agreement between the Republic of Serbia and the NATO Support and Procurement Organisation',
      sr: 'Споразум о логистичкој подршци између Републике Србије и Организације НАТО за подршку и набавке',
    },
    shortTitle: {
      en: 'NSPO logistic support agreement',
      sr: 'Споразум са НСПО о логистичкој подршци',
    },
    parties: {
      en: 'Republic of Serbia; NATO Support and Procurement Organisation (NSPO)',
      sr: 'Република Србија; Организација НАТО за подршку и набавке (НСПО)',
    },
    signedOn: { date: '2015', precision: 'year' },
    ratifiedOn: { date: '2016-02-12', precision: 'day' },
    status: 'ratified',
    description: {
      en: 'Opens the logistic services of the NATO support agency to Serbia. The National Assembly ratified it in February 2016 and it was published in the Official Herald – International Treaties, no. 3/2016; its preamble refers to the 2008 security agreement.',
      sr: 'Омогућава Србији коришћење логистичких услуга агенције НАТО за подршку. Народна скупштина га је потврдила у фебруару 2016, а објављен је у „Службеном гласнику РС – Међународни уговори”, број 3/2016; у преамбули се позива на безбедносни споразум из 2008.',
    },
    conflictNote: {
      en: 'Only the year of signature (2015) is known.',
      sr: 'Позната је само година потписивања (2015).',
    },
    sources: [
      PARAGRAF_NSPO,
      {
        citation: 'Blog report on the ratification, February 2016',
        url: 'http://smarkos.blogspot.com/2016/02/president-signs-agreement-with-nato.html',
      },
    ],
  },
  {
    key: 'ipap-2015',
    kind: 'partnership_document',
    title: {
      en: 'Individual Partnership Action Plan between the Republic of Serbia and NATO (2015)',
      sr: 'Индивидуални акциони план партнерства између Републике Србије и НАТО (2015)',
    },
    shortTitle: { en: 'IPAP 2015', sr: 'ИПАП 2015' },
    parties: RS_NATO,
    // Adopted or approved rather than signed: the date the instrument was concluded.
    signedOn: { date: '2015-01-15', precision: 'day' },
    inForceFrom: { date: '2015-01-15', precision: 'day' },
    status: 'superseded',
    description: {
      en: 'Serbia’s first IPAP, approved by the North Atlantic Council on 15 January 2015 after a period in which adoption was held up. A politically agreed plan adopted by the Government, not a treaty ratified by the Assembly; its four chapters cover the political and security framework, defence and military issues, protection of classified information, and public diplomacy, science and emergency management.',
      sr: 'Први ИПАП Србије, који је Северноатлантски савет одобрио 15. јануара 2015, пошто је усвајање неко време било заустављено. Политички договорен план који усваја Влада, а не међународни уговор који потврђује Скупштина; његова четири поглавља обухватају политички и безбедносни оквир, питања одбране и војна питања, заштиту тајних података и јавну дипломатију, науку и ванредне ситуације.',
    },
    mechanism: 'ipap',
    conflictNote: {
      en: 'One source dates the Government’s adoption to 14 December 2014, which was a Sunday; this needs checking against the Government’s records. The start of implementation is 18 March 2015 in NATO’s account and 18 April 2015 in a Vijesti/Srna report.',
      sr: 'Један извор наводи да га је Влада усвојила 14. децембра 2014, што је била недеља; то треба проверити у евиденцији Владе. Почетак спровођења НАТО бележи 18. марта 2015, а извештај Вијести/Срне 18. априла 2015.',
    },
    sources: [
      NATO_IPAP,
      {
        citation: 'Belgrade Centre for Security Policy, explainer on the IPAP',
        url: 'http://www.civilsocietylibrary.org/CSL/3402/TA-JE-INDIVIDUALNI-AKCIONI',
      },
      {
        citation: 'Mission of Serbia to NATO, Serbia and NATO',
        url: 'http://nato-brussels.mfa.gov.rs/nato.php',
      },
    ],
  },
  {
    key: 'ipap-2019',
    kind: 'partnership_document',
    title: {
      en: 'Individual Partnership Action Plan between the Republic of Serbia and NATO 2019–2021',
      sr: 'Индивидуални акциони план партнерства између Републике Србије и НАТО 2019–2021',
    },
    shortTitle: { en: 'IPAP 2019–2021', sr: 'ИПАП 2019–2021' },
    parties: RS_NATO,
    // Adopted or approved rather than signed: the date the instrument was concluded.
    signedOn: { date: '2019-11-07', precision: 'day' },
    inForceFrom: { date: '2019-11-07', precision: 'day' },
    status: 'completed',
    description: {
      en: 'The second, three-year IPAP, whose adoption Serbia completed on 7 November 2019 after delays. It keeps the main priorities of the first plan, adds military, scientific and information-security activities, and states military neutrality explicitly.',
      sr: 'Други, трогодишњи ИПАП, чије је усвајање Србија окончала 7. новембра 2019, после одлагања. Задржава главне приоритете првог плана, додаје активности у војној и научној сарадњи и безбедности информација и изричито наводи војну неутралност.',
    },
    mechanism: 'ipap',
    conflictNote: {
      en: 'The sources give only the date on which Serbia completed adoption. NATO’s approval date, and whether an ITPP or a third IPAP followed after 2021, were not found.',
      sr: 'Извори наводе само датум када је Србија окончала усвајање. Датум одобрења у НАТО, као и да ли је после 2021. уследио ИТПП или трећи ИПАП, нису пронађени.',
    },
    sources: [
      {
        citation: 'European Western Balkans, Serbia adopts new IPAP with NATO, 8 November 2019',
        url: 'https://europeanwesternbalkans.com/2019/11/08/serbia-adopts-new-ipap-with-nato/',
      },
      {
        citation: 'Media i reform centar Niš, on the current IPAP',
        url: 'https://mediareform.rs/aktuelni-ipap-korak-dalje-u-saradnji-srbije-i-nato-a/',
      },
      {
        citation: 'B92 / Tanjug, Serbian foreign ministry on the next IPAP, December 2018',
        url: 'https://www.b92.net/eng/news/politics.php?yyyy=2018&mm=12&dd=27&nav_id=105859',
      },
    ],
  },
];

/** "from" <kind> "to": e.g. IPAP 2019–2021 supersedes IPAP 2015. */
export const agreementRelations: SeedAgreementRelation[] = [
  {
    from: 'mta-1999',
    to: 'unscr-1244',
    kind: 'complements',
    note: {
      en: 'The military arrangements on the ground that went with the resolution adopted the next day; together they frame KFOR’s presence.',
      sr: 'Војни аранжмани на терену уз резолуцију усвојену наредног дана; заједно чине оквир присуства Кфора.',
    },
  },
  {
    from: 'brussels-2013',
    to: 'unscr-1244',
    kind: 'related',
    note: {
      en: 'A Belgrade–Pristina agreement reached while the resolution, and KFOR under it, remain in place.',
      sr: 'Споразум Београда и Приштине постигнут док су резолуција, и Кфор по њој, и даље на снази.',
    },
  },
  {
    from: 'transit-2005',
    to: 'unscr-1244',
    kind: 'related',
    note: {
      en: 'Eases supply to NATO-led operations in the region, among them KFOR, deployed under the resolution.',
      sr: 'Олакшава снабдевање операција под вођством НАТО у региону, међу њима и Кфора, распоређеног по резолуцији.',
    },
  },
  {
    from: 'pfp-sofa',
    to: 'pfp-framework-2006',
    kind: 'based_on',
    note: {
      en: 'Open only to states that take part in the Partnership for Peace.',
      sr: 'Отворен само за државе које учествују у Партнерству за мир.',
    },
  },
  {
    from: 'ipap-2015',
    to: 'pfp-framework-2006',
    kind: 'based_on',
    note: {
      en: 'An IPAP is one of the tools of the Partnership for Peace.',
      sr: 'ИПАП је један од инструмената Партнерства за мир.',
    },
  },
  {
    from: 'ipap-2019',
    to: 'pfp-framework-2006',
    kind: 'based_on',
    note: {
      en: 'Drafted on the PfP principles of voluntariness, transparency and flexibility.',
      sr: 'Сачињен по начелима Партнерства за мир: добровољности, транспарентности и флексибилности.',
    },
  },
  {
    from: 'ipap-2019',
    to: 'ipap-2015',
    kind: 'supersedes',
    note: {
      en: 'The second cycle carries over the priorities of the first and adds new activities.',
      sr: 'Други циклус преузима приоритете првог и додаје нове активности.',
    },
  },
  {
    from: 'ipap-2015',
    to: 'soia-2008',
    kind: 'related',
    note: {
      en: 'The plan’s third chapter deals with protecting classified information.',
      sr: 'Треће поглавље плана бави се заштитом тајних података.',
    },
  },
  {
    from: 'ipap-2015',
    to: 'pfp-sofa',
    kind: 'related',
    note: {
      en: 'Press reports list a status arrangement for NATO personnel among the plan’s contents.',
      sr: 'Према писању штампе, међу садржајима плана је и уређење статуса особља НАТО.',
    },
  },
  {
    from: 'nspo-2015',
    to: 'soia-2008',
    kind: 'based_on',
    note: {
      en: 'Its preamble refers to the 2008 security agreement.',
      sr: 'Његова преамбула позива се на безбедносни споразум из 2008.',
    },
  },
];
