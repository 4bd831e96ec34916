import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineEvent } from '../../../../../core/schemas/timeline.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { CATEGORY_COLORS } from '../utils/categories.js';
import { EMPTY_FILTERS, relatedTo, timelineFiltersToParams } from '../utils/filters.js';

/** The address of the timeline showing only the events related to a record. */
export function relatedEventsHref(recordId: string): string {
  const params = timelineFiltersToParams({ ...EMPTY_FILTERS, related: recordId });
  return `${paths.timeline}?${params.toString()}`;
}

interface RelatedEventsProps {
  recordId: string;
  events: readonly TimelineEvent[];
}

/** A compact, dated list of the events that concern one record, with a link to the timeline. */
export function RelatedEvents({ recordId, events }: RelatedEventsProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const related = relatedTo(events, recordId);
  if (related.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('timeline.relatedEvents.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <List spacing={6} size="sm" listStyleType="none" pl={0}>
        {related.map((event) => (
          <List.Item key={event.id}>
            <Group gap={8} wrap="nowrap" align="baseline">
              <Text component="time" dateTime={event.when.date} size="sm" fw={600} miw={130}>
                {localiser.date(event.when)}
              </Text>
              <div>
                <LocalisedText value={event.title} size="sm" />{' '}
                <Badge
                  color={CATEGORY_COLORS[event.category]}
                  variant="light"
                  radius="xs"
                  size="xs"
                >
                  {t(`vocab.timelineCategory.${event.category}`)}
                </Badge>
              </div>
            </Group>
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to={relatedEventsHref(recordId)} size="sm">
        {t('timeline.relatedEvents.open', { count: related.length })}
      </Anchor>
    </Stack>
  );
}
