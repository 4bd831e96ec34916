import { Text, type TextProps } from '@mantine/core';
import type { LocalisedText as LocalisedTextValue } from '../../../core/domain/text.js';
import { useLanguage, useLocalised } from '../lib/use-localised.js';

type LocalisedTextProps = TextProps & {
  value: LocalisedTextValue | null | undefined;
  component?: 'span' | 'p' | 'div';
  /** Shown when the text exists in neither language. */
  fallback?: string;
};

/**
 * Stored multilingual text in the reader's language and script. When only the other language
 * exists it is shown instead, with a `lang` attribute so screen readers pronounce it right.
 */
export function LocalisedText({
  value,
  component = 'span',
  fallback,
  ...rest
}: LocalisedTextProps) {
  const localiser = useLocalised();
  const language = useLanguage();
  const shown = localiser.pick(value);
  if (!shown && !fallback) return null;
  const lang = shown && shown.lang !== language ? shown.lang : undefined;
  const content = shown?.text ?? fallback;
  if (component === 'p')
    return (
      <Text lang={lang} {...rest}>
        {content}
      </Text>
    );
  return (
    <Text component={component} lang={lang} {...rest}>
      {content}
    </Text>
  );
}
