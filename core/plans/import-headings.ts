/**
 * The column headings a plan-import file may carry, as ministries write them: the template's own
 * (English and Serbian), and the headings of their own tables in English, Serbian Latin and
 * Serbian Cyrillic ("Активност", "Носилац", "Рок", "Партнери", "Напомена" …). A heading is
 * transliterated to Latin and folded before it is compared, so one list serves all three. Pure.
 */
import { toLatin } from '../text/transliterate.js';

/** The columns of a plan import, in template order. */
export const IMPORT_COLUMNS = [
  'code',
  'parentCode',
  'level',
  'titleEn',
  'titleSr',
  'descriptionEn',
  'descriptionSr',
  'status',
  'startOn',
  'dueOn',
  'leadOrganisation',
  'partnerOrganisations',
  'weight',
  'budgetAmount',
  'budgetCurrency',
  'fundingSource',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * Headings written in the template (English), the Serbian one, then other accepted spellings —
 * Latin script only: Cyrillic headings are transliterated before they are looked up.
 */
export const COLUMN_HEADINGS: Record<ImportColumn, { en: string; sr: string; aliases: string[] }> =
  {
    code: {
      en: 'Code',
      sr: 'Šifra',
      aliases: ['kod', 'oznaka', 'r br', 'rb', 'redni broj', 'br', 'broj', 'no', 'number'],
    },
    parentCode: { en: 'Parent code', sr: 'Šifra nadređene', aliases: ['parent', 'nadređena'] },
    level: { en: 'Level', sr: 'Nivo', aliases: ['depth'] },
    titleEn: {
      en: 'Title (English)',
      sr: 'Naziv (engleski)',
      aliases: ['title en', 'title', 'activity', 'activities', 'action', 'measure'],
    },
    titleSr: {
      en: 'Title (Serbian)',
      sr: 'Naziv (srpski)',
      aliases: ['title sr', 'naziv', 'aktivnost', 'aktivnosti', 'naziv aktivnosti', 'mera'],
    },
    descriptionEn: {
      en: 'Description (English)',
      sr: 'Opis (engleski)',
      aliases: ['description en', 'description', 'note', 'notes', 'remarks', 'comment'],
    },
    descriptionSr: {
      en: 'Description (Serbian)',
      sr: 'Opis (srpski)',
      aliases: ['opis', 'napomena', 'napomene', 'komentar'],
    },
    status: { en: 'Status', sr: 'Status', aliases: ['stanje', 'status realizacije'] },
    startOn: { en: 'Start', sr: 'Početak', aliases: ['start on', 'start date'] },
    dueOn: {
      en: 'Due',
      sr: 'Rok',
      aliases: [
        'due on',
        'due date',
        'deadline',
        'time frame',
        'timeframe',
        'rok za realizaciju',
        'rok realizacije',
        'rok izvršenja',
        'vremenski okvir',
      ],
    },
    leadOrganisation: {
      en: 'Lead organisation',
      sr: 'Nosilac',
      aliases: [
        'lead',
        'lead organization',
        'lead institution',
        'responsible institution',
        'responsible',
        'vodeća institucija',
        'nosilac aktivnosti',
        'nosioci',
        'odgovorna institucija',
        'nadležna institucija',
        'nadležni organ',
      ],
    },
    partnerOrganisations: {
      en: 'Partner organisations',
      sr: 'Partneri',
      aliases: [
        'partners',
        'partner organizations',
        'partner institutions',
        'partnerske institucije',
        'partneri u realizaciji',
        'učesnici',
        'saradnici',
      ],
    },
    weight: { en: 'Weight', sr: 'Težina', aliases: ['ponder'] },
    budgetAmount: {
      en: 'Budget amount',
      sr: 'Iznos budžeta',
      aliases: ['budget', 'budžet', 'potrebna sredstva', 'iznos'],
    },
    budgetCurrency: { en: 'Budget currency', sr: 'Valuta', aliases: ['currency'] },
    fundingSource: {
      en: 'Funding source',
      sr: 'Izvor finansiranja',
      aliases: ['funding', 'izvor', 'izvor sredstava'],
    },
  };

/** Lower case, no diacritics, single spaces, no punctuation: how headings and names are compared. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'dj')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

/**
 * A heading as it is compared: Latin script, folded, without the footnote marks a ministry puts
 * after it ("Рок¹", "Носилац*", "Rok (1)").
 */
export function foldHeading(heading: string): string {
  const bare = heading
    .trim()
    .replace(/[*\u00b9\u00b2\u00b3\u2070-\u2079]+$/u, '')
    .replace(/\s*\(\d\)$/, '');
  return foldName(toLatin(bare));
}

const HEADING_INDEX = (() => {
  const map = new Map<string, ImportColumn>();
  for (const column of IMPORT_COLUMNS) {
    const h = COLUMN_HEADINGS[column];
    for (const name of [column, h.en, h.sr, ...h.aliases]) map.set(foldName(name), column);
  }
  return map;
})();
/** Longest first, so "rok za realizaciju" wins over "rok". */
const PREFIXES = [...HEADING_INDEX.keys()].sort((a, b) => b.length - a.length);

/**
 * The import column a heading names, if any: the heading itself, or failing that the longest known
 * heading it begins with as whole words ("Rok za izvršenje aktivnosti" → Due).
 */
export function columnOfHeading(heading: string): ImportColumn | undefined {
  const folded = foldHeading(heading);
  if (folded === '') return undefined;
  const exact = HEADING_INDEX.get(folded);
  if (exact) return exact;
  const prefix = PREFIXES.find((p) => folded.startsWith(`${p} `));
  return prefix ? HEADING_INDEX.get(prefix) : undefined;
}

/** "A", "B" … "Z", "AA": a column's letter from its 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A user's choice for a heading of their files: an import column, or "not imported". */
export type MappedField = ImportColumn | 'ignore';
/** Remembered per plan: folded heading → field. */
export type HeadingMapping = Record<string, MappedField>;
