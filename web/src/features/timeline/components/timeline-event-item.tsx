import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileText, IconHierarchy2, IconSitemap } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineEvent } from '../../../../../core/schemas/timeline.js';
import { ConflictNote } from '../../../components/conflict-note.js';
import { LabelBadge } from '../../../components/label-badge.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { CATEGORY_COLORS } from '../utils/categories.js';
import { SourcesPopover } from './sources-popover.js';
import classes from './timeline.module.css';

type Related = TimelineEvent['related'][number];

const RELATED_ICONS = {
  mechanism: IconSitemap,
  agreement: IconFileText,
  organisation: IconHierarchy2,
} as const;

function relatedHref(record: Related): string {
  switch (record.type) {
    case 'mechanism':
      return paths.mechanism(record.id);
    case 'agreement':
      return paths.agreement(record.id);
    case 'organisation':
      return paths.organisation(record.id);
  }
}

/** One event: when (as precisely as known), what kind, what happened, and on whose word. */
export function TimelineEventItem({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const color = CATEGORY_COLORS[event.category];
  const titleId = `event-${event.id}`;
  const isPublic = event.label.level === 'PUBLIC';

  return (
    <li
      className={classes.event}
      style={{ ['--dot-color' as string]: `var(--mantine-color-${color}-6)` }}
    >
      <span className={classes.dot} aria-hidden />
      <article aria-labelledby={titleId}>
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <Text
              component="time"
              dateTime={event.when.date}
              fw={700}
              size="sm"
              className={classes.date}
              title={t('timeline.precision', {
                precision: t(`vocab.datePrecision.${event.when.precision}`),
              })}
            >
              {localiser.date(event.when)}
            </Text>
            <Badge color={color} variant="light" radius="xs" size="sm">
              {t(`vocab.timelineCategory.${event.category}`)}
            </Badge>
            {isPublic ? null : <LabelBadge label={event.label} size="xs" />}
          </Group>
          <Title order={3} id={titleId} fz={17} fw={600} lh={1.35}>
            <LocalisedText value={event.title} inherit />
          </Title>
          <LocalisedText value={event.description} component="p" size="sm" c="dark.6" />
          <ConflictNote note={event.conflictNote} />
          <Group gap="xs" wrap="wrap" align="center">
            <SourcesPopover sources={event.sources} />
            {event.related.length > 0 ? (
              <Group gap={6} wrap="wrap" align="center">
                <Text size="sm" c="dimmed" component="span">
                  {t('timeline.related')}
                </Text>
                {event.related.map((record) => {
                  const Icon = RELATED_ICONS[record.type];
                  return (
                    <Anchor
                      key={`${record.type}-${record.id}`}
                      component={Link}
                      to={relatedHref(record)}
                      size="sm"
                      title={t(`timeline.relatedType.${record.type}`)}
                    >
                      <Icon
                        size={14}
                        aria-hidden
                        style={{ verticalAlign: 'text-top', marginInlineEnd: 3 }}
                      />
                      <LocalisedText value={record.title} inherit />
                    </Anchor>
                  );
                })}
              </Group>
            ) : null}
          </Group>
        </Stack>
      </article>
    </li>
  );
}
