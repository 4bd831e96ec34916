import { Anchor, Badge, Divider, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementDetail } from '../../../../../core/schemas/agreement.js';
import { ConflictNote } from '../../../components/conflict-note.js';
import { LabelBadge } from '../../../components/label-badge.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { SourcesList } from '../../../components/sources-list.js';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { AgreementRelations } from './agreement-relations.js';
import { AgreementStatusBadge } from './agreement-status-badge.js';
import classes from './agreements.module.css';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

interface AgreementDetailsProps {
  agreement: AgreementDetail;
  /** The name of the mechanism the instrument operates under, when known. */
  mechanismName?: ReactNode;
  /** The timeline events that concern the instrument (composed by the page). */
  relatedEvents?: ReactNode;
}

/** One instrument in full: what it is, who signed it when and where, how it relates to others. */
export function AgreementDetails({
  agreement,
  mechanismName,
  relatedEvents,
}: AgreementDetailsProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const shortTitle = localiser.text(agreement.shortTitle);
  const notRecorded = (
    <Text span c="dimmed" size="sm">
      {t('common.notRecorded')}
    </Text>
  );
  const date = (value: AgreementDetail['signedOn']) =>
    value ? localiser.date(value) : notRecorded;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="outline" color="navy" radius="xs">
            {t(`vocab.agreementKind.${agreement.kind}`)}
          </Badge>
          <AgreementStatusBadge status={agreement.status} />
          <LabelBadge label={agreement.label} />
        </Group>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          <LocalisedText value={agreement.title} inherit />
        </Title>
        {shortTitle && shortTitle !== localiser.text(agreement.title) ? (
          <Text c="dimmed">
            {t('agreements.detail.shortTitle')}:{' '}
            <LocalisedText value={agreement.shortTitle} inherit fw={600} />
          </Text>
        ) : null}
      </Stack>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <ConflictNote note={agreement.conflictNote} />
            <section aria-labelledby="agreement-description">
              <Title order={2} fz={18} id="agreement-description" mb="xs">
                {t('agreements.detail.description')}
              </Title>
              <LocalisedText
                value={agreement.description}
                component="p"
                style={{ whiteSpace: 'pre-line' }}
                fallback={t('agreements.detail.noDescription')}
              />
            </section>
            <section aria-labelledby="agreement-relations">
              <Title order={2} fz={18} id="agreement-relations" mb="xs">
                {t('agreements.detail.relations')}
              </Title>
              <AgreementRelations relations={agreement.relations} />
            </section>
            {relatedEvents ? (
              <section aria-labelledby="agreement-events">
                <Title order={2} fz={18} id="agreement-events" mb="xs">
                  {t('agreements.detail.events')}
                </Title>
                {relatedEvents}
              </section>
            ) : null}
            <section aria-labelledby="agreement-sources">
              <Title order={2} fz={18} id="agreement-sources" mb="xs">
                {t('sources.title')}
              </Title>
              <SourcesList sources={agreement.sources} />
            </section>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" radius="sm" component="aside" aria-labelledby="agreement-facts">
            <Title order={2} fz={16} id="agreement-facts" mb="sm">
              {t('agreements.detail.facts')}
            </Title>
            <dl className={classes.facts}>
              <Fact term={t('agreements.columns.parties')}>
                <LocalisedText
                  value={agreement.parties}
                  size="sm"
                  fallback={t('common.notRecorded')}
                />
              </Fact>
              <Fact term={t('agreements.columns.signedOn')}>{date(agreement.signedOn)}</Fact>
              <Fact term={t('agreements.detail.signedAt')}>
                <LocalisedText
                  value={agreement.signedAt}
                  size="sm"
                  fallback={t('common.notRecorded')}
                />
              </Fact>
              <Fact term={t('agreements.columns.ratifiedOn')}>{date(agreement.ratifiedOn)}</Fact>
              <Fact term={t('agreements.columns.inForceFrom')}>{date(agreement.inForceFrom)}</Fact>
              {agreement.mechanismId ? (
                <Fact term={t('agreements.detail.mechanism')}>
                  <Anchor component={Link} to={paths.mechanism(agreement.mechanismId)} size="sm">
                    {mechanismName ?? t('agreements.detail.viewMechanism')}
                  </Anchor>
                </Fact>
              ) : null}
            </dl>
            <Divider my="sm" />
            <Text size="xs" c="dimmed">
              {t('agreements.detail.updated', { date: localiser.timestamp(agreement.updatedAt) })}
            </Text>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
