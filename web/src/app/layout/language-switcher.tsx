import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../../lib/locale.js';
import { useLanguage } from '../../lib/use-localised.js';

const options = LANGUAGES.map((language) => ({
  value: language,
  // Each choice is named in its own language and script, whatever language is active.
  label: <span lang={language}>{LANGUAGE_NAMES[language]}</span>,
}));

/** EN / Latinica / Ћирилица; the choice applies at once and is remembered in this browser. */
export function LanguageSwitcher({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      fullWidth={fullWidth}
      value={language}
      data={options}
      onChange={(value) => {
        if (isLanguage(value)) void i18n.changeLanguage(value);
      }}
    />
  );
}
