/** The three interface languages: English, Serbian in Latin script and Serbian in Cyrillic script. */
import type { Script } from '../../../core/text/transliterate.js';

export const LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * What the language switcher shows. Each name is written in its own language and script and is
 * the same whatever language is active, so a reader can always find their way back.
 */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'EN',
  'sr-Latn': 'Latinica',
  'sr-Cyrl': 'Ћирилица',
};

export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'liaison.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The script Serbian text is shown in; English readers get Latin. */
export function scriptOf(language: Language): Script {
  return language === 'sr-Cyrl' ? 'Cyrl' : 'Latn';
}

/** Turns any language tag i18next reports into one of ours. */
export function toLanguage(tag: string | undefined): Language {
  if (isLanguage(tag)) return tag;
  if (tag?.toLowerCase().startsWith('sr')) {
    return /latn/i.test(tag) ? 'sr-Latn' : 'sr-Cyrl';
  }
  return DEFAULT_LANGUAGE;
}

/** The language to start in: the reader's last choice, else the browser's preference, else English. */
export function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be blocked (private mode, policies); the browser preference still works.
  }
  const preferred = window.navigator.languages?.find((tag) => /^(en|sr)\b/i.test(tag));
  return toLanguage(preferred);
}

/** Remembers the reader's choice; failing to store it only means asking again next time. */
export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // See initialLanguage.
  }
}
