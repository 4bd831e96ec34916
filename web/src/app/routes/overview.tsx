import { Anchor, Card, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity, IconFileText, IconTimeline } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { paths } from '../../config/paths.js';
import { useAgreements } from '../../features/agreements/api/get-agreements.js';
import { useMechanisms } from '../../features/mechanisms/api/get-mechanisms.js';
import {
  MechanismTree,
  type LeadOrganisation,
} from '../../features/mechanisms/components/mechanism-tree.js';
import { useOrganisationsById } from '../../features/organisations/api/get-organisation-names.js';
import { useTimelineEvents } from '../../features/timeline/api/get-timeline-events.js';
import { relatedEventsHref } from '../../features/timeline/components/related-events.js';
import { EMPTY_FILTERS, relatedTo } from '../../features/timeline/utils/filters.js';
import { DEFAULT_AGREEMENT_FILTERS } from '../../features/agreements/utils/filters.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import classes from './overview.module.css';

interface GlanceCardProps {
  to: string;
  icon: ReactNode;
  title: string;
  figure: string | null;
  text: string;
}

function GlanceCard({ to, icon, title, figure, text }: GlanceCardProps) {
  const { t } = useTranslation();
  // The figure is the link and the whole card is its click target; the title stays plain text,
  // so the card's link is not a second link named like the navigation's.
  return (
    <Card withBorder padding="md" radius="sm" h="100%" className={classes.glanceCard}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={40} radius="sm">
          {icon}
        </ThemeIcon>
        <div>
          <Text fw={650} component="h3" fz="md" m={0}>
            {title}
          </Text>
          <Anchor component={Link} to={to} size="sm" fw={500} className={classes.stretchedLink}>
            {figure ?? t('overview.glance.open')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        </div>
      </Group>
    </Card>
  );
}

/** "/" — what Liaison is, the partnership it serves, and the mechanisms it runs through. */
export function OverviewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('overview.documentTitle'));
  const location = useLocation();
  const mechanisms = useMechanisms();
  const organisations = useOrganisationsById();
  const events = useTimelineEvents(EMPTY_FILTERS);
  const agreements = useAgreements(DEFAULT_AGREEMENT_FILTERS);

  const highlightedId = location.hash.startsWith('#mechanism-')
    ? location.hash.slice('#mechanism-'.length)
    : null;

  const leads = useMemo(() => {
    const map = new Map<string, LeadOrganisation>();
    for (const [id, o] of organisations.data ?? []) map.set(id, o);
    return map;
  }, [organisations.data]);

  // "Related events" appears on mechanisms that timeline events actually refer to.
  const eventItems = events.data?.items;
  const timelineHref = useCallback(
    (mechanism: { id: string }) =>
      eventItems && relatedTo(eventItems, mechanism.id).length > 0
        ? relatedEventsHref(mechanism.id)
        : null,
    [eventItems],
  );

  const loaded = Boolean(mechanisms.data);
  useEffect(() => {
    if (!loaded || !highlightedId) return;
    const element = document.getElementById(`mechanism-${highlightedId}`);
    element?.scrollIntoView({ block: 'start' });
  }, [loaded, highlightedId]);

  return (
    <Stack gap="xl">
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <PageHeader title={t('overview.title')} />
          <Stack gap="sm">
            <Text size="lg">{t('overview.intro.what')}</Text>
            <Text>{t('overview.intro.partnership')}</Text>
            <Text>{t('overview.intro.mechanisms')}</Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <section aria-labelledby="glance-heading">
            <Title
              order={2}
              id="glance-heading"
              fz={14}
              tt="uppercase"
              c="dimmed"
              mb="sm"
              mt={{ md: 8 }}
            >
              {t('overview.glance.title')}
            </Title>
            <Stack gap="sm">
              <GlanceCard
                to={paths.timeline}
                icon={<IconTimeline size={22} aria-hidden />}
                title={t('nav.timeline')}
                figure={events.data ? t('timeline.eventCount', { count: events.data.total }) : null}
                text={t('overview.glance.timeline')}
              />
              <GlanceCard
                to={paths.agreements}
                icon={<IconFileText size={22} aria-hidden />}
                title={t('nav.agreements')}
                figure={
                  agreements.data ? t('agreements.count', { count: agreements.data.total }) : null
                }
                text={t('overview.glance.agreements')}
              />
              <GlanceCard
                to={paths.organisations}
                icon={<IconBuildingCommunity size={22} aria-hidden />}
                title={t('nav.organisations')}
                figure={
                  organisations.data
                    ? t('organisations.count', { count: organisations.data.size })
                    : null
                }
                text={t('overview.glance.organisations')}
              />
            </Stack>
          </section>
        </Grid.Col>
      </Grid>

      <section aria-labelledby="mechanisms-heading">
        <Title order={2} id="mechanisms-heading" fz={22} mb={4}>
          {t('mechanisms.title')}
        </Title>
        <Text c="dimmed" mb="md" maw={860}>
          {t('mechanisms.lead')}
        </Text>
        {mechanisms.isPending ? (
          <LoadingState rows={5} rowHeight={96} />
        ) : mechanisms.isError ? (
          <ErrorState
            error={mechanisms.error}
            title={t('mechanisms.loadFailed')}
            onRetry={() => void mechanisms.refetch()}
            retrying={mechanisms.isFetching}
          />
        ) : (
          <MechanismTree
            key={highlightedId ?? 'none'}
            mechanisms={mechanisms.data}
            organisations={leads}
            timelineHref={timelineHref}
            highlightedId={highlightedId}
          />
        )}
        {organisations.isError ? (
          <Text size="sm" c="dimmed" mt="sm">
            {t('mechanisms.leadsUnavailable')}
          </Text>
        ) : null}
      </section>
    </Stack>
  );
}
