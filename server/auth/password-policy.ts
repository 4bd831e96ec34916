/**
 * The policy for passwords people choose (ASVS 5.0 V6.2), applied when an account is created with a
 * chosen password (`liaison user create`) and when a user changes their password:
 *  - 12 to 200 characters (Unicode code points) of any kind, no composition rules;
 *  - not one of the common passwords of @zxcvbn-ts/language-common (about 49 000 from public
 *    breach corpora), nor such a password behind digits or symbols ("Sunshine2026!"), in simple
 *    leetspeak ("P@ssw0rd"), repeated ("monkeymonkey"), or a run or repetition of a few characters;
 *  - not built from words tied to Liaison or to the user: once the CONTEXT_WORDS below and the
 *    parts of the user's e-mail address and name are taken out, at least 8 letters must remain and
 *    they must not be a common password themselves. So "MyNatoPassword2026" is refused, while a
 *    passphrase that merely contains such a word ("a long enough password") is not.
 * System-generated one-time passwords are exempt: they are random and must be changed at first use.
 * The check compares folded copies (lower case, no diacritics, leetspeak undone); the password that
 * is hashed and verified is always exactly the one the user typed.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_RULE } from './passwords.js';

/**
 * Words tied to this system, its owners and its subject (ASVS V6.1.2): product, organisations,
 * countries and cities, programmes, markings, roles, and the usual default-password words, in
 * English, Serbian Latin and Serbian Cyrillic. Matched anywhere in the password, ignoring case,
 * diacritics and leetspeak. docs/SECURITY.md lists them; keep the two in step.
 */
export const CONTEXT_WORDS = [
  // the product
  'liaison',
  // organisations and places
  'nato',
  'otan',
  'нато',
  'shape',
  'kfor',
  'serbia',
  'serbian',
  'srbija',
  'srbije',
  'србија',
  'belgrade',
  'beograd',
  'београд',
  'brussels',
  'brisel',
  'ministry',
  'ministarstvo',
  'министарство',
  'defence',
  'defense',
  'odbrana',
  'odbrane',
  'одбрана',
  'army',
  'vojska',
  'vojske',
  'војска',
  // programmes
  'partnership',
  'partner',
  'partnerstvo',
  'партнерство',
  'pfp',
  'ipap',
  'parp',
  'drg',
  // markings
  'unclassified',
  'restricted',
  'confidential',
  'secret',
  'cosmic',
  'interno',
  'poverljivo',
  'tajna',
  // roles
  'administrator',
  'admin',
  'coordinator',
  'koordinator',
  'editor',
  'contributor',
  'viewer',
  'counterpart',
  // default-password words
  'password',
  'lozinka',
  'лозинка',
  'sifra',
  'шифра',
  'welcome',
  'changeme',
] as const;

export const COMMON_PASSWORD_MESSAGE =
  'This password is among the most common ones; choose another.';

/** Letters that must remain once context words are taken out. */
const MIN_OTHER_LETTERS = 8;
/** A common password must be at least this long to count when found inside a longer one. */
const MIN_CORE_LENGTH = 4;
/** A password that repeats a unit this short ("abab…", "1234 1234 …") is refused. */
const MAX_REPEATED_UNIT = 4;

/** Leetspeak undone; one character for one, so positions stay aligned. */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

const LETTER = /\p{L}/u;
const SEPARATORS = /[\s._\-+'’,;:]+/gu;

/** One lower-case code point folded: diacritics dropped, leetspeak undone. */
function foldChar(char: string): string {
  const base = Array.from(char.normalize('NFD'))[0] ?? char;
  return LEET[base] ?? base;
}

function fold(text: string): string {
  return Array.from(text.toLowerCase()).map(foldChar).join('');
}

let common: Set<string> | undefined;

/** The common-password list, lower-cased, loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** The shortest unit the text repeats two or more times, or null. */
function repeatedUnit(chars: string[]): string[] | null {
  for (let size = 1; size <= chars.length / 2; size += 1) {
    if (chars.length % size !== 0) continue;
    if (chars.every((c, i) => c === chars[i % size])) return chars.slice(0, size);
  }
  return null;
}

/** Each code point one above (or each one below) the one before: "abcdef…", "987654…". */
function isRun(chars: string[]): boolean {
  const codes = chars.map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return (
    (step === 1 || step === -1) && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step)
  );
}

