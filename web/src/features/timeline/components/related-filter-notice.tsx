import { Alert } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../../core/schemas/timeline.js';
import { LocalisedText } from '../../../components/localised-text.js';

interface RelatedFilterNoticeProps {
  relatedId: string;
  /** The events shown; the record's name is taken from their links to it. */
  events: readonly TimelineEvent[];
  onClear: () => void;
}

/** Says that only the events of one record are shown, and offers to show all again. */
export function RelatedFilterNotice({ relatedId, events, onClear }: RelatedFilterNoticeProps) {
  const { t } = useTranslation();
  const record = events.flatMap((e) => e.related).find((r) => r.id === relatedId);
  return (
    <Alert
      variant="light"
      color="navy"
      icon={<IconLink size={18} aria-hidden />}
      withCloseButton
      closeButtonLabel={t('timeline.relatedFilter.clear')}
      onClose={onClear}
      p="sm"
    >
      {t('timeline.relatedFilter.showing')}{' '}
      {record ? <LocalisedText value={record.title} inherit fw={600} /> : null}
    </Alert>
  );
}
