/**
 * Synthetic data for benchmarks and load tests: one sample plan with N items (chapter → objective
 * → activity) and N/10 timeline events (or as many as asked), labelled in a realistic mix. Deterministic: the same
 * `seed` gives the same titles, labels, statuses and dates on either database (ids and timestamps
 * differ). Rows go in with multi-row inserts in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { partialDateBounds } from '../../core/dates/partial-date.js';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import { PLAN_ITEM_STATUSES } from '../../core/plans/status.js';
import { TIMELINE_CATEGORIES } from '../../core/domain/vocabularies.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Insertable } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { deploymentSettings } from '../modules/markings/deployment.js';
import {
  PUBLIC_LABEL,
  resolveLabel,
  searchText,
  type LabelInput,
} from '../modules/shared/records.js';

export interface SyntheticOptions {
  /** Plan items to create in all (chapters and objectives included); at least 100. */
  items: number;
  /** Seed of the pseudo-random generator. */
  seed?: number;
  /**
   * Timeline events to create (default: items / 10). The search benchmark asks for 1,000,000: the
   * rare words keep roughly the same number of hits at any size (RARE_HITS_PER_WORD).
   */
  timelineEvents?: number;
}

export type SyntheticCounts = {
  organisations: number;
  plans: number;
  'plan items': number;
  'timeline events': number;
};

/** The word a fifth of all titles share: a "very common term" for search benchmarks. */
export const SYNTHETIC_COMMON_WORD = 'cooperation';
/**
 * Code words for "selective" search terms: each appears in about RARE_HITS_PER_WORD timeline
 * events whatever their number (in at most RARE_SHARE_MAX / 10 of them, for small data sets).
 * Invented for the data set, so nothing in the reference data matches them.
 */
export const SYNTHETIC_RARE_WORDS = [
  'obsidian',
  'quartzite',
  'zephyr',
  'juniper',
  'kestrel',
  'marigold',
  'tamarack',
  'wolfram',
  'heliotrope',
  'larkspur',
] as const;

/** Events each rare word appears in, at any size above RARE_HITS_PER_WORD × 10 / RARE_SHARE_MAX. */
export const RARE_HITS_PER_WORD = 500;
/** At most this share of the events carries a rare word (so a small data set keeps them rare). */
export const RARE_SHARE_MAX = 0.03;

/** The share of `eventCount` events that carries one of the rare words. */
export function rareShare(eventCount: number): number {
  if (eventCount <= 0) return 0;
  return Math.min(RARE_SHARE_MAX, (RARE_HITS_PER_WORD * SYNTHETIC_RARE_WORDS.length) / eventCount);
}

/** Seed keys of the synthetic organisations (originators of the NATO UNCLASSIFIED records). */
export const SYNTHETIC_ORGANISATIONS = [
  {
    key: 'synthetic-org-1',
    kind: 'ministry_unit',
    side: 'partner',
    /** The deployment's partner nation (deployment settings). */
    nation: null,
    name: {
      en: 'Defence Policy Sector (synthetic)',
      sr: 'Сектор за политику одбране (синтетички)',
    },
  },
  {
    key: 'synthetic-org-2',
    kind: 'armed_forces_unit',
    side: 'partner',
    /** The deployment's partner nation (deployment settings). */
    nation: null,
    name: {
      en: 'J-5 Planning Directorate (synthetic)',
      sr: 'Управа за планирање J-5 (синтетички)',
    },
  },
  {
    key: 'synthetic-org-3',
    kind: 'nato_liaison_office',
    side: 'nato',
    nation: 'NATO',
    name: {
      en: 'Military Liaison Office Belgrade (synthetic)',
      sr: 'Војна канцеларија за везу у Београду (синтетички)',
    },
  },
] as const;

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Vocabulary: English and Serbian Cyrillic in pairs, so both titles say the same thing. Nothing
// here contains the common word; it is added on purpose to a fifth of the titles.
const VERBS: [string, string][] = [
  ['Strengthen', 'Јачање'],
  ['Develop', 'Развој'],
  ['Establish', 'Успостављање'],
  ['Review', 'Преглед'],
  ['Implement', 'Спровођење'],
  ['Harmonise', 'Усклађивање'],
  ['Modernise', 'Модернизација'],
  ['Assess', 'Процена'],
  ['Support', 'Подршка'],
  ['Improve', 'Унапређење'],
  ['Draft', 'Израда'],
  ['Evaluate', 'Вредновање'],
  ['Expand', 'Проширење'],
  ['Certify', 'Сертификација'],
];

