import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createLocaliser, type Localiser } from './localise.js';
import { scriptOf, toLanguage, type Language } from './locale.js';
import type { Script } from '../../../core/text/transliterate.js';

/** The active interface language (en, sr-Latn, sr-Cyrl). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** The script Serbian text is shown in for this reader. */
export function useScript(): Script {
  return scriptOf(useLanguage());
}

/** Helpers to show records' multilingual text, dates and numbers in the reader's language. */
export function useLocalised(): Localiser {
  const language = useLanguage();
  return useMemo(() => createLocaliser(language), [language]);
}
