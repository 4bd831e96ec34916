/** Organisations of the Serbia–NATO reference deployment: the partner's bodies and NATO's. */
import type { SeedOrganisation } from './types.js';

const RS = { side: 'partner', nation: 'RS' } as const;
const NATO = { side: 'nato', nation: 'NATO' } as const;

export const organisations: SeedOrganisation[] = [
  {
    key: 'gov-rs',
    kind: 'government',
    ...RS,
    name: { en: 'Government of the Republic of Serbia', sr: 'Влада Републике Србије' },
    abbreviation: { en: 'Government', sr: 'Влада' },
    description: {
      en: 'Adopts the national planning documents for cooperation with NATO, including the IPAP, by government conclusion.',
      sr: 'Закључком усваја националне планске документе за сарадњу са НАТО, укључујући ИПАП.',
    },
    website: 'https://www.srbija.gov.rs',
  },
  {
    key: 'mfa',
    parent: 'gov-rs',
    kind: 'ministry',
    ...RS,
    name: { en: 'Ministry of Foreign Affairs', sr: 'Министарство спољних послова' },
    abbreviation: { en: 'MFA', sr: 'МСП' },
    description: {
      en: 'Leads the drafting of the IPAP and the political dialogue with NATO; the Assistant Minister for security policy oversees partnership work.',
      sr: 'Води израду ИПАП-а и политички дијалог са НАТО; помоћник министра за безбедносну политику надзире послове партнерства.',
    },
    website: 'https://www.mfa.gov.rs',
  },
  {
    key: 'mfa-nato-pfp',
    parent: 'mfa',
    kind: 'ministry_unit',
    ...RS,
    name: {
      en: 'Department for NATO and Partnership for Peace',
      sr: 'Одељење за НАТО и Партнерство за мир',
    },
    description: {
      en: 'Coordinates IPAP implementation across institutions and the public-information guidelines on cooperation with NATO.',
      sr: 'Координира спровођење ИПАП-а међу институцијама и смернице за информисање јавности о сарадњи са НАТО.',
    },
  },
  {
    key: 'mission-nato',
    parent: 'mfa',
    kind: 'diplomatic_mission',
    ...RS,
    name: {
      en: 'Mission of the Republic of Serbia to NATO',
      sr: 'Мисија Републике Србије при НАТО',
    },
    description: {
      en: 'Serbia’s diplomatic mission at NATO Headquarters in Brussels, opened in September 2010.',
      sr: 'Дипломатска мисија Србије при седишту НАТО у Бриселу, отворена у септембру 2010.',
    },
  },
  {
    key: 'mod',
    parent: 'gov-rs',
    kind: 'ministry',
    ...RS,
    name: { en: 'Ministry of Defence', sr: 'Министарство одбране' },
    abbreviation: { en: 'MoD', sr: 'МО' },
    description: {
      en: 'Owns most defence and military activities of the partnership: PARP goals, the Defence Reform Group, OCC evaluations and military cooperation.',
      sr: 'Носилац већине одбрамбених и војних активности партнерства: партнерских циљева ПАРП-а, Групе за реформу одбране, ОЦЦ евалуација и војне сарадње.',
    },
    website: 'https://www.mod.gov.rs',
  },
  {
    key: 'mod-dps',
    parent: 'mod',
    kind: 'ministry_unit',
    ...RS,
    name: { en: 'Defence Policy Sector', sr: 'Сектор за политику одбране' },
    description: {
      en: 'Shapes defence policy and leads international defence cooperation, including the partnership with NATO.',
      sr: 'Обликује политику одбране и води међународну одбрамбену сарадњу, укључујући партнерство са НАТО.',
    },
  },
  {
    key: 'mod-spd',
    parent: 'mod-dps',
    kind: 'ministry_unit',
    ...RS,
    name: { en: 'Strategic Planning Department', sr: 'Управа за стратегијско планирање' },
    description: {
      en: 'Organises the meetings of the Serbia–NATO Defence Reform Group and follows the attainment of partnership goals.',
      sr: 'Организује састанке Групе Србија–НАТО за реформу одбране и прати достизање партнерских циљева.',
    },
  },
  {
    key: 'mod-imc',
    parent: 'mod-dps',
    kind: 'ministry_unit',
    ...RS,
    name: {
      en: 'Department for International Military Cooperation',
      sr: 'Управа за међународну војну сарадњу',
    },
    description: {
      en: 'Runs the yearly cooperation programme with NATO commands, including the Expert Staff Talks with JFC Naples; its PfP group handles partnership events.',
      sr: 'Спроводи годишњи програм сарадње са командама НАТО, укључујући експертске штабне разговоре са ЗКОС Напуљ; њена група за ПзМ води партнерске активности.',
    },
  },
  {
    key: 'saf',
    parent: 'mod',
    kind: 'armed_forces',
    ...RS,
    name: { en: 'Serbian Armed Forces', sr: 'Војска Србије' },
    abbreviation: { en: 'SAF', sr: 'ВС' },
    description: {
      en: 'Cooperates with KFOR along the administrative line, declares units for OCC evaluation and takes part in PfP exercises and courses.',
      sr: 'Сарађује са Кфором дуж административне линије, пријављује јединице за ОЦЦ евалуацију и учествује у вежбама и курсевима ПзМ.',
    },
    website: 'https://www.vs.rs',
  },
  {
    key: 'saf-gs',
    parent: 'saf',
    kind: 'armed_forces_unit',
    ...RS,
    name: { en: 'General Staff of the Serbian Armed Forces', sr: 'Генералштаб Војске Србије' },
    description: {
      en: 'Commands the armed forces; its chief meets the KFOR commander at the highest level of the cooperation under the Military Technical Agreement.',
      sr: 'Командује војском; начелник се састаје са командантом Кфора на највишем нивоу сарадње по Војнотехничком споразуму.',
    },
  },
  {
    key: 'saf-cbrn-centre',
    parent: 'saf',
    kind: 'armed_forces_unit',
    ...RS,
    name: { en: 'CBRN Training Centre Kruševac', sr: 'Центар за обуку АБХО Крушевац' },
    description: {
      en: 'Recognised by NATO in 2013 as a Partnership Training and Education Centre.',
      sr: 'НАТО га је 2013. признао као Партнерски центар за обуку и образовање.',
    },
  },
  {
    key: 'assembly',
    kind: 'parliament',
    ...RS,
    name: {
      en: 'National Assembly of the Republic of Serbia',
      sr: 'Народна скупштина Републике Србије',
    },
    abbreviation: { en: 'National Assembly', sr: 'Народна скупштина' },
    description: {
      en: 'Decides the composition of its standing delegation to the NATO Parliamentary Assembly and exercises oversight of the security sector.',
      sr: 'Одлучује о саставу сталне делегације у Парламентарној скупштини НАТО и врши надзор над сектором безбедности.',
    },
    website: 'https://www.parlament.gov.rs',
  },
  {
    key: 'assembly-nato-pa-delegation',
    parent: 'assembly',
    kind: 'parliament_body',
    ...RS,
    name: {
      en: 'Standing Delegation to the NATO Parliamentary Assembly',
      sr: 'Стална делегација у Парламентарној скупштини НАТО',
    },
    description: {
      en: 'An associate delegation since 2007: its members take part in committees, Rose-Roth seminars and sessions and may table amendments, but do not vote.',
      sr: 'Придружена делегација од 2007: чланови учествују у раду одбора, Роуз-Рот семинарима и заседањима и могу подносити амандмане, али не гласају.',
    },
  },
  {
    key: 'assembly-defence-committee',
    parent: 'assembly',
    kind: 'parliament_body',
    ...RS,
    name: {
      en: 'Defence and Internal Affairs Committee',
      sr: 'Одбор за одбрану и унутрашње послове',
    },
    description: {
      en: 'The Assembly committee that NATO PA committee visits meet on defence and security matters.',
      sr: 'Скупштински одбор са којим се састају делегације одбора ПС НАТО у посети, о питањима одбране и безбедности.',
    },
  },
  {
    key: 'nsa-rs',
    parent: 'gov-rs',
    kind: 'security_authority',
    ...RS,
    name: {
      en: 'Office of the National Security Council and Classified Information Protection',
      sr: 'Канцеларија Савета за националну безбедност и заштиту тајних података',
    },
    abbreviation: { en: 'NSA', sr: 'НБО' },
    description: {
      en: 'The national security authority: the central registry for classified information exchanged with NATO under the 2008 security agreement.',
      sr: 'Национални безбедносни орган: централни регистар за тајне податке који се размењују са НАТО по безбедносном споразуму из 2008.',
    },
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
    description: {
      en: 'The Alliance with which Serbia cooperates as a militarily neutral partner.',
      sr: 'Алијанса са којом Србија сарађује као војно неутралан партнер.',
    },
    website: 'https://www.nato.int',
  },
  {
    key: 'nac',
    parent: 'nato',
    kind: 'nato_hq',
    ...NATO,
    name: { en: 'North Atlantic Council', sr: 'Северноатлантски савет' },
    abbreviation: { en: 'NAC', sr: 'САС' },
    description: {
      en: 'NATO’s principal political decision-making body; it approved Serbia’s IPAP in January 2015.',
      sr: 'Главно политичко тело НАТО за одлучивање; одобрило је ИПАП Србије у јануару 2015.',
    },
  },
  {
    key: 'nato-is',
    parent: 'nato',
    kind: 'nato_hq',
    ...NATO,
    name: { en: 'NATO International Staff', sr: 'Међународни штаб НАТО' },
    abbreviation: { en: 'IS', sr: 'МШ' },
    description: {
      en: 'The civilian staff at NATO Headquarters that drafts partnership goals, assesses progress and advises partners.',
      sr: 'Цивилно особље у седишту НАТО које припрема партнерске циљеве, оцењује напредак и саветује партнере.',
    },
  },
  {
    key: 'nato-is-dpp',
    parent: 'nato-is',
    kind: 'nato_hq_division',
    ...NATO,
    name: {
      en: 'Defence Policy and Planning Division',
      sr: 'Одељење за политику и планирање одбране',
    },
    description: {
      en: 'Leads NATO’s side of the Planning and Review Process; its director heads NATO delegations to the Defence Reform Group.',
      sr: 'Води НАТО страну процеса планирања и преиспитивања; њен директор предводи делегације НАТО у Групи за реформу одбране.',
    },
  },
  {
    key: 'nato-is-paps',
    parent: 'nato-is',
    kind: 'nato_hq_division',
    ...NATO,
    name: {
      en: 'Political Affairs and Security Policy Division',
      sr: 'Одељење за политичка питања и безбедносну политику',
    },
    description: {
      en: 'Handles the political dialogue with partners and monitors the political chapters of individual partnership plans.',
      sr: 'Води политички дијалог са партнерима и прати политичка поглавља индивидуалних планова партнерства.',
    },
  },
  {
    key: 'shape',
    parent: 'nato',
    kind: 'nato_command',
    ...NATO,
    name: {
      en: 'Supreme Headquarters Allied Powers Europe',
      sr: 'Врховна команда савезничких снага у Европи',
    },
    abbreviation: { en: 'SHAPE', sr: 'ШЕЈП' },
    description: {
      en: 'NATO’s strategic military headquarters, which oversees the commands running military partnership activities.',
      sr: 'Стратешка војна команда НАТО која надзире команде задужене за војно партнерство.',
    },
  },
  {
    key: 'jfc-naples',
    parent: 'shape',
    kind: 'nato_command',
    ...NATO,
    name: {
      en: 'Allied Joint Force Command Naples',
      sr: 'Здружена команда савезничких снага Напуљ',
    },
    abbreviation: { en: 'JFC Naples', sr: 'ЗКСС Напуљ' },
    description: {
      en: 'The operational command responsible for military cooperation with Serbia; MLO Belgrade reports to it.',
      sr: 'Оперативна команда надлежна за војну сарадњу са Србијом; Војна канцеларија за везу у Београду јој је потчињена.',
    },
  },
  {
    key: 'jfc-naples-mpb',
    parent: 'jfc-naples',
    kind: 'nato_command',
    ...NATO,
    name: { en: 'Military Partnership Branch (J9)', sr: 'Одсек за војно партнерство (J9)' },
    description: {
      en: 'Co-chairs the annual Expert Staff Talks with the Serbian Ministry of Defence.',
      sr: 'Копредседава годишњим експертским штабним разговорима са Министарством одбране Србије.',
    },
  },
  {
    key: 'mlo-belgrade',
    parent: 'jfc-naples',
    kind: 'nato_liaison_office',
    ...NATO,
    name: {
      en: 'NATO Military Liaison Office Belgrade',
      sr: 'Војна канцеларија НАТО за везу у Београду',
    },
    abbreviation: { en: 'MLO Belgrade', sr: 'ВКВ Београд' },
    description: {
      en: 'Opened in December 2006 in the Ministry of Defence building; links NATO with the Serbian military on the Transit Agreement, supports the PfP programme, the Defence Reform Group and public diplomacy.',
      sr: 'Отворена у децембру 2006. у згради Министарства одбране; повезује НАТО са војском Србије у вези са Споразумом о транзиту, подржава програм ПзМ, Групу за реформу одбране и јавну дипломатију.',
    },
  },
  {
    key: 'kfor',
    parent: 'jfc-naples',
    kind: 'nato_operation',
    ...NATO,
    name: { en: 'Kosovo Force', sr: 'Кфор' },
    abbreviation: { en: 'KFOR', sr: 'КФОР' },
    description: {
      en: 'The NATO-led force deployed in Kosovo and Metohija under UN Security Council Resolution 1244; Serbia sees it as the only legitimate military presence there.',
      sr: 'Снаге под вођством НАТО распоређене на Косову и Метохији на основу Резолуције 1244 Савета безбедности УН; Србија их сматра јединим легитимним војним присуством тамо.',
    },
  },
  {
    key: 'kfor-jic',
    parent: 'kfor',
    kind: 'nato_operation',
    ...NATO,
    name: {
      en: 'KFOR Joint Implementation Commission',
      sr: 'Заједничка комисија за спровођење Кфора',
    },
    abbreviation: { en: 'JIC', sr: 'ЗКС' },
    description: {
      en: 'Set up by the Military Technical Agreement; arranges high-level meetings and keeps contact with the armed forces of neighbouring states.',
      sr: 'Основана Војнотехничким споразумом; уговара састанке на високом нивоу и одржава везу са оружаним снагама суседних држава.',
    },
  },
  {
    key: 'nspa',
    parent: 'nato',
    kind: 'nato_agency',
    ...NATO,
    name: { en: 'NATO Support and Procurement Agency', sr: 'Агенција НАТО за подршку и набавку' },
    abbreviation: { en: 'NSPA', sr: 'НСПА' },
    description: {
      en: 'The logistics agency (NSPO is its organisation) with which Serbia concluded a logistic support agreement, ratified in 2016.',
      sr: 'Логистичка агенција (НСПО је њена организација) са којом је Србија закључила споразум о логистичкој подршци, потврђен 2016.',
    },
  },
  {
    key: 'nato-pa',
    kind: 'nato_parliamentary_assembly',
    ...NATO,
    name: { en: 'NATO Parliamentary Assembly', sr: 'Парламентарна скупштина НАТО' },
    abbreviation: { en: 'NATO PA', sr: 'ПС НАТО' },
    description: {
      en: 'The inter-parliamentary body of the Allies, institutionally separate from NATO; partners take part as associate delegations.',
      sr: 'Међупарламентарно тело савезница, институционално одвојено од НАТО; партнери учествују као придружене делегације.',
    },
    website: 'https://www.nato-pa.int',
  },
  {
    key: 'contact-point-embassy',
    kind: 'ally',
    side: 'ally',
    nation: 'NATO',
    name: {
      en: 'NATO Contact Point Embassy in Belgrade',
      sr: 'Амбасада за контакт са НАТО у Београду',
    },
    description: {
      en: 'An Allied embassy that represents NATO in public diplomacy in Serbia, in rotation among Allies.',
      sr: 'Амбасада државе чланице која по ротацији представља НАТО у јавној дипломатији у Србији.',
    },
  },
];
