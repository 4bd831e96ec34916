import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFilter, IconLock } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INTL_LOCALES } from '../../../lib/localise.js';
import { useLocalised } from '../../../lib/use-localised.js';
import type { AuditEntry } from '../api/get-audit-log.js';
import { formatAuditTime } from '../utils/time.js';
import { actionWords, recordTypeWords } from '../utils/vocabulary.js';
import { AuditEntryChanges } from './audit-entry-changes.js';

interface AuditLogTableProps {
  entries: readonly AuditEntry[];
  /** Where a record named in the log can be opened in the app, if anywhere. */
  entityLink?: (entityType: string, entityId: string) => string | null;
  /** Shows only the entries of one record (its whole history). */
  onRecordHistory?: (entry: AuditEntry) => void;
}

const COLUMNS = 6;

function RecordCell({
  entry,
  entityLink,
  onRecordHistory,
}: Pick<AuditLogTableProps, 'entityLink' | 'onRecordHistory'> & { entry: AuditEntry }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  if (!entry.entityType)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const type = recordTypeWords(t, entry.entityType);
  if (entry.redacted)
    return (
      <>
        <Text size="xs" c="dimmed">
          {type}
        </Text>
        <Badge
          variant="light"
          color="gray"
          size="sm"
          leftSection={<IconLock size={12} aria-hidden />}
          style={{ textTransform: 'none' }}
        >
          {t('auditLog.withheld')}
        </Badge>
      </>
    );
  const shown = localiser.pick(entry.entityTitle);
  const name = shown?.text ?? t('auditLog.untitled');
  const link = entry.entityId && entityLink ? entityLink(entry.entityType, entry.entityId) : null;
  return (
    <>
      <Text size="xs" c="dimmed">
        {type}
      </Text>
      <Group gap={4} wrap="nowrap" align="flex-start">
        {link ? (
          <Anchor component={Link} to={link} size="sm" lang={shown?.lang}>
            {name}
          </Anchor>
        ) : (
          <Text size="sm" lang={shown?.lang} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
        )}
        {entry.entityId && onRecordHistory ? (
          <Tooltip label={t('auditLog.recordHistory', { name })} withArrow>
            <ActionIcon
              variant="subtle"
              size="sm"
              color="gray"
              aria-label={t('auditLog.recordHistory', { name })}
              onClick={() => onRecordHistory(entry)}
            >
              <IconFilter size={14} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
    </>
  );
}

/** The log, newest first; each entry opens to show what it changed, field by field. */
export function AuditLogTable({ entries, entityLink, onRecordHistory }: AuditLogTableProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const intlLocale = INTL_LOCALES[localiser.language];
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());

  function toggle(seq: number) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder verticalSpacing="xs">
        <caption className="visually-hidden">{t('auditLog.tableCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={44}>
              <span className="visually-hidden">{t('auditLog.columns.details')}</span>
            </Table.Th>
            <Table.Th scope="col" w={64}>
              {t('auditLog.columns.seq')}
            </Table.Th>
            <Table.Th scope="col" w={190}>
              {t('auditLog.columns.time')}
            </Table.Th>
            <Table.Th scope="col">{t('auditLog.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('auditLog.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('auditLog.columns.entity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.seq);
            const detailsId = `audit-entry-${entry.seq}`;
            const label = expanded
              ? t('auditLog.entry.hide', { seq: entry.seq })
              : t('auditLog.entry.show', { seq: entry.seq });
            return (
              <Fragment key={entry.seq}>
                <Table.Tr data-action={entry.action} data-seq={entry.seq}>
                  <Table.Td>
                    <Tooltip label={label} withArrow>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => toggle(entry.seq)}
                        aria-expanded={expanded}
                        aria-controls={expanded ? detailsId : undefined}
                        aria-label={label}
                      >
                        {expanded ? (
                          <IconChevronDown size={16} aria-hidden />
                        ) : (
                          <IconChevronRight size={16} aria-hidden />
                        )}
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.seq}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <time dateTime={entry.occurredAt}>
                        {formatAuditTime(entry.occurredAt, intlLocale)}
                      </time>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={entry.actorName ? undefined : 'dimmed'}>
                      {entry.actorName ?? t('auditLog.system')}
                    </Text>
                    {entry.ip ? (
                      <Text size="xs" c="dimmed">
                        {entry.ip}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={entry.action}>
                      {actionWords(t, entry.action)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RecordCell
                      entry={entry}
                      entityLink={entityLink}
                      onRecordHistory={onRecordHistory}
                    />
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-gray-light)">
                      <AuditEntryChanges entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
