/**
 * Serbian script conversion (Cyrillic ↔ Latin).
 *
 * Cyrillic → Latin is a fixed letter-for-letter table and never loses information. Latin →
 * Cyrillic is harder: the digraphs lj, nj and dž usually stand for one letter (љ, њ, џ) but
 * sometimes for two sounds (in|jekcija, nad|živeti), and a Latin text may contain things that
 * must stay Latin (addresses, foreign words, Roman numerals). Those cases are handled with
 * small, documented data tables below rather than guesses.
 */

import { LATIN_TOKEN_PATTERN } from './latin-tokens.js';

export type Script = 'Latn' | 'Cyrl';

// prettier-ignore
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i',
  ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Ђ: 'Đ', Е: 'E', Ж: 'Ž', З: 'Z', И: 'I',
  Ј: 'J', К: 'K', Л: 'L', М: 'M', Н: 'N', О: 'O', П: 'P', Р: 'R',
  С: 'S', Т: 'T', Ћ: 'Ć', У: 'U', Ф: 'F', Х: 'H', Ц: 'C', Ч: 'Č', Ш: 'Š',
};

/** Capital Љ, Њ, Џ become "Lj"/"LJ" etc. depending on the case of the letters around them. */
const CYRILLIC_CAPITAL_DIGRAPHS: Readonly<Record<string, [title: string, upper: string]>> = {
  Љ: ['Lj', 'LJ'],
  Њ: ['Nj', 'NJ'],
  Џ: ['Dž', 'DŽ'],
};

// prettier-ignore
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г',
  h: 'х', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р',
  s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
  A: 'А', B: 'Б', C: 'Ц', Č: 'Ч', Ć: 'Ћ', D: 'Д', Đ: 'Ђ', E: 'Е', F: 'Ф', G: 'Г',
  H: 'Х', I: 'И', J: 'Ј', K: 'К', L: 'Л', M: 'М', N: 'Н', O: 'О', P: 'П', R: 'Р',
  S: 'С', Š: 'Ш', T: 'Т', U: 'У', V: 'В', Z: 'З', Ž: 'Ж',
};

/** The Latin digraphs, keyed by their first letter and second letter (lower case). */
const LATIN_DIGRAPHS: Readonly<Record<string, string>> = { lj: 'љ', nj: 'њ', dž: 'џ' };

/**
 * Words in which lj, nj or dž are two separate letters, not one. Each entry is the start of a
 * word (matched case-insensitively); "|" marks the place where the two letters meet, so only
 * that pair is split and any other digraph in the same word still converts normally
 * ("nad|živ" → надживљавати keeps its љ).
 *
 * Almost all real cases are a prefix ending in n or d in front of a root starting with j or ž
 * (in-, kon-, van-, nad-, od-, pod-); Tanjug is an acronym (TAN + JUG, "Telegrafska agencija
 * nove Jugoslavije", officially Танјуг). The stems are deliberately long enough not to catch
 * ordinary words: "kon|jug" but not "konj" (коњ, horse), "od|žal" but not "odž" (оџак,
 * chimney), "nad|živ" but not "nadž" (наџак), "van|jezič" but not "vanj" (вањски). No lj
 * exceptions are listed because standard Serbian has no common ones. Latin "dj" is never read
 * as ђ: correct Latin text writes đ, and "dj" is a real д+ј in words like odjek or podjela.
 */
export const DIGRAPH_EXCEPTIONS: readonly string[] = [
  // n|j
  'an|jon', // анјон (anion)
  'in|jek', // инјекција, инјектирати, инјектор
  'in|jicir', // инјицирати
  'kon|jug', // конјугација, конјуговати
  'kon|junk', // конјункција, конјунктура, конјунктив
  'tan|jug', // Танјуг (news agency; acronym TAN + JUG)
  'van|jezič', // ванјезички
  // d|ž
  'feld|žandarm', // фелджандарм
  'nad|živ', // надживети, надживљавати, надживјети
  'nad|žnj', // наджњети
  'od|žal', // оджалити
  'od|živ', // одживети
  'od|žvak', // оджвакати
  'pod|žanr', // поджанр
  'pod|žar', // поджарити
  'pod|žig', // поджигати, поджигач
  'pod|župan', // поджупан
];

interface DigraphException {
  stem: string;
  /** Index in the word of the first letter of the pair that must stay two letters. */
  split: number;
}

const PARSED_EXCEPTIONS: readonly DigraphException[] = DIGRAPH_EXCEPTIONS.map((entry) => ({
  stem: entry.replace('|', ''),
  split: entry.indexOf('|') - 1,
})).sort((a, b) => b.stem.length - a.stem.length);

/**
 * Uppercase Roman numerals are written in Latin letters in Serbian Cyrillic too ("XXI век",
 * "Петар II"). These all-caps words are valid numerals but are far more often Serbian words
 * (MI "we", VI "you", LI "whether"), so they are transliterated.
 */
const ROMAN_NUMERAL = /^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ROMAN_LOOKALIKE_WORDS: ReadonlySet<string> = new Set(['MI', 'VI', 'LI']);

/** Letters of the Serbian Latin alphabet; a word with any other Latin letter is foreign. */
const SERBIAN_LATIN_LETTER = /^[abcčćdđefghijklmnoprsštuvzž]$/iu;
const LATIN_LETTER = /^\p{Script=Latin}$/u;

