import { Alert } from '@mantine/core';
import { IconArrowsSplit2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LocalisedText as LocalisedTextValue } from '../../../core/domain/text.js';
import { LocalisedText } from './localised-text.js';
import { useLocalised } from '../lib/use-localised.js';

/** Flags a record whose sources disagree (a date, a place, a wording) and says how. */
export function ConflictNote({ note }: { note: LocalisedTextValue | null | undefined }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  if (!localiser.pick(note)) return null;
  return (
    <Alert
      variant="light"
      color="orange"
      p="xs"
      maw={900}
      icon={<IconArrowsSplit2 size={18} aria-hidden />}
      title={t('sources.disagree')}
      styles={{ title: { marginBottom: 2 }, body: { gap: 0 } }}
    >
      <LocalisedText value={note} size="sm" component="p" />
    </Alert>
  );
}
