/** Period names in the reader's language (see periodName in periods.ts). */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Period } from '../../../../../core/schemas/reporting.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { periodName, type TitleWords } from './periods.js';

const LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl'] as const;

function titleWords(t: TFunction, day: (iso: string) => string): TitleWords {
  return {
    quarter: (quarter, year) => t('reporting.titles.quarter', { quarter, year }),
    half: (half, year) => t('reporting.titles.half', { half, year }),
    year: (year) => t('reporting.titles.year', { year }),
    range: (from, to) => t('reporting.titles.range', { from: day(from), to: day(to) }),
  };
}

/** The words that name periods in the reader's language ("Q1 2027", "1. квартал 2027."). */
export function useTitleWords(): TitleWords {
  const { t } = useTranslation();
  const localiser = useLocalised();
  return useMemo(
    () => titleWords(t, (iso) => localiser.date({ date: iso, precision: 'day' })),
    [t, localiser],
  );
}

/** A function naming a period in the reader's language. */
export function usePeriodName(): (period: Period) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const words = useTitleWords();
  const others = useMemo(
    () =>
      LANGUAGES.filter((l) => l !== language).map((l) =>
        titleWords(i18n.getFixedT(l) as TFunction, (iso) => iso),
      ),
    [i18n, language],
  );
  return useCallback((period: Period) => periodName(period, words, others), [words, others]);
}
