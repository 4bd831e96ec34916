import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../config/paths.js';

/**
 * Shown when a page fails to render or its code cannot be fetched (typically right after a new
 * version was deployed); reloading fetches the new code.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : null;
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" role="alert">
        <Title order={1}>{t('routeError.title')}</Title>
        <Text>{status === 404 ? t('notFound.description') : t('routeError.description')}</Text>
        <Stack gap="xs" align="flex-start">
          <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
          <Button component={Link} to={paths.overview} variant="subtle">
            {t('notFound.home')}
          </Button>
        </Stack>
      </Stack>
    </Container>
  );
}
