import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SIDES, type Side } from '../../../../core/domain/vocabularies.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useOrganisations } from '../../features/organisations/api/get-organisations.js';
import { OrganisationBrowser } from '../../features/organisations/components/organisation-browser.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

function parseSide(value: string | null): Side | null {
  return value !== null && (SIDES as readonly string[]).includes(value) ? (value as Side) : null;
}

/** /organisations — who is who on both sides; ?side=, ?q= and ?focus= make a view shareable. */
export function OrganisationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const organisations = useOrganisations();
  const side = parseSide(searchParams.get('side'));
  const query = (searchParams.get('q') ?? '').slice(0, 200);
  const focusedId = searchParams.get('focus');

  function update(key: 'side' | 'q', value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearchParams(next, { replace: true, preventScrollReset: true });
  }

  return (
    <>
      <PageHeader title={t('organisations.title')} description={t('organisations.lead')} />
      {organisations.isPending ? (
        <LoadingState rows={8} rowHeight={44} />
      ) : organisations.isError ? (
        <ErrorState
          error={organisations.error}
          title={t('organisations.loadFailed')}
          onRetry={() => void organisations.refetch()}
          retrying={organisations.isFetching}
        />
      ) : (
        <OrganisationBrowser
          key={focusedId ?? 'all'}
          organisations={organisations.data}
          side={side}
          query={query}
          focusedId={focusedId}
          onSideChange={(s) => update('side', s)}
          onQueryChange={(q) => update('q', q)}
        />
      )}
    </>
  );
}
