/**
 * What the records named in the audit log are called, so a reader sees "1.2 Defence planning"
 * instead of a UUID. Only ever asked about records the reader may see: the entries' own records
 * after withheldEntries, and the references left in the snapshots after withholdReferences.
 * One query per entity type and page; deleted records keep their names (history stays readable).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface Title {
  en: string | null;
  sr: string | null;
}

type Titles = Map<string, Title>;
type TitleSource = (db: Db, ids: string[]) => Promise<Titles>;

const EXCERPT = 80;

function joined(...parts: (string | null | undefined)[]): string | null {
  const text = parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(' ');
  return text || null;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** The same text in both languages (names of people, files, periods typed once). */
const both = (text: string | null): Title => ({ en: text, sr: text });

function bilingual(
  table: 'organisations' | 'mechanisms' | 'indicators',
  en: 'name_en',
  sr: 'name_sr',
): TitleSource;
function bilingual(
  table: 'timeline_events' | 'activities',
  en: 'title_en',
  sr: 'title_sr',
): TitleSource;
function bilingual(table: string, en: string, sr: string): TitleSource {
  return async (db, ids) => {
    const rows = (await db
      .selectFrom(`${table as 'organisations'} as x`)
      .select(['x.id', `x.${en as 'name_en'}`, `x.${sr as 'name_sr'}`])
      .where('x.id', 'in', ids)
      .execute()) as { id: string; name_en: string | null; name_sr: string | null }[];
    return new Map(rows.map((r) => [r.id, { en: r.name_en, sr: r.name_sr }]));
  };
}

/** A text missing in one language is null there, so the reader's other language shows. */
function codedTitle(code: string, en: string | null, sr: string | null): Title {
  if (!en && !sr) return both(code);
  return { en: en ? joined(code, en) : null, sr: sr ? joined(code, sr) : null };
}

/** A code in front of a title, e.g. "1.2 Defence planning" or "IPAP-2027 Individual plan". */
function coded(table: 'plans' | 'plan_items'): TitleSource {
  return async (db, ids) => {
    const rows = await db
      .selectFrom(`${table as 'plans'} as x`)
      .select(['x.id', 'x.code', 'x.title_en', 'x.title_sr'])
      .where('x.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, codedTitle(r.code, r.title_en, r.title_sr)]));
  };
}

export const TITLE_SOURCES: Readonly<Record<string, TitleSource>> = {
  organisation: bilingual('organisations', 'name_en', 'name_sr'),
  mechanism: bilingual('mechanisms', 'name_en', 'name_sr'),
  indicator: bilingual('indicators', 'name_en', 'name_sr'),
  timeline_event: bilingual('timeline_events', 'title_en', 'title_sr'),
  activity: bilingual('activities', 'title_en', 'title_sr'),
  plan: coded('plans'),
  /** Audited under the plan's id: named after the plan. */
  plan_import_mapping: coded('plans'),
  plan_item: coded('plan_items'),
  async agreement(db, ids) {
    const rows = await db
      .selectFrom('agreements')
      .select(['id', 'title_en', 'title_sr', 'short_title_en', 'short_title_sr'])
      .where('id', 'in', ids)
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        { en: r.short_title_en ?? r.title_en, sr: r.short_title_sr ?? r.title_sr },
      ]),
    );
  },
  async person(db, ids) {
    const rows = await db
      .selectFrom('persons')
      .select(['id', 'given_name', 'family_name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, both(joined(r.given_name, r.family_name))]));
  },
  async comment(db, ids) {
    const rows = await db
      .selectFrom('comments')
      .select(['id', 'body'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, both(excerpt(r.body))]));
  },
  async reporting_period(db, ids) {
    const rows = await db
      .selectFrom('reporting_periods')
      .select(['id', 'title'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, both(r.title)]));
  },
  /** A report is named by its item and its period: "1.2 Defence planning · Q1 2027". */
  async progress_report(db, ids) {
    const rows = await db
      .selectFrom('progress_reports as r')
      .innerJoin('plan_items as i', 'i.id', 'r.plan_item_id')
      .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
      .select(['r.id', 'i.code', 'i.title_en', 'i.title_sr', 'p.title as period'])
      .where('r.id', 'in', ids)
      .execute();
    return new Map(
      rows.map((r) => {
        const item = codedTitle(r.code, r.title_en, r.title_sr);
        const withPeriod = (text: string | null) => (text ? `${text} · ${r.period}` : null);
        return [r.id, { en: withPeriod(item.en), sr: withPeriod(item.sr) }];
      }),
    );
  },
  async plan_import(db, ids) {
    const rows = await db
      .selectFrom('plan_imports')
      .select(['id', 'file_name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, both(r.file_name)]));
  },
  async user(db, ids) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, both(r.display_name)]));
  },
  async api_token(db, ids) {
    const rows = await db
      .selectFrom('api_tokens')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, both(r.name)]));
  },
};

