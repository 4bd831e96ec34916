import { ActionIcon, Anchor, Code, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalised } from '../../../lib/use-localised.js';
import type { AuditEntry } from '../api/get-audit-log.js';
import { AuditEntryChanges } from './audit-entry-changes.js';

interface AuditLogTableProps {
  entries: readonly AuditEntry[];
  /** Where a record named in the log can be opened in the app, if anywhere. */
  entityLink?: (entityType: string, entityId: string) => string | null;
}

const COLUMNS = 6;

/** The log, newest first; each entry opens to show what it recorded before and after. */
export function AuditLogTable({ entries, entityLink }: AuditLogTableProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
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
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder verticalSpacing="xs">
        <caption className="visually-hidden">{t('auditLog.tableCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={44}>
              <span className="visually-hidden">{t('auditLog.columns.details')}</span>
            </Table.Th>
            <Table.Th scope="col" w={80}>
              {t('auditLog.columns.seq')}
            </Table.Th>
            <Table.Th scope="col" w={200}>
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
            const link =
              entry.entityType && entry.entityId && entityLink
                ? entityLink(entry.entityType, entry.entityId)
                : null;
            return (
              <Fragment key={entry.seq}>
                <Table.Tr data-action={entry.action}>
                  <Table.Td>
                    <Tooltip label={label} withArrow>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => toggle(entry.seq)}
                        aria-expanded={expanded}
                        aria-controls={detailsId}
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
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={entry.occurredAt}>
                        {localiser.dateTime(entry.occurredAt)}
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
                    <Code fz="sm">{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    {entry.entityType ? (
                      <>
                        <Text size="sm">{entry.entityType}</Text>
                        {entry.entityId ? (
                          link ? (
                            <Anchor component={Link} to={link} size="xs" ff="monospace">
                              {entry.entityId}
                            </Anchor>
                          ) : (
                            <Text size="xs" c="dimmed" ff="monospace">
                              {entry.entityId}
                            </Text>
                          )
                        ) : entry.redacted ? (
                          <Text size="xs" c="dimmed">
                            {t('auditLog.withheld')}
                          </Text>
                        ) : null}
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={COLUMNS} bg="gray.0">
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
