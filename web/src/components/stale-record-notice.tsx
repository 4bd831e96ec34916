import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Where a form stands after the server refused a save with 412 (someone else saved first):
 * `stale` — refused, the typed values kept; `reloaded` — the saved version is loaded and the typed
 * values still differ from it in `fields` (names in words; `null` when the form cannot tell).
 */
export type StaleRecordState =
  { state: 'stale' } | { state: 'reloaded'; fields: readonly string[] | null };

interface StaleRecordNoticeProps {
  /** What the person was doing when refused: a save keeps the typed values, a delete did nothing. */
  action?: 'save' | 'delete';
  conflict: StaleRecordState;
  /** Reads the saved version (the form then passes `{ state: 'reloaded', … }`). */
  onReload?: () => void;
  reloading?: boolean;
  /** After the reload: drop the typed values and take the saved ones. */
  onUseSaved?: () => void;
  /** After the reload: keep the typed values (to save them over the saved version). */
  onKeepMine?: () => void;
}

/**
 * The one notice for every 412: nothing was overwritten, what was typed is kept, and the way on is
 * to load the saved version, compare, and save again or take the saved values.
 */
export function StaleRecordNotice({
  action = 'save',
  conflict,
  onReload,
  reloading,
  onUseSaved,
  onKeepMine,
}: StaleRecordNoticeProps) {
  const { t } = useTranslation();
  if (conflict.state === 'stale')
    return (
      <Alert
        color="orange"
        role="alert"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('staleRecord.title')}
        data-testid="stale-record-notice"
      >
        <Stack gap="xs">
          <Text size="sm">
            {action === 'delete' ? t('staleRecord.bodyDelete') : t('staleRecord.body')}
          </Text>
          {onReload ? (
            <Group>
              <Button
                size="xs"
                variant="light"
                color="orange"
                leftSection={<IconRefresh size={14} aria-hidden />}
                loading={reloading}
                onClick={onReload}
              >
                {t('staleRecord.reload')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Alert>
    );

  const { fields } = conflict;
  const differs = fields === null || fields.length > 0;
  return (
    <Alert
      color="blue"
      role="status"
      title={t('staleRecord.reloadedTitle')}
      data-testid="stale-record-notice"
    >
      <Stack gap="xs">
        <Text size="sm">
          {fields === null
            ? t('staleRecord.reloadedUnknown')
            : fields.length === 0
              ? t('staleRecord.reloadedSame')
              : t('staleRecord.reloadedDiffer', { fields: fields.join(', ') })}
        </Text>
        {differs && (onUseSaved || onKeepMine) ? (
          <Group gap="xs">
            {onUseSaved ? (
              <Button size="xs" variant="default" onClick={onUseSaved}>
                {t('staleRecord.useSaved')}
              </Button>
            ) : null}
            {onKeepMine ? (
              <Button size="xs" onClick={onKeepMine}>
                {t('staleRecord.keepMine')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
