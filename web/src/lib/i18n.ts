/** i18next set-up: three bundled languages, Serbian plural forms, <html lang> kept in step. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/index.js';
import srCyrl from '../locales/sr-Cyrl/index.js';
import srLatn from '../locales/sr-Latn/index.js';
import { initialLanguage, LANGUAGES, rememberLanguage, toLanguage } from './locale.js';

export const resources = {
  en: { translation: en },
  'sr-Latn': { translation: srLatn },
  'sr-Cyrl': { translation: srCyrl },
} as const;

function applyToDocument(tag: string): void {
  const language = toLanguage(tag);
  document.documentElement.lang = language;
  document.documentElement.dir = 'ltr';
}

/** Starts i18next once, before the first render, so no text flashes in the wrong language. */
export function setUpI18n(): typeof i18next {
  if (i18next.isInitialized) return i18next;
  i18next.on('languageChanged', (tag) => {
    applyToDocument(tag);
    rememberLanguage(toLanguage(tag));
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    supportedLngs: [...LANGUAGES],
    // A Serbian key can never be missing (a test checks), but English is the safe last resort.
    fallbackLng: 'en',
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
    initAsync: false,
  });
  applyToDocument(i18next.language);
  return i18next;
}
