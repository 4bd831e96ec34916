import { Box, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMarkingLevels } from '../../../lib/marking-levels.js';
import { useLocalised } from '../../../lib/use-localised.js';
import type { AuditEntry } from '../api/get-audit-log.js';
import { fieldChanges, isLongText, readableJson, textDiff } from '../utils/changes.js';
import { formatValue, isLocalisedText, type ValueContext } from '../utils/values.js';
import { fieldWords } from '../utils/vocabulary.js';
import classes from './audit-entry-changes.module.css';

/** Two long texts as one, removed words struck through and added ones marked. */
function TextDifference({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" className={classes.textDiff} data-testid="audit-text-diff">
      {textDiff(before, after).map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={i} className={classes.removed} title={t('auditLog.diff.removed')}>
            {part.text}
          </del>
        ) : (
          <ins key={i} className={classes.added} title={t('auditLog.diff.added')}>
            {part.text}
          </ins>
        ),
      )}
    </Text>
  );
}

/**
 * An entry's changes field by field: the field in words, its value before and after, formatted
 * (days, statuses, labels, referenced records by name); a long text changed in place is shown as
 * one text with its removed and added words marked. The raw snapshots stay one click away.
 */
export function AuditEntryChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const levels = useMarkingLevels();
  const ctx: ValueContext = {
    t,
    localiser,
    references: entry.references,
    entityType: entry.entityType,
    levelName: (policy, level) => {
      const found = levels.data?.items.find((l) => l.policy === policy && l.code === level);
      return found ? localiser.text(found.name) : level.replace(/_/g, ' ');
    },
  };
  const changes = entry.redacted ? [] : fieldChanges(entry.before, entry.after);
  const asText = (value: unknown): string | null =>
    typeof value === 'string' ? value : isLocalisedText(value) ? localiser.text(value) : null;
  const created = entry.before == null && entry.after != null;
  const deleted = entry.after == null && entry.before != null;

  return (
    <Stack gap="sm" py="xs">
      {entry.redacted ? (
        <Text size="sm" c="dimmed">
          {t('auditLog.withheldContent')}
        </Text>
      ) : changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('auditLog.entry.nothingRecorded')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table
            withTableBorder
            withColumnBorders
            verticalSpacing={6}
            className={classes.diff}
            data-testid="audit-diff"
          >
            <caption className="visually-hidden">
              {t('auditLog.diff.caption', { seq: entry.seq })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="22%">
                  {t('auditLog.diff.field')}
                </Table.Th>
                {created ? null : <Table.Th scope="col">{t('auditLog.entry.before')}</Table.Th>}
                {deleted ? null : <Table.Th scope="col">{t('auditLog.entry.after')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((c) => {
                // Long text changed in place (a plain string, or a text in the reader's language).
                const before = asText(c.before);
                const after = asText(c.after);
                const long =
                  !created &&
                  !deleted &&
                  before !== null &&
                  after !== null &&
                  (isLongText(before) || isLongText(after));
                return (
                  <Table.Tr key={c.field} data-field={c.field}>
                    <Table.Th scope="row" fw={600}>
                      {c.field ? fieldWords(t, c.field) : t('auditLog.diff.value')}
                    </Table.Th>
                    {long ? (
                      <Table.Td colSpan={2}>
                        <TextDifference before={before} after={after} />
                      </Table.Td>
                    ) : (
                      <>
                        {created ? null : (
                          <Table.Td className={classes.before}>
                            {formatValue(ctx, c.field, c.before)}
                          </Table.Td>
                        )}
                        {deleted ? null : (
                          <Table.Td className={classes.after}>
                            {formatValue(ctx, c.field, c.after)}
                          </Table.Td>
                        )}
                      </>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Box component="details" className={classes.raw}>
        <Text component="summary" size="xs" c="dimmed">
          {t('auditLog.entry.raw')}
        </Text>
        <Stack gap="xs" mt="xs">
          <Group gap="lg" wrap="wrap">
            <Text size="xs">
              <Text span c="dimmed" size="xs">
                {t('auditLog.entry.id')}:
              </Text>{' '}
              <Code fz="xs">{entry.id}</Code>
            </Text>
            {entry.entityId ? (
              <Text size="xs">
                <Text span c="dimmed" size="xs">
                  {t('auditLog.entry.recordId')}:
                </Text>{' '}
                <Code fz="xs">{entry.entityId}</Code>
              </Text>
            ) : null}
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              <Text span c="dimmed" size="xs">
                {t('auditLog.entry.hash')}:
              </Text>{' '}
              <Code fz="xs">{entry.hash}</Code>
            </Text>
          </Group>
          {entry.redacted ? null : (
            <Group gap="md" align="flex-start" grow wrap="wrap">
              {(
                [
                  ['before', entry.before],
                  ['after', entry.after],
                ] as const
              ).map(([side, value]) => (
                <Stack gap={4} miw={0} key={side}>
                  <Text size="xs" fw={700} c="dimmed">
                    {t(`auditLog.entry.${side}`)}
                  </Text>
                  <Code block fz="xs" className={classes.json}>
                    {readableJson(value) ?? t('auditLog.entry.nothingRecorded')}
                  </Code>
                </Stack>
              ))}
            </Group>
          )}
        </Stack>
      </Box>
    </Stack>
  );
}
