import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../../config/paths.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

/** Any address the app does not know. */
export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  const location = useLocation();
  return (
    <Stack gap="md" py="xl" maw={640}>
      <Text c="dimmed" fw={700} size="sm">
        404
      </Text>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.description')}</Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        <code>{location.pathname}</code>
      </Text>
      <Group>
        <Button
          component={Link}
          to={paths.overview}
          leftSection={<IconHome size={16} aria-hidden />}
        >
          {t('notFound.home')}
        </Button>
        <Button component={Link} to={paths.timeline} variant="default">
          {t('nav.timeline')}
        </Button>
      </Group>
    </Stack>
  );
}
