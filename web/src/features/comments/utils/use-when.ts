/** A comment's moment to the minute in the reader's language: "29 Nov 2026, 14:05". */
import { useMemo } from 'react';
import { INTL_LOCALES } from '../../../lib/localise.js';
import { useLanguage } from '../../../lib/use-localised.js';

export function useWhen(): (iso: string) => string {
  const language = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(INTL_LOCALES[language], {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [language]);
}