/**
 * Entity types whose ids a snapshot's reference fields (`…Id`, `…Ids`) may hold and whose
 * visibility withholdReferences checks (accounts are unlabelled: administrators manage them all).
 */
const REFERENCE_TYPES = [
  'organisation',
  'agreement',
  'timeline_event',
  'mechanism',
  'activity',
  'person',
  'plan',
  'plan_item',
  'comment',
  'user',
] as const;

/** A grant's snapshot names the record it opens; the grant is called after that record. */
function grantTarget(snapshot: unknown): { type: string; id: string } | null {
  if (!snapshot || typeof snapshot !== 'object') return null;
  const { entityType, entityId } = snapshot as { entityType?: unknown; entityId?: unknown };
  return typeof entityType === 'string' && typeof entityId === 'string'
    ? { type: entityType, id: entityId }
    : null;
}

/** A name from the snapshot itself, for a record that is gone (a revoked grant, a purged row). */
function snapshotTitle(snapshot: unknown): Title | null {
  if (!snapshot || typeof snapshot !== 'object') return null;
  const s = snapshot as Record<string, unknown>;
  for (const key of ['title', 'name', 'displayName', 'fileName']) {
    const v = s[key];
    if (typeof v === 'string' && v.trim()) return both(v.trim());
    if (v && typeof v === 'object') {
      const { en, sr } = v as { en?: unknown; sr?: unknown };
      if (typeof en === 'string' || typeof sr === 'string')
        return {
          en: typeof en === 'string' ? en : null,
          sr: typeof sr === 'string' ? sr : null,
        };
    }
  }
  return null;
}

export interface TitledEntry {
  seq: number;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Titles of the entries' own records, by seq (entries must be ones the reader may see). */
export async function entryTitles(db: Db, entries: TitledEntry[]): Promise<Map<number, Title>> {
  const wanted = new Map<string, Set<string>>();
  const want = (type: string, id: string) => {
    if (!TITLE_SOURCES[type]) return;
    wanted.set(type, (wanted.get(type) ?? new Set()).add(id));
  };
  for (const e of entries) {
    if (e.entityType === 'grant') {
      const target = grantTarget(e.after) ?? grantTarget(e.before);
      if (target) want(target.type, target.id);
    } else want(e.entityType, e.entityId);
  }
  const found = new Map<string, Titles>();
  for (const [type, ids] of wanted) found.set(type, await TITLE_SOURCES[type]!(db, [...ids]));

  const titles = new Map<number, Title>();
  for (const e of entries) {
    const target =
      e.entityType === 'grant'
        ? (grantTarget(e.after) ?? grantTarget(e.before))
        : { type: e.entityType, id: e.entityId };
    const title =
      (target && found.get(target.type)?.get(target.id)) ??
      (e.entityType === 'grant' ? null : (snapshotTitle(e.after) ?? snapshotTitle(e.before)));
    if (title && (title.en || title.sr)) titles.set(e.seq, title);
  }
  return titles;
}

/**
 * Names of the records these ids point at, over every type a reference may point at (ids are
 * UUIDs, unique across tables). Give it only references the reader may see.
 */
export async function referenceTitles(db: Db, ids: Iterable<string>): Promise<Map<string, Title>> {
  const wanted = [...new Set(ids)];
  const titles = new Map<string, Title>();
  if (wanted.length === 0) return titles;
  for (const type of REFERENCE_TYPES) {
    const found = await TITLE_SOURCES[type]!(db, wanted);
    for (const [id, title] of found) if (title.en || title.sr) titles.set(id, title);
  }
  return titles;
}