/** The text without the digits and symbols around it: "!!sunshine2026" → "sunshine". */
function core(text: string): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && !LETTER.test(chars[start]!)) start += 1;
  while (end > start && !LETTER.test(chars[end - 1]!)) end -= 1;
  return chars.slice(start, end).join('');
}

/** Is this text a common password, or a thin disguise of one? */
function isCommon(text: string): boolean {
  const list = commonPasswords();
  const lower = text.toLowerCase();
  const squashed = lower.replace(SEPARATORS, '');
  const inner = core(squashed);
  const candidates = new Set([lower, squashed, fold(lower), fold(squashed)]);
  if (Array.from(inner).length >= MIN_CORE_LENGTH) {
    candidates.add(inner);
    candidates.add(fold(inner));
  }
  for (const candidate of [...candidates]) {
    const chars = Array.from(candidate);
    const unit = repeatedUnit(chars);
    if (unit && unit.length <= MAX_REPEATED_UNIT && chars.length >= 2 * unit.length) return true;
    if (unit) candidates.add(unit.join(''));
    if (chars.length >= MIN_CORE_LENGTH && isRun(chars)) return true;
  }
  return [...candidates].some((c) => list.has(c));
}

export interface PasswordContext {
  email: string;
  displayName?: string | null | undefined;
}

/** Words of the user's own: e-mail local part and its pieces, domain labels, name parts. */
function personalWords({ email, displayName }: PasswordContext): string[] {
  const words = new Set<string>();
  const add = (word: string, min: number) => {
    const folded = fold(word);
    if (Array.from(folded).length >= min) words.add(folded);
  };
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  add(local.replace(/[^\p{L}\p{N}]+/gu, ''), 3);
  for (const part of local.split(/[^\p{L}\p{N}]+/u)) add(part, 3);
  const labels = domain.split('.');
  labels.pop(); // the top-level domain says nothing about the user
  for (const label of labels) add(label, 4);
  for (const part of (displayName ?? '').split(/[^\p{L}\p{N}]+/u)) add(part, 3);
  return [...words];
}

const FOLDED_CONTEXT_WORDS = CONTEXT_WORDS.map(fold);

/**
 * The context and personal words the password is built from, when too little is left without
 * them; an empty list when the password stands on its own.
 */
function contextWordsIn(password: string, context: PasswordContext): string[] {
  const chars = Array.from(password.toLowerCase());
  const folded = chars.map(foldChar);
  const taken = new Array<boolean>(chars.length).fill(false);
  const found: string[] = [];
  for (const word of [...FOLDED_CONTEXT_WORDS, ...personalWords(context)]) {
    const target = Array.from(word);
    let hit = false;
    for (let i = 0; i + target.length <= folded.length; i += 1) {
      if (target.every((c, k) => folded[i + k] === c)) {
        hit = true;
        for (let k = 0; k < target.length; k += 1) taken[i + k] = true;
      }
    }
    if (hit) found.push(word);
  }
  if (found.length === 0) return [];
  const rest = folded.filter((_, i) => !taken[i] && LETTER.test(chars[i]!)).join('');
  if (Array.from(rest).length >= MIN_OTHER_LETTERS && !isCommon(rest)) return [];
  // "admin" inside "administrator" is one word to the reader, not two.
  return [...new Set(found)].filter(
    (w) => !found.some((other) => other !== w && other.includes(w)),
  );
}

function quoteList(words: string[]): string {
  const quoted = words.map((w) => `“${w}”`);
  if (quoted.length === 1) return quoted[0]!;
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * Checks a password a person chose for their account. Returns null when it is acceptable, or a
 * sentence saying what to change. The password itself is never altered.
 */
export function checkNewPassword(password: string, context: PasswordContext): string | null {
  const length = Array.from(password).length;
  if (length < PASSWORD_RULE.min)
    return `The password needs at least ${PASSWORD_RULE.min} characters.`;
  if (length > PASSWORD_RULE.max)
    return `The password may have at most ${PASSWORD_RULE.max} characters.`;
  if (isCommon(password)) return COMMON_PASSWORD_MESSAGE;
  const words = contextWordsIn(password, context);
  if (words.length > 0)
    return `Avoid words tied to this system or to you, such as ${quoteList(words)}.`;
  return null;
}