/** Subjects; the Serbian form is the genitive ("Јачање логистике", "у области логистике"). */
const SUBJECTS: [string, string][] = [
  ['interoperability', 'интероперабилности'],
  ['logistics', 'логистике'],
  ['doctrine', 'доктрине'],
  ['crisis management', 'управљања кризама'],
  ['cyber defence', 'сајбер одбране'],
  ['humanitarian demining', 'хуманитарног разминирања'],
  ['medical support', 'санитетске подршке'],
  ['search and rescue', 'трагања и спасавања'],
  ['border security', 'безбедности границе'],
  ['civil emergency planning', 'цивилног планирања за ванредне ситуације'],
  ['defence education', 'образовања у одбрани'],
  ['language training', 'језичке обуке'],
  ['public diplomacy', 'јавне дипломатије'],
  ['military police', 'војне полиције'],
  ['engineering units', 'инжињеријских јединица'],
  ['airspace management', 'управљања ваздушним простором'],
  ['CBRN protection', 'РХБ заштите'],
  ['peacekeeping readiness', 'спремности за мировне операције'],
  ['procurement transparency', 'транспарентности набавки'],
  ['integrity building', 'изградње интегритета'],
  ['gender perspective', 'родне перспективе'],
  ['secure communications', 'заштићених комуникација'],
  ['defence planning', 'планирања одбране'],
  ['classified information protection', 'заштите тајних података'],
  ['NCO development', 'развоја подофицира'],
  ['maritime situational awareness', 'поморске ситуационе свести'],
  ['energy security', 'енергетске безбедности'],
  ['strategic communications', 'стратешких комуникација'],
];

const PLACES: [string, string][] = [
  ['in Belgrade', 'у Београду'],
  ['in Niš', 'у Нишу'],
  ['in Novi Sad', 'у Новом Саду'],
  ['in Kragujevac', 'у Крагујевцу'],
  ['in Kraljevo', 'у Краљеву'],
  ['at South Base', 'у Јужној бази'],
  ['in Brussels', 'у Бриселу'],
  ['in Mons', 'у Монсу'],
  ['at regional level', 'на регионалном нивоу'],
  ['', ''],
  ['', ''],
  ['', ''],
];

const EVENT_KINDS: [string, string][] = [
  ['Seminar', 'Семинар'],
  ['Workshop', 'Радионица'],
  ['Staff talks', 'Штабни разговори'],
  ['Expert visit', 'Посета експерата'],
  ['Conference', 'Конференција'],
  ['Exercise', 'Вежба'],
  ['Course', 'Курс'],
  ['Consultations', 'Консултације'],
];

const CHAPTERS: [string, string][] = [
  ['Political and security framework', 'Политички и безбедносни оквир'],
  ['Defence reform', 'Реформа одбране'],
  ['Military education and training', 'Војно образовање и обука'],
  ['Civil emergency planning', 'Цивилно планирање за ванредне ситуације'],
  ['Protection of classified information', 'Заштита тајних података'],
  ['Public diplomacy', 'Јавна дипломатија'],
  ['Science for peace and security', 'Наука за мир и безбедност'],
  ['Defence industry and procurement', 'Одбрамбена индустрија и набавке'],
  ['Legal framework', 'Правни оквир'],
  ['Resource management', 'Управљање ресурсима'],
];

const CURRENCIES = ['EUR', 'RSD', 'USD'] as const;
const FUNDING = [
  'national_budget',
  'nato_trust_fund',
  'ally_bilateral',
  'eu_ipa',
  'other',
] as const;

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500;

type LabelKind = 'public' | 'nato' | 'rs';
type LabelColumns = Awaited<ReturnType<typeof resolveLabel>>;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ~60 % public, ~30 % NATO UNCLASSIFIED with an originator, ~10 % national unmarked. */
function labelKind(random: () => number): LabelKind {
  const r = random();
  return r < 0.6 ? 'public' : r < 0.9 ? 'nato' : 'rs';
}

/**
 * A text built from a few vocabulary fragments joined by single spaces. The search fold works
 * fragment by fragment (case, script and diacritics never cross a space), so folding each
 * fragment once and joining gives `searchText()` of the whole at a fraction of the cost; the
 * test holds the two equal.
 */
