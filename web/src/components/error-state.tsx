import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message.js';

interface ErrorStateProps {
  error: unknown;
  /** What could not be done, e.g. "The timeline could not be loaded." */
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failure the reader can understand and try again. */
export function ErrorState({ error, title, onRetry, retrying }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? t('errors.loadFailed')}
    >
      <Text size="sm">{errorMessage(error, t)}</Text>
      {onRetry ? (
        <Group mt="sm">
          <Button
            size="xs"
            variant="outline"
            color="red"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={onRetry}
            loading={retrying}
          >
            {t('common.retry')}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