/** Digraph ligatures (U+01C4–U+01CC) and the eth lookalike of Đ, spelled out as letters. */
// prettier-ignore
const LATIN_NORMALISATION: Readonly<Record<string, string>> = {
  Ǆ: 'DŽ', ǅ: 'Dž', ǆ: 'dž', Ǉ: 'LJ', ǈ: 'Lj', ǉ: 'lj', Ǌ: 'NJ', ǋ: 'Nj', ǌ: 'nj', Ð: 'Đ',
};

/**
 * Text that must never be transliterated: URLs (with a scheme or starting www.), e-mail
 * addresses and bare domain names under common top-level domains (nato.int, mod.gov.rs).
 */
const PROTECTED = new RegExp(
  [
    String.raw`\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"]+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`(?<![\p{L}\p{N}.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*` +
      String.raw`\.(?:com|org|net|int|edu|gov|mil|info|eu|rs|srb|me|ba|hr|io)(?![\p{L}\p{N}-])` +
      String.raw`(?:\/[^\s<>"]*)?`,
  ].join('|'),
  'giu',
);

/** Sentence punctuation that may follow a URL but is not part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’]+$/u;

const WORD = /[\p{L}\p{M}]+/gu;

function isLetter(ch: string | undefined): ch is string {
  return ch !== undefined && /^\p{L}$/u.test(ch);
}

function isUpperCaseLetter(ch: string | undefined): boolean {
  return isLetter(ch) && ch === ch.toUpperCase() && ch !== ch.toLowerCase();
}

/** Converts Serbian Cyrillic to Latin; every Cyrillic letter has one Latin spelling, so nothing is lost. */
export function toLatin(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const digraph = CYRILLIC_CAPITAL_DIGRAPHS[ch];
    if (digraph) {
      // The next letter decides (ЉУБОВ → LJUBOV, Љубав → Ljubav); at the end of a word the
      // previous one does (КЊ → KNJ); a lone capital is written in title case.
      const next = chars[i + 1];
      const upper = isLetter(next) ? isUpperCaseLetter(next) : isUpperCaseLetter(chars[i - 1]);
      out += upper ? digraph[1] : digraph[0];
    } else {
      out += CYRILLIC_TO_LATIN[ch] ?? ch;
    }
  }
  return out;
}

/**
 * Converts Serbian Latin to Cyrillic, leaving addresses, foreign words, Roman numerals and the
 * acronyms Serbian keeps in Latin (core/text/latin-tokens.ts: "OCC E&F") in Latin.
 */
export function toCyrillic(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(LATIN_TOKEN_PATTERN)) {
    out += convertOutsideTokens(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + convertOutsideTokens(text.slice(last));
}

function convertOutsideTokens(text: string): string {
  const normalised = Array.from(text.normalize('NFC'), (ch) => LATIN_NORMALISATION[ch] ?? ch).join(
    '',
  );
  let out = '';
  let last = 0;
  for (const match of normalised.matchAll(PROTECTED)) {
    const token = match[0].replace(TRAILING_PUNCTUATION, '');
    if (token === '') continue;
    out += convertPlainText(normalised.slice(last, match.index));
    out += token;
    last = match.index + token.length;
  }
  return out + convertPlainText(normalised.slice(last));
}

function convertPlainText(text: string): string {
  return text.replace(WORD, convertWord);
}

function isForeignWord(word: string): boolean {
  for (const ch of word) {
    if (LATIN_LETTER.test(ch) && !SERBIAN_LATIN_LETTER.test(ch)) return true;
  }
  return word.length >= 2 && ROMAN_NUMERAL.test(word) && !ROMAN_LOOKALIKE_WORDS.has(word);
}

function convertWord(word: string): string {
  if (isForeignWord(word)) return word;
  const lower = word.toLowerCase();
  const exception = PARSED_EXCEPTIONS.find((e) => lower.startsWith(e.stem));
  const chars = Array.from(word);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const first = chars[i] as string;
    const second = chars[i + 1];
    if (second !== undefined && i !== exception?.split) {
      const cyrillic = LATIN_DIGRAPHS[(first + second).toLowerCase()];
      // "lJ" is not a digraph: a capital second letter only counts after a capital first one.
      const casingFits = isUpperCaseLetter(first) || !isUpperCaseLetter(second);
      if (cyrillic && casingFits) {
        out += isUpperCaseLetter(first) ? cyrillic.toUpperCase() : cyrillic;
        i++;
        continue;
      }
    }
    out += LATIN_TO_CYRILLIC[first] ?? first;
  }
  return out;
}

/** Shows Serbian text in the reader's chosen script, whichever script it was typed in. */
export function displayInScript(text: string, script: Script): string {
  return script === 'Latn' ? toLatin(text) : toCyrillic(text);
}

/** Tells which script the letters of a text are mostly in; addresses are not counted. */
export function detectScript(text: string): Script | 'none' {
  let cyrillic = 0;
  let latin = 0;
  for (const ch of text.replace(PROTECTED, ' ')) {
    if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
    else if (LATIN_LETTER.test(ch)) latin++;
  }
  if (cyrillic === 0 && latin === 0) return 'none';
  // Cyrillic wins a tie because Latin acronyms inside Cyrillic text are common, not the reverse.
  return cyrillic >= latin ? 'Cyrl' : 'Latn';
}

/** Lower-case Latin and Cyrillic forms of a text, so a search in either script finds it. */
export function searchVariants(text: string): string[] {
  const latin = toLatin(text).toLowerCase();
  const cyrillic = toCyrillic(text).toLowerCase();
  return latin === cyrillic ? [latin] : [latin, cyrillic];
}