interface Phrase {
  en: string[];
  sr: string[];
}

const foldCache = new Map<string, string>();
function foldFragment(fragment: string): string {
  let folded = foldCache.get(fragment);
  if (folded === undefined) {
    folded = searchText(fragment);
    foldCache.set(fragment, folded);
  }
  return folded;
}

/** searchText(title, description) of phrases, from cached fragment folds. */
function phraseSearchText(...phrases: (Phrase | null)[]): string {
  const parts: string[] = [];
  for (const p of phrases) {
    if (!p) continue;
    for (const f of p.en) parts.push(foldFragment(f));
    for (const f of p.sr) parts.push(foldFragment(f));
  }
  return parts.join(' ');
}

const textOf = (p: Phrase | null) =>
  p ? { en: p.en.join(' '), sr: p.sr.join(' ') } : { en: null, sr: null };

/** Title of a plan item; a fifth carry the common word. */
function itemTitle(random: () => number): Phrase {
  const [verbEn, verbSr] = pick(random, VERBS);
  const [subjectEn, subjectSr] = pick(random, SUBJECTS);
  const [placeEn, placeSr] = pick(random, PLACES);
  const common = random() < 0.2;
  const phase = random() < 0.3 ? 1 + Math.floor(random() * 5) : 0;
  const en = common ? [verbEn, SYNTHETIC_COMMON_WORD, 'in', subjectEn] : [verbEn, subjectEn];
  const sr = common ? [verbSr, 'сарадње у области', subjectSr] : [verbSr, subjectSr];
  if (placeEn) {
    en.push(placeEn);
    sr.push(placeSr);
  }
  if (phase) {
    en.push(`— phase ${phase}`);
    sr.push(`— фаза ${phase}`);
  }
  return { en, sr };
}

function dueDate(random: () => number): string {
  const year = 2026 + Math.floor(random() * 5);
  const r = random();
  const month = () => pad(1 + Math.floor(random() * 12));
  if (r < 0.3) return `${year}-${month()}-${pad(1 + Math.floor(random() * 28))}`;
  if (r < 0.55) return `${year}-${month()}`;
  if (r < 0.85) return `${year}-Q${1 + Math.floor(random() * 4)}`;
  return 'continuous';
}

function eventDate(random: () => number): { date: string; precision: 'day' | 'month' | 'year' } {
  const year = 2006 + Math.floor(random() * 21);
  const r = random();
  const month = () => pad(1 + Math.floor(random() * 12));
  if (r < 0.6) {
    return { date: `${year}-${month()}-${pad(1 + Math.floor(random() * 28))}`, precision: 'day' };
  }
  if (r < 0.85) return { date: `${year}-${month()}`, precision: 'month' };
  return { date: String(year), precision: 'year' };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7 ids for bulk inserts (RFC 9562 §5.7: 48-bit milliseconds, version 7, a 12-bit counter,
 * variant, 62 random bits), drawing randomness from a pooled buffer instead of one system call
 * per id. Ids keep the property the app relies on: later ids sort after earlier ones.
 */
function bulkUuidv7(): () => string {
  let pool = randomBytes(8 * 4096);
  let offset = 0;
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = Date.now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = 0;
    } else {
      ms = lastMs;
      counter += 1;
      if (counter > 0xfff) {
        lastMs += 1;
        ms = lastMs;
        counter = 0;
      }
    }
    if (offset + 8 > pool.length) {
      pool = randomBytes(pool.length);
      offset = 0;
    }
    const r = pool.subarray(offset, offset + 8);
    offset += 8;
    const t = ms.toString(16).padStart(12, '0');
    const c = counter.toString(16).padStart(3, '0');
    return (
      `${t.slice(0, 8)}-${t.slice(8)}-7${c}-${HEX[0x80 | (r[0]! & 0x3f)]}${HEX[r[1]!]}-` +
      `${HEX[r[2]!]}${HEX[r[3]!]}${HEX[r[4]!]}${HEX[r[5]!]}${HEX[r[6]!]}${HEX[r[7]!]}`
    );
  };
}

