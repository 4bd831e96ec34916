import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface LoadingStateProps {
  /** How many placeholder rows to draw. */
  rows?: number;
  /** Height of one row in pixels. */
  rowHeight?: number;
}

/** Skeleton rows while data loads; screen readers hear "Loading…" once. */
export function LoadingState({ rows = 4, rowHeight = 72 }: LoadingStateProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true">
      <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        <Stack key={i} gap={6}>
          <Skeleton height={12} width={`${20 + ((i * 17) % 20)}%`} />
          <Skeleton height={rowHeight - 24} />
        </Stack>
      ))}
    </Stack>
  );
}
