/** Typed translation keys: t('nav.timeline') is checked against the English files at compile time. */
import 'i18next';
import type en from '../locales/en/index.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
