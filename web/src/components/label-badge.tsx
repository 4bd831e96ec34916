import { Badge, Tooltip } from '@mantine/core';
import { IconLock, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMarkingLevels } from '../lib/marking-levels.js';
import { useLocalised } from '../lib/use-localised.js';

export interface SecurityLabel {
  policy: string;
  level: string;
  releasableTo: string[];
  owner: string;
}

/** Level codes read as words when the server's names are not (yet) at hand: NATO_SECRET → NATO SECRET. */
function codeAsWords(code: string): string {
  return code.replaceAll('_', ' ');
}

/**
 * A record's security marking as a document would print it ("PUBLIC", "NATO UNCLASSIFIED"),
 * with the releasability spelled out in a tooltip.
 */
export function LabelBadge({ label, size = 'sm' }: { label: SecurityLabel; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { data } = useMarkingLevels();
  const level = data?.items.find((l) => l.policy === label.policy && l.code === label.level);
  const name = level ? localiser.text(level.name) : codeAsWords(label.level);
  const isPublic = level?.public ?? label.level === 'PUBLIC';
  const releasable = label.releasableTo
    .map((code) => (code === 'PUBLIC' ? t('marking.everyone') : code))
    .join(', ');
  const description = [
    t('marking.tooltipLevel', { level: name }),
    releasable ? t('marking.tooltipReleasable', { to: releasable }) : null,
    t('marking.tooltipOwner', { owner: label.owner }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Tooltip label={description} withArrow multiline maw={320}>
      <Badge
        size={size}
        radius="xs"
        variant={isPublic ? 'light' : 'filled'}
        color={isPublic ? 'gray' : 'orange'}
        leftSection={
          isPublic ? <IconWorld size={12} aria-hidden /> : <IconLock size={12} aria-hidden />
        }
        aria-label={`${t('marking.label')}: ${description}`}
        tabIndex={0}
      >
        {name}
      </Badge>
    </Tooltip>
  );
}
