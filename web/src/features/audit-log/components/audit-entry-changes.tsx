import { Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/get-audit-log.js';
import { changedFields, readableJson } from '../utils/changes.js';

function State({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  const json = readableJson(value);
  return (
    <Stack gap={4} miw={0}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.3}>
        {title}
      </Text>
      {json === null ? (
        <Text size="sm" c="dimmed">
          {t('auditLog.entry.nothingRecorded')}
        </Text>
      ) : (
        <Code block fz="xs" style={{ maxHeight: 360, overflow: 'auto', whiteSpace: 'pre' }}>
          {json}
        </Code>
      )}
    </Stack>
  );
}

/** An entry's before and after states side by side, with the changed fields named above them. */
export function AuditEntryChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changed = changedFields(entry.before, entry.after);
  return (
    <Stack gap="sm" py="xs">
      <Group gap="lg" wrap="wrap">
        <Text size="xs">
          <Text span c="dimmed" size="xs">
            {t('auditLog.entry.id')}:
          </Text>{' '}
          <Code fz="xs">{entry.id}</Code>
        </Text>
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          <Text span c="dimmed" size="xs">
            {t('auditLog.entry.hash')}:
          </Text>{' '}
          <Code fz="xs">{entry.hash}</Code>
        </Text>
      </Group>
      {changed.length > 0 ? (
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('auditLog.entry.changed')}
          </Text>{' '}
          {changed.join(', ')}
        </Text>
      ) : null}
      {entry.redacted ? (
        <Text size="sm" c="dimmed">
          {t('auditLog.withheldContent')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <State title={t('auditLog.entry.before')} value={entry.before} />
          <State title={t('auditLog.entry.after')} value={entry.after} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