/** Buffers rows and writes them with one multi-row INSERT per CHUNK rows. */
function chunkedWriter<T extends 'plan_items' | 'timeline_events'>(trx: Trx, table: T) {
  let rows: Insertable<Database[T]>[] = [];
  let written = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    const batch = rows;
    rows = [];
    await trx.insertInto(table).values(batch).execute();
    written += batch.length;
  };
  return {
    async add(row: Insertable<Database[T]>) {
      rows.push(row);
      if (rows.length >= CHUNK) await flush();
    },
    async done() {
      await flush();
      return written;
    },
  };
}

/**
 * The partner's own lowest marked level (rank 1 of the first national marking policy), or NATO
 * UNCLASSIFIED when the deployment has no national scheme.
 */
async function nationalLevel(trx: Trx): Promise<{ policy: string; level: string }> {
  const row = await trx
    .selectFrom('marking_levels as l')
    .innerJoin('marking_policies as p', 'p.code', 'l.policy_code')
    .select(['l.policy_code', 'l.code'])
    .where('l.policy_code', 'not in', ['NONE', 'NATO'])
    .where('l.rank', '=', 1)
    .orderBy('p.position')
    .orderBy('l.code')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { policy: row.policy_code, level: row.code }
    : { policy: 'NATO', level: 'NATO_UNCLASSIFIED' };
}

/** The synthetic organisations, created on first use; returns their ids in list order. */
async function synthOrganisations(
  trx: Trx,
  now: string,
): Promise<{ ids: string[]; added: number }> {
  const existing = await trx
    .selectFrom('organisations')
    .select(['id', 'seed_key'])
    .where(
      'seed_key',
      'in',
      SYNTHETIC_ORGANISATIONS.map((o) => o.key),
    )
    .execute();
  const byKey = new Map(existing.map((r) => [r.seed_key as string, r.id]));
  const label = await resolveLabel(trx, PUBLIC_LABEL);
  const settings = await deploymentSettings(trx);
  let added = 0;
  for (const o of SYNTHETIC_ORGANISATIONS) {
    if (byKey.has(o.key)) continue;
    const id = uuidv7();
    await trx
      .insertInto('organisations')
      .values({
        id,
        version: 1,
        created_at: now,
        created_by: null,
        updated_at: now,
        updated_by: null,
        deleted_at: null,
        ...label,
        parent_id: null,
        kind: o.kind,
        side: o.side,
        nation: o.nation ?? settings.partnerNation ?? settings.defaultOwner,
        name_en: o.name.en,
        name_sr: o.name.sr,
        abbreviation_en: null,
        abbreviation_sr: null,
        description_en: null,
        description_sr: null,
        website: null,
        seed_key: o.key,
        search_text: searchText(o.name),
      })
      .execute();
    byKey.set(o.key, id);
    added += 1;
  }
  return { ids: SYNTHETIC_ORGANISATIONS.map((o) => byKey.get(o.key)!), added };
}

/**
 * Seeds one synthetic plan ('SYN-<items>', sample data) with `items` plan items and items/10
 * timeline events (`timelineEvents` to choose), in one transaction, with one audit entry 'seed.synthetic'.
 */
