/**
 * Organisations on both sides of the Serbia–NATO partnership. Parents come before their children,
 * so the loader can resolve each parent key when it inserts a record.
 */
import type { SeedOrganisation } from './types.js';

const RS = { side: 'partner', nation: 'RS' } as const;
const NATO = { side: 'nato', nation: 'NATO' } as const;

export const organisations: SeedOrganisation[] = [
  // ── Republic of Serbia: executive ────────────────────────────────────────────────────────────
  {
    key: 'gov-rs',
    kind: 'government',
    ...RS,
    name: { en: 'Government of the Republic of Serbia', sr: 'Влада Републике Србије' },
    description: {
      en: 'Decides by government conclusion on the national documents of the partnership, such as the IPAP, and on Serbia’s policy of military neutrality.',
      sr: 'Закључцима одлучује о националним документима партнерства, као што је ИПАП, и о политици војне неутралности Србије.',
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
      en: 'Leads the political dialogue with NATO and the drafting of the IPAP across ministries; an assistant minister for security policy oversees partnership matters.',
      sr: 'Води политички дијалог са НАТО и међуресорну израду ИПАП-а; питања партнерства надгледа помоћник министра за безбедносну политику.',
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
      en: 'The ministry unit that follows IPAP implementation day to day and prepared the guidelines for informing the public about cooperation with NATO.',
      sr: 'Организациона јединица која свакодневно прати спровођење ИПАП-а и која је припремила смернице за информисање јавности о сарадњи са НАТО.',
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
      en: 'Serbia’s permanent diplomatic presence at NATO Headquarters in Brussels, opened in September 2010.',
      sr: 'Стално дипломатско представништво Србије у седишту НАТО у Бриселу, отворено у септембру 2010.',
    },
    website: 'http://nato-brussels.mfa.gov.rs',
  },
  {
    key: 'mod',
    parent: 'gov-rs',
    kind: 'ministry',
    ...RS,
    name: { en: 'Ministry of Defence', sr: 'Министарство одбране' },
    abbreviation: { en: 'MoD', sr: 'МО' },
    description: {
      en: 'Carries most of the practical defence cooperation: partnership goals, the Defence Reform Group, unit evaluations and the yearly programme of military activities.',
      sr: 'Носи највећи део практичне одбрамбене сарадње: партнерске циљеве, Групу за реформу одбране, оцењивање јединица и годишњи програм војних активности.',
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
      en: 'The ministry sector responsible for defence policy and international defence cooperation, including everything done with NATO.',
      sr: 'Сектор министарства надлежан за политику одбране и међународну одбрамбену сарадњу, укључујући целокупну сарадњу са НАТО.',
    },
  },
  {
    key: 'mod-spd',
    parent: 'mod-dps',
    kind: 'ministry_unit',
    ...RS,
    name: { en: 'Strategic Planning Department', sr: 'Управа за стратегијско планирање' },
    description: {
      en: 'Prepares the meetings of the Serbia–NATO Defence Reform Group and tracks how far the partnership goals have been reached.',
      sr: 'Припрема састанке Групе Србија–НАТО за реформу одбране и прати у којој мери су партнерски циљеви достигнути.',
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
      en: 'Plans and coordinates military cooperation with NATO through its PfP group and leads the annual Expert Staff Talks with JFC Naples.',
      sr: 'Преко своје групе за Партнерство за мир планира и координира војну сарадњу са НАТО и предводи годишње експертске штабне разговоре са Командом здружених снага НАТО у Напуљу.',
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
      en: 'Works with KFOR along the administrative line, puts units forward for NATO evaluation and sends personnel to PfP exercises and courses.',
      sr: 'Сарађује са Кфором дуж административне линије, пријављује јединице за оцењивање по стандардима НАТО и упућује припаднике на вежбе и курсеве Партнерства за мир.',
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
      en: 'The highest command body of the armed forces; its chief and the KFOR commander hold the top-level meetings under the Military Technical Agreement.',
      sr: 'Највиши командни орган Војске; начелник Генералштаба и командант Кфора одржавају састанке на највишем нивоу по Војнотехничком споразуму.',
    },
  },
  {
    key: 'saf-3rd-brigade',
    parent: 'saf',
    kind: 'armed_forces_unit',
    ...RS,
    name: { en: '3rd Army Brigade', sr: 'Трећа бригада Копнене војске' },
    description: {
      en: 'Army brigade whose units patrol the administrative line near Kuršumlija at the same time as KFOR troops do on the other side.',
      sr: 'Бригада Копнене војске чије јединице код Куршумлије патролирају административном линијом истовремено са припадницима Кфора са друге стране.',
    },
  },
  {
    key: 'saf-cbrn-centre',
    parent: 'saf',
    kind: 'armed_forces_unit',
    ...RS,
    name: {
      en: 'CBRN Training Centre Kruševac',
      sr: 'Центар атомско-биолошко-хемијске одбране Крушевац',
    },
    abbreviation: { en: 'CBRN Centre', sr: 'Центар АБХО' },
    description: {
      en: 'Trains Serbian and foreign personnel in chemical, biological, radiological and nuclear defence; NATO recognised it in 2013 as a Partnership Training and Education Centre.',
      sr: 'Обучава домаће и стране припаднике за атомско-биолошко-хемијску одбрану; НАТО га је 2013. признао као партнерски центар за обуку и образовање.',
    },
  },
  // ── Republic of Serbia: parliament and security authority ───────────────────────────────────
  {
    key: 'assembly',
    kind: 'parliament',
    ...RS,
    name: {
      en: 'National Assembly of the Republic of Serbia',
      sr: 'Народна скупштина Републике Србије',
    },
    description: {
      en: 'Ratifies international agreements such as the one with the NATO support organisation, oversees the security sector and sends a standing delegation to the NATO Parliamentary Assembly.',
      sr: 'Потврђује међународне уговоре, попут споразума са организацијом НАТО за подршку, надзире сектор безбедности и шаље сталну делегацију у Парламентарну скупштину НАТО.',
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
      sr: 'Стална делегација Народне скупштине у Парламентарној скупштини НАТО',
    },
    description: {
      en: 'Associate delegation since 2007; the Assembly decides its membership with regard to the strength of the parliamentary groups and to gender balance.',
      sr: 'Придружена делегација од 2007; њен састав утврђује Скупштина, водећи рачуна о сразмерној заступљености посланичких група и о родној равноправности.',
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
      en: 'The standing committee for defence and security matters; visiting NATO PA committees meet it in Belgrade.',
      sr: 'Стални одбор за питања одбране и безбедности; одбори ПС НАТО се са њим састају током посета Београду.',
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
    description: {
      en: 'Serbia’s national security authority; it serves as the main registry for classified information exchanged with NATO under the 2008 security agreement.',
      sr: 'Национални безбедносни орган Србије; има улогу главног регистра за тајне податке који се са НАТО размењују по безбедносном споразуму из 2008.',
    },
    website: 'https://www.nsa.gov.rs',
  },
  // ── NATO ────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'nato',
    kind: 'international_organisation',
    ...NATO,
    name: {
      en: 'North Atlantic Treaty Organization',
      sr: 'Организација Северноатлантског уговора',
    },
    abbreviation: { en: 'NATO', sr: 'НАТО' },
    description: {
      en: 'The Alliance with which Serbia cooperates as a partner while staying militarily neutral.',
      sr: 'Савез са којим Србија сарађује као партнер, задржавајући војну неутралност.',
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
      en: 'NATO’s top political decision-making body; it approves partnership documents such as Serbia’s IPAP.',
      sr: 'Највиши политички орган одлучивања у НАТО; одобрава партнерске документе као што је ИПАП Србије.',
    },
  },
  {
    key: 'nato-is',
    parent: 'nato',
    kind: 'nato_hq',
    ...NATO,
    name: {
      en: 'NATO Headquarters – International Staff',
      sr: 'Седиште НАТО – Међународно особље',
    },
    description: {
      en: 'The civilian staff at NATO Headquarters in Brussels that prepares partnership goals, assesses progress and advises partners.',
      sr: 'Цивилно особље у седишту НАТО у Бриселу које припрема партнерске циљеве, процењује напредак и саветује партнере.',
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
      en: 'Runs NATO’s side of the Planning and Review Process; its defence-planning director leads NATO’s delegation to the Defence Reform Group.',
      sr: 'Води НАТО страну Процеса планирања и прегледа; његов директор за планирање одбране предводи делегацију НАТО у Групи за реформу одбране.',
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
      en: 'Conducts the political dialogue with partners; its experts have visited the National Assembly to follow IPAP implementation.',
      sr: 'Води политички дијалог са партнерима; његови стручњаци посећивали су Народну скупштину ради праћења спровођења ИПАП-а.',
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
      en: 'NATO’s strategic military command, above the joint force commands that run military partnership activities.',
      sr: 'Стратегијска војна команда НАТО, надређена здруженим командама које спроводе активности војног партнерства.',
    },
  },
  {
    key: 'jfc-naples',
    parent: 'shape',
    kind: 'nato_command',
    ...NATO,
    name: {
      en: 'Allied Joint Force Command Naples',
      sr: 'Команда здружених снага НАТО у Напуљу',
    },
    abbreviation: { en: 'JFC Naples', sr: 'ЈФЦ Напуљ' },
    description: {
      en: 'The operational command that reviews military cooperation with Serbia every year and takes part in OCC evaluations of Serbian units; MLO Belgrade works under it.',
      sr: 'Оперативна команда која сваке године преиспитује војну сарадњу са Србијом и учествује у ОЦЦ оцењивању јединица Војске Србије; МЛО Београд ради у њеном саставу.',
    },
  },
  {
    key: 'jfc-naples-mpb',
    parent: 'jfc-naples',
    kind: 'nato_command',
    ...NATO,
    name: { en: 'Military Partnership Branch (J9)', sr: 'Одсек за војно партнерство (J9)' },
    description: {
      en: 'Co-chairs with the Serbian Ministry of Defence the yearly review of military cooperation and the programme for the year ahead.',
      sr: 'Заједно са Министарством одбране Србије председава годишњим прегледом војне сарадње и програма за наредну годину.',
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
    abbreviation: { en: 'MLO Belgrade', sr: 'МЛО Београд' },
    description: {
      en: 'Housed in the Ministry of Defence since December 2006. It liaises on the Transit Agreement, supports the PfP programme and the Defence Reform Group, and helps with public diplomacy.',
      sr: 'Смештена у Министарству одбране од децембра 2006. Одржава везу у вези са Споразумом о транзиту, подржава програм Партнерства за мир и Групу за реформу одбране и помаже у јавној дипломатији.',
    },
  },
  {
    key: 'kfor',
    parent: 'jfc-naples',
    kind: 'nato_operation',
    ...NATO,
    name: { en: 'Kosovo Force', sr: 'Снаге за Косово' },
    abbreviation: { en: 'KFOR', sr: 'Кфор' },
    description: {
      en: 'The NATO-led security presence in Kosovo and Metohija under UN Security Council Resolution 1244, which Serbia regards as the only legitimate armed force there.',
      sr: 'Безбедносно присуство под вођством НАТО на Косову и Метохији на основу Резолуције 1244 Савета безбедности УН, које Србија сматра јединим легитимним оружаним снагама тамо.',
    },
  },
  {
    key: 'kfor-jic',
    parent: 'kfor',
    kind: 'nato_operation',
    ...NATO,
    name: {
      en: 'KFOR Joint Implementation Commission',
      sr: 'Заједничка комисија Кфора за спровођење',
    },
    description: {
      en: 'Established under the Military Technical Agreement; it arranges high-level meetings and keeps in touch with the armed forces of the states bordering KFOR’s area.',
      sr: 'Успостављена Војнотехничким споразумом; организује састанке на високом нивоу и одржава везу са оружаним снагама држава које се граниче са зоном одговорности Кфора.',
    },
  },
  {
    key: 'nspa',
    parent: 'nato',
    kind: 'nato_agency',
    ...NATO,
    name: {
      en: 'NATO Support and Procurement Agency',
      sr: 'Агенција НАТО за подршку и набавке',
    },
    abbreviation: { en: 'NSPA', sr: 'НСПА' },
    description: {
      en: 'The executive agency of the NATO Support and Procurement Organisation (NSPO), with which Serbia has a logistic support agreement ratified in 2016.',
      sr: 'Извршна агенција Организације НАТО за подршку и набавке (НСПО), са којом Србија има споразум о логистичкој подршци потврђен 2016.',
    },
    website: 'https://www.nspa.nato.int',
  },
  {
    key: 'contact-point-embassy',
    kind: 'ally',
    side: 'ally',
    nation: 'NATO',
    name: {
      en: 'NATO Contact Point Embassy in Serbia',
      sr: 'Контакт-амбасада НАТО у Србији',
    },
    description: {
      en: 'The embassy of an Allied country that, for a set term, acts for NATO in public diplomacy in Serbia; the role rotates among Allies.',
      sr: 'Амбасада државе чланице која у одређеном мандату заступа НАТО у јавној дипломатији у Србији; улога се смењује међу савезницама.',
    },
  },
  // ── Inter-parliamentary ─────────────────────────────────────────────────────────────────────
  {
    key: 'nato-pa',
    kind: 'nato_parliamentary_assembly',
    ...NATO,
    name: { en: 'NATO Parliamentary Assembly', sr: 'Парламентарна скупштина НАТО' },
    abbreviation: { en: 'NATO PA', sr: 'ПС НАТО' },
    description: {
      en: 'The assembly of Allied parliamentarians, formally separate from NATO’s own structure; partner parliaments take part as associate delegations without a vote.',
      sr: 'Скупштина парламентараца држава чланица, формално одвојена од структуре НАТО; парламенти партнера учествују као придружене делегације, без права гласа.',
    },
    website: 'https://www.nato-pa.int',
  },
];
