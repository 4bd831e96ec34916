import { Button } from '@mantine/core';
import { IconHome, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../config/paths.js';
import { EmptyState } from './empty-state.js';

/** Said, politely, to a signed-in user who opened a page their role does not give them. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconLock size={28} aria-hidden />}
      title={t('notAllowed.title')}
      description={t('notAllowed.description')}
      action={
        <Button
          component={Link}
          to={paths.overview}
          variant="light"
          leftSection={<IconHome size={16} aria-hidden />}
        >
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