export async function seedSynthetic(
  db: Db,
  audit: AuditLog,
  options: SyntheticOptions,
): Promise<SyntheticCounts> {
  const total = Math.floor(options.items);
  if (!Number.isFinite(total) || total < 100) {
    throw new RangeError('A synthetic plan needs at least 100 items.');
  }
  const askedEvents = options.timelineEvents;
  if (askedEvents !== undefined && (!Number.isInteger(askedEvents) || askedEvents < 0)) {
    throw new RangeError('timelineEvents must be a whole number, 0 or more.');
  }
  const seed = options.seed ?? 42;
  const random = mulberry32(seed);
  const code = `SYN-${total}`;
  const newId = bulkUuidv7();

  return db.write(async (trx) => {
    const taken = await trx
      .selectFrom('plans')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (taken) {
      throw new Error(
        `A plan ${code} exists already: synthetic data of this size was seeded before.`,
      );
    }
    const now = new Date().toISOString();
    const orgs = await synthOrganisations(trx, now);

    // Each label is checked against the marking tables once (rank, public flag), then reused.
    const settings = await deploymentSettings(trx);
    const partner = settings.partnerNation ?? settings.defaultOwner;
    const nato: LabelInput[] = orgs.ids.map((originatorId) => ({
      policy: 'NATO',
      level: 'NATO_UNCLASSIFIED',
      releasableTo: [partner, 'NATO'],
      owner: settings.defaultOwner,
      originatorId,
    }));
    const labels = {
      public: await resolveLabel(trx, PUBLIC_LABEL),
      rs: await resolveLabel(trx, {
        ...(await nationalLevel(trx)),
        releasableTo: [partner],
        owner: settings.defaultOwner,
      }),
      nato: await Promise.all(nato.map((l) => resolveLabel(trx, l))),
    };
    const labelOf = (kind: LabelKind): LabelColumns =>
      kind === 'public'
        ? labels.public
        : kind === 'rs'
          ? labels.rs
          : labels.nato[Math.floor(random() * labels.nato.length)]!;

    const planId = newId();
    const planTitle = {
      en: `Synthetic action plan (${total} items)`,
      sr: `Синтетички акциони план (${total} ставки)`,
    };
    const planDescription = {
      en: 'Generated sample data for load tests and benchmarks; not a real plan.',
      sr: 'Генерисани узорак података за тестове оптерећења; није стварни план.',
    };
    await trx
      .insertInto('plans')
      .values({
        id: planId,
        version: 1,
        created_at: now,
        created_by: null,
        updated_at: now,
        updated_by: null,
        deleted_at: null,
        ...labels.public,
        mechanism_id: null,
        code,
        title_en: planTitle.en,
        title_sr: planTitle.sr,
        description_en: planDescription.en,
        description_sr: planDescription.sr,
        period_start: '2026-01-01',
        period_end: '2030-12-31',
        status: 'in_implementation',
        sample_data: 1,
        seed_key: null,
        search_text: searchText(planTitle, planDescription),
      })
      .execute();
    await trx
      .insertInto('plan_levels')
      .values([
        {
          plan_id: planId,
          depth: 0,
          name_en: 'Chapter',
          name_sr: 'Поглавље',
          rollup_rule: 'average',
        },
        { plan_id: planId, depth: 1, name_en: 'Objective', name_sr: 'Циљ', rollup_rule: 'average' },
        {
          plan_id: planId,
          depth: 2,
          name_en: 'Activity',
          name_sr: 'Активност',
          rollup_rule: 'from_status',
        },
      ])
      .execute();

    const item = (
      parent: { id: string; code: string } | null,
      depth: number,
      position: number,
      title: Phrase,
      kind: LabelKind,
    ): Insertable<Database['plan_items']> => {
      let description: Phrase | null = null;
      if (depth === 2 && random() < 0.5) {
        const [subjectEn, subjectSr] = pick(random, SUBJECTS);
        description = {
          en: ['Deliverable: a report on', `${subjectEn}.`],
          sr: ['Резултат: извештај у области', `${subjectSr}.`],
        };
      }
      const status = pick(random, PLAN_ITEM_STATUSES);
      const due = depth === 2 ? dueDate(random) : null;
      const budgeted = depth === 2 && random() < 0.2;
      const lead = depth === 2 && random() < 0.5 ? pick(random, orgs.ids) : null;
      const label = labelOf(kind);
      const t = textOf(title);
      const d = textOf(description);
      return {
        id: newId(),
        version: 1,
        created_at: now,
        created_by: null,
        updated_at: now,
        updated_by: null,
        deleted_at: null,
        label_policy: label.label_policy,
        label_level: label.label_level,
        label_rank: label.label_rank,
        label_owner: label.label_owner,
        label_releasable_to: label.label_releasable_to,
        label_originator_id: label.label_originator_id,
        plan_id: planId,
        parent_id: parent?.id ?? null,
        depth,
        position,
        code: parent ? `${parent.code}.${position}` : String(position),
        title_en: t.en,
        title_sr: t.sr,
        description_en: d.en,
        description_sr: d.sr,
        status: due === 'continuous' ? 'continuous' : status,
        start_on: null,
        due_on: due,
        lead_organisation_id: lead,
        weight: 1,
        manual_progress: null,
        budget_amount: budgeted ? 1000 * (1 + Math.floor(random() * 500)) : null,
        budget_currency: budgeted ? pick(random, CURRENCIES) : null,
        funding_source: budgeted ? pick(random, FUNDING) : null,
        search_text: phraseSearchText(title, description),
      };
    };

    // Shape: 10 chapters × ~items/1000 objectives each; the rest are activities, spread evenly.
    // Chapters and objectives are public so every reader sees the plan's frame.
    const objectivesPerChapter = Math.max(1, Math.round(total / 1000));
    const objectiveCount = CHAPTERS.length * objectivesPerChapter;
    const activityCount = total - CHAPTERS.length - objectiveCount;
    const items = chunkedWriter(trx, 'plan_items');
    const chapters: { id: string; code: string }[] = [];
    for (const [c, [en, sr]] of CHAPTERS.entries()) {
      const row = item(null, 0, c + 1, { en: [en], sr: [sr] }, 'public');
      chapters.push({ id: row.id, code: row.code });
      await items.add(row);
    }
    const objectives: { id: string; code: string }[] = [];
    for (const chapter of chapters) {
      for (let o = 1; o <= objectivesPerChapter; o++) {
        const row = item(chapter, 1, o, itemTitle(random), 'public');
        objectives.push({ id: row.id, code: row.code });
        await items.add(row);
      }
    }
    // Parents before children (the parent_id foreign key is checked row by row): the writer
    // flushes in order, so every chunk's parents are already in.
    for (const [index, objective] of objectives.entries()) {
      const count =
        Math.floor(activityCount / objectiveCount) +
        (index < activityCount % objectiveCount ? 1 : 0);
      for (let a = 1; a <= count; a++) {
        await items.add(item(objective, 2, a, itemTitle(random), labelKind(random)));
      }
    }
    const itemRows = await items.done();

    const events = chunkedWriter(trx, 'timeline_events');
    const eventCount = askedEvents ?? Math.floor(total / 10);
    const rare = rareShare(eventCount);
    for (let e = 0; e < eventCount; e++) {
      const [kindEn, kindSr] = pick(random, EVENT_KINDS);
      const [subjectEn, subjectSr] = pick(random, SUBJECTS);
      const [placeEn, placeSr] = pick(random, PLACES);
      const common = random() < 0.2;
      const title: Phrase = common
        ? {
            en: [kindEn, 'on', SYNTHETIC_COMMON_WORD, 'in', subjectEn],
            sr: [kindSr, 'о сарадњи у области', subjectSr],
          }
        : { en: [kindEn, 'on', subjectEn], sr: [kindSr, 'у области', subjectSr] };
      if (placeEn) {
        title.en.push(placeEn);
        title.sr.push(placeSr);
      }
      if (random() < rare) {
        const word = pick(random, SYNTHETIC_RARE_WORDS);
        const name = word[0]!.toUpperCase() + word.slice(1);
        title.en.push(`“${name}”`);
        title.sr.push(`„${name}”`);
      }
      const description: Phrase = {
        en: ['Area:', `${subjectEn}.`, 'Format:', `${kindEn.toLowerCase()}.`],
        sr: ['Област:', `${subjectSr}.`, 'Облик:', `${kindSr.toLowerCase()}.`],
      };
      const when = eventDate(random);
      const bounds = partialDateBounds(when.date);
      const label = labelOf(labelKind(random));
      const t = textOf(title);
      const d = textOf(description);
      await events.add({
        id: newId(),
        version: 1,
        created_at: now,
        created_by: null,
        updated_at: now,
        updated_by: null,
        deleted_at: null,
        label_policy: label.label_policy,
        label_level: label.label_level,
        label_rank: label.label_rank,
        label_owner: label.label_owner,
        label_releasable_to: label.label_releasable_to,
        label_originator_id: label.label_originator_id,
        starts_on: when.date,
        ends_on: null,
        precision: when.precision,
        sort_from: bounds.from,
        sort_to: bounds.to,
        category: pick(random, TIMELINE_CATEGORIES),
        title_en: t.en,
        title_sr: t.sr,
        description_en: d.en,
        description_sr: d.sr,
        conflict_note_en: null,
        conflict_note_sr: null,
        seed_key: null,
        search_text: phraseSearchText(title, description),
      });
    }
    const eventRows = await events.done();

    const counts: SyntheticCounts = {
      organisations: orgs.added,
      plans: 1,
      'plan items': itemRows,
      'timeline events': eventRows,
    };
    await audit.record(
      trx,
      { actor: null, ip: null },
      { action: 'seed.synthetic', after: { code, seed, ...counts } },
    );
    return counts;
  });
}
