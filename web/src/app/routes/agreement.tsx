import { Anchor, Breadcrumbs, Button, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { LocalisedText } from '../../components/localised-text.js';
import { paths } from '../../config/paths.js';
import { useAgreement } from '../../features/agreements/api/get-agreement.js';
import { AgreementDetails } from '../../features/agreements/components/agreement-details.js';
import { useMechanisms } from '../../features/mechanisms/api/get-mechanisms.js';
import { useTimelineEvents } from '../../features/timeline/api/get-timeline-events.js';
import { RelatedEvents } from '../../features/timeline/components/related-events.js';
import { EMPTY_FILTERS } from '../../features/timeline/utils/filters.js';
import { isApiError } from '../../lib/api-client.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

/** /agreements/:agreementId — one instrument in full. */
export function AgreementRoute() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { agreementId = '' } = useParams();
  const agreement = useAgreement(agreementId);
  const mechanisms = useMechanisms();
  const events = useTimelineEvents(EMPTY_FILTERS);
  const title = agreement.data
    ? localiser.text(agreement.data.shortTitle) || localiser.text(agreement.data.title)
    : t('agreements.title');
  useDocumentTitle(title);

  const mechanism = agreement.data?.mechanismId
    ? mechanisms.data?.find((m) => m.id === agreement.data?.mechanismId)
    : undefined;

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to={paths.agreements} size="sm">
          {t('agreements.title')}
        </Anchor>
        <span aria-current="page" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
          {agreement.data ? title : '…'}
        </span>
      </Breadcrumbs>

      {agreement.isPending ? (
        <LoadingState rows={4} rowHeight={80} />
      ) : agreement.isError ? (
        isApiError(agreement.error) &&
        (agreement.error.status === 404 || agreement.error.code === 'validation_failed') ? (
          <EmptyState
            title={t('agreements.notFound.title')}
            description={t('agreements.notFound.description')}
            action={
              <Button
                component={Link}
                to={paths.agreements}
                variant="light"
                leftSection={<IconArrowLeft size={16} aria-hidden />}
              >
                {t('agreements.backToRegister')}
              </Button>
            }
          />
        ) : (
          <ErrorState
            error={agreement.error}
            title={t('agreements.detailLoadFailed')}
            onRetry={() => void agreement.refetch()}
            retrying={agreement.isFetching}
          />
        )
      ) : (
        <AgreementDetails
          agreement={agreement.data}
          mechanismName={mechanism ? <LocalisedText value={mechanism.name} inherit /> : undefined}
          relatedEvents={
            events.data ? (
              <RelatedEvents recordId={agreement.data.id} events={events.data.items} />
            ) : undefined
          }
        />
      )}
    </Stack>
  );
}
